using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pathway.Data.Entities;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>Adds the team and display name to the sign-in cookie so access checks need no extra query.</summary>
public sealed class PathwayClaimsFactory(
    UserManager<StaffUser> users, RoleManager<StaffRoleRecord> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, StaffRoleRecord>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PathwayClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team) identity.AddClaim(new Claim(PathwayClaims.TeamId, team.ToString()));
        if (user.IsDemoAccount) identity.AddClaim(new Claim(TwoFactorEnforcement.DemoClaim, "true"));
        return identity;
    }
}
