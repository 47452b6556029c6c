using Microsoft.Extensions.Options;
using Pathway.Data.Security;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Anyone whose role can see case data must have signed in with a second factor. Someone who has not yet enrolled an
/// authenticator is sent to enrol before they can reach anything else.
/// </summary>
public sealed class TwoFactorEnforcement(RequestDelegate next, IOptions<PathwayAuthOptions> options, IHostEnvironment env)
{
    public const string DemoClaim = "pathway:demo";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.Identity.AuthenticationType != ApiTokens.Scheme
            && RequiresMfa(user)
            && !user.HasMfa()
            && !IsWaived(user)
            && !IsAllowedWithoutMfa(context.Request.Path))
        {
            context.Response.Redirect("/account/two-factor/enrol");
            return;
        }
        await next(context);
    }

    public static bool RequiresMfa(System.Security.Claims.ClaimsPrincipal user) => user.ToStaffContext().Roles.Any(StaffRoles.SeesCaseData);

    public bool IsWaived(System.Security.Claims.ClaimsPrincipal user) =>
        env.IsDevelopment() && options.Value.WaiveTwoFactorForDemoAccounts && user.HasClaim(DemoClaim, "true");

    private static bool IsAllowedWithoutMfa(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/assets")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/error");
}
