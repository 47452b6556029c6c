using Microsoft.AspNetCore.Authorization;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Case-data roles reach the API only with a token that stands for a two-factor sign-in (see
/// <see cref="Data.Entities.ApiTokenIssuance"/>); the pages get the same promise from <see cref="TwoFactorEnforcement"/>.
/// </summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement;

public sealed class SecondFactorHandler(TwoFactorWaiver waiver) : AuthorizationHandler<SecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        var user = context.User;
        if (!TwoFactorEnforcement.RequiresMfa(user) || user.HasMfa() || waiver.IsWaived(user)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
