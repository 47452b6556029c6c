using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Whether a principal may do without the second factor: demo accounts only, only when the app runs in Development
/// and <see cref="PathwayAuthOptions.WaiveTwoFactorForDemoAccounts"/> is on. Asked on every request, so a token made
/// under the waiver is no use anywhere else.
/// </summary>
public sealed class TwoFactorWaiver(IOptions<PathwayAuthOptions> options, IHostEnvironment env)
{
    public bool IsWaived(ClaimsPrincipal user) =>
        env.IsDevelopment() && options.Value.WaiveTwoFactorForDemoAccounts && user.HasClaim(TwoFactorEnforcement.DemoClaim, "true");
}
