using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>Enables a disabled staff account again: lockout ends and failed sign-ins are forgotten.</summary>
public sealed class EnableStaffUser(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit)
{
    public async Task<Outcome<StaffAccountChanged>> HandleAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return Outcome.NotFound<StaffAccountChanged>();
        if (user.DisabledAt is null) return new StaffAccountChanged(user, false);
        return await StaffAccountSteps.InTransactionAsync(db, users, user, async () =>
        {
            user.DisabledAt = null;
            var step = await users.SetLockoutEndDateAsync(user, null);
            if (step.Succeeded) step = await users.ResetAccessFailedCountAsync(user);
            if (step.Succeeded) audit.Add(AuditActions.Admin.UsersEnable, "User", user.Id, null);
            return step;
        }, ct);
    }
}
