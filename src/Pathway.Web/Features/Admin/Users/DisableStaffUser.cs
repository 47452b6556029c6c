using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>
/// Disables a staff account (not one's own): lockout stops password sign-in, and the new security stamp (and
/// <c>DisabledAt</c>) end open sessions at once. API tokens stop at once: the token handler refuses a disabled owner.
/// </summary>
public sealed class DisableStaffUser(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<StaffAccountChanged>> HandleAsync(Guid id, Guid disabledBy, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return Outcome.NotFound<StaffAccountChanged>();
        if (user.Id == disabledBy)
            return Outcome.Invalid<StaffAccountChanged>([new("", "You cannot disable your own account. Ask another administrator to do it")]);
        if (user.DisabledAt is not null) return new StaffAccountChanged(user, false);
        return await StaffAccountSteps.InTransactionAsync(db, users, user, async () =>
        {
            user.DisabledAt = clock.GetUtcNow();
            var step = await users.SetLockoutEnabledAsync(user, true);
            if (step.Succeeded) step = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (step.Succeeded) step = await users.UpdateSecurityStampAsync(user);
            if (step.Succeeded) audit.Add(AuditActions.Admin.UsersDisable, "User", user.Id, null);
            return step;
        }, ct);
    }
}
