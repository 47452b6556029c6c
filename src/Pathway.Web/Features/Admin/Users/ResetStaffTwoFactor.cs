using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>
/// Resets a staff account's two-factor sign-in: a new authenticator key (which also renews the security stamp, ending
/// sessions) and two-factor off, so at their next sign-in a case-data role is sent to enrol an authenticator again.
/// </summary>
public sealed class ResetStaffTwoFactor(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit)
{
    public async Task<Outcome<StaffAccountChanged>> HandleAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return Outcome.NotFound<StaffAccountChanged>();
        return await StaffAccountSteps.InTransactionAsync(db, users, user, async () =>
        {
            var step = await users.ResetAuthenticatorKeyAsync(user);
            if (step.Succeeded) step = await users.SetTwoFactorEnabledAsync(user, false);
            if (step.Succeeded) audit.Add(AuditActions.Admin.UsersTwoFactorReset, "User", user.Id, null);
            return step;
        }, ct);
    }
}
