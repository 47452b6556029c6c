using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>
/// Changes a staff account's role and team, if it is still at the concurrency stamp the form was loaded with. An
/// administrator cannot remove their own administrator role. A new security stamp ends the person's sessions at once,
/// so they sign in again with the new access; the API reads role and team on every request.
/// </summary>
public sealed class ChangeStaffRoleAndTeam(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit)
{
    public const string StaleMessage =
        "Someone else changed this account while you were looking at it. Nothing has been saved. Check the role and team below, then save again.";

    public async Task<Outcome<StaffAccountChanged>> HandleAsync(Guid id, Guid changedBy, string? role, string? teamId, string? stamp, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return Outcome.NotFound<StaffAccountChanged>();
        var errors = new List<FieldError>();
        var (newRole, newTeam) = await RoleAndTeam.ValidateAsync(role, teamId, errors, db, ct);
        var current = await StaffAccountSteps.RolesAsync(users, user);
        if (user.Id == changedBy && newRole is { } r && r != StaffRole.Administrator && current.Contains(StaffRole.Administrator))
            errors.Add(new("Role", "You cannot remove your own administrator role. Ask another administrator to do it"));
        if (errors.Count > 0) return Outcome.Invalid<StaffAccountChanged>(errors);
        if (stamp != user.ConcurrencyStamp) return Outcome.Conflict(new StaffAccountChanged(user, false, StaleMessage));

        var roleChanged = current.Count != 1 || current[0] != newRole;
        var teamChanged = user.TeamId != newTeam;
        if (!roleChanged && !teamChanged) return new StaffAccountChanged(user, false);

        var oldTeam = user.TeamId;
        return await StaffAccountSteps.InTransactionAsync(db, users, user, async () =>
        {
            if (roleChanged)
            {
                var removed = await users.RemoveFromRolesAsync(user, current.Select(c => c.ToString()));
                if (!removed.Succeeded) return removed;
                var added = await users.AddToRoleAsync(user, newRole!.Value.ToString());
                if (!added.Succeeded) return added;
            }
            user.TeamId = newTeam;
            var updated = await users.UpdateSecurityStampAsync(user);
            if (!updated.Succeeded) return updated;
            var what = new List<string>();
            if (roleChanged) what.Add($"role {string.Join("+", current)} -> {newRole}");
            if (teamChanged) what.Add($"team {oldTeam?.ToString() ?? "none"} -> {newTeam?.ToString() ?? "none"}");
            audit.Add(AuditActions.Admin.UsersUpdate, "User", user.Id, null, reason: string.Join("; ", what));
            return IdentityResult.Success;
        }, ct);
    }
}
