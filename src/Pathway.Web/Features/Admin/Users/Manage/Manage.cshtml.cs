using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Users.Manage;

public sealed class RoleTeamForm
{
    public string? Role { get; set; }
    public string? TeamId { get; set; }
    /// <summary>Identity's concurrency stamp when the form was loaded, so a change made meanwhile is not overwritten.</summary>
    public string? Stamp { get; set; }
}

/// <summary>
/// One staff account: change its role and team, disable or re-enable it, reset its two-factor sign-in. Each change and
/// its audit row are saved in one transaction (UserManager saves as it goes, so the transaction is explicit).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited("admin.users.update")]
public sealed class ManageModel(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    private const string Prefix = "Input.";

    public sealed record Details(Guid Id, string Name, string Email, IReadOnlyList<StaffRole> Roles, string? Team,
        bool TwoFactor, DateTimeOffset? DisabledAt, DateTimeOffset CreatedAt, bool IsMe);

    [BindProperty] public RoleTeamForm Input { get; set; } = new();
    public Details Account { get; private set; } = null!;
    public IReadOnlyList<Govuk.Option> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        await LoadAsync(user, resetForm: true, ct);
        await audit.WriteAsync("admin.users.read", "User", user.Id, null, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        ModelState.Clear();
        var (role, teamId) = await RoleAndTeam.ValidateAsync(Input.Role, Input.TeamId, ModelState, Prefix, db, ct);
        var current = await CurrentRolesAsync(user);
        if (IsMe(user) && role is { } r && r != StaffRole.Administrator && current.Contains(StaffRole.Administrator))
            ModelState.AddModelError(Prefix + nameof(Input.Role), "You cannot remove your own administrator role. Ask another administrator to do it");
        if (ModelState.IsValid && Input.Stamp != user.ConcurrencyStamp)
        {
            ModelState.AddModelError(string.Empty,
                "Someone else changed this account while you were looking at it. Nothing has been saved. Check the role and team below, then save again.");
            await LoadAsync(user, resetForm: true, ct);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, resetForm: false, ct);
            return Page();
        }

        var newRole = role!.Value;
        var roleChanged = current.Count != 1 || current[0] != newRole;
        var teamChanged = user.TeamId != teamId;
        if (!roleChanged && !teamChanged) return Redirect($"/admin/users/{user.Id}");

        var oldTeam = user.TeamId;
        var result = await InTransactionAsync(async () =>
        {
            if (roleChanged)
            {
                var removed = await users.RemoveFromRolesAsync(user, current.Select(c => c.ToString()));
                if (!removed.Succeeded) return removed;
                var added = await users.AddToRoleAsync(user, newRole.ToString());
                if (!added.Succeeded) return added;
            }
            // A new security stamp ends their sessions at once (ServerSideSessions), so they sign in again with the new
            // access; the API reads role and team on every request.
            user.TeamId = teamId;
            var updated = await users.UpdateSecurityStampAsync(user);
            if (!updated.Succeeded) return updated;
            var what = new List<string>();
            if (roleChanged) what.Add($"role {string.Join("+", current)} -> {newRole}");
            if (teamChanged) what.Add($"team {oldTeam?.ToString() ?? "none"} -> {teamId?.ToString() ?? "none"}");
            audit.Add("admin.users.update", "User", user.Id, null, reason: string.Join("; ", what));
            return IdentityResult.Success;
        }, ct);
        if (!result.Succeeded) return await FailedAsync(id, result, ct);
        TempData["Success"] = "Role and team saved";
        return Redirect($"/admin/users/{user.Id}");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        ModelState.Clear();
        if (IsMe(user))
        {
            ModelState.AddModelError(string.Empty, "You cannot disable your own account. Ask another administrator to do it");
            await LoadAsync(user, resetForm: true, ct);
            return Page();
        }
        if (user.DisabledAt is not null) return Redirect($"/admin/users/{user.Id}");

        var result = await InTransactionAsync(async () =>
        {
            user.DisabledAt = clock.GetUtcNow();
            // Lockout stops password sign-in; the new security stamp (and DisabledAt) end open sessions at once.
            // API tokens stop at once: the token handler refuses a disabled owner.
            var step = await users.SetLockoutEnabledAsync(user, true);
            if (step.Succeeded) step = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (step.Succeeded) step = await users.UpdateSecurityStampAsync(user);
            if (step.Succeeded) audit.Add("admin.users.disable", "User", user.Id, null);
            return step;
        }, ct);
        if (!result.Succeeded) return await FailedAsync(id, result, ct);
        TempData["Success"] = $"{user.DisplayName}'s account is disabled. They have been signed out and their API tokens no longer work.";
        return Redirect($"/admin/users/{user.Id}");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        if (user.DisabledAt is null) return Redirect($"/admin/users/{user.Id}");
        var result = await InTransactionAsync(async () =>
        {
            user.DisabledAt = null;
            var step = await users.SetLockoutEndDateAsync(user, null);
            if (step.Succeeded) step = await users.ResetAccessFailedCountAsync(user);
            if (step.Succeeded) audit.Add("admin.users.enable", "User", user.Id, null);
            return step;
        }, ct);
        if (!result.Succeeded) return await FailedAsync(id, result, ct);
        TempData["Success"] = $"{user.DisplayName}'s account is enabled again";
        return Redirect($"/admin/users/{user.Id}");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        var result = await InTransactionAsync(async () =>
        {
            // A new key (which also renews the security stamp, ending sessions) and two-factor off: at their next
            // sign-in a case-data role is sent to enrol an authenticator again.
            var step = await users.ResetAuthenticatorKeyAsync(user);
            if (step.Succeeded) step = await users.SetTwoFactorEnabledAsync(user, false);
            if (step.Succeeded) audit.Add("admin.users.reset-2fa", "User", user.Id, null);
            return step;
        }, ct);
        if (!result.Succeeded) return await FailedAsync(id, result, ct);
        TempData["Success"] = $"Two-factor sign-in reset. {user.DisplayName} will set up an authenticator app again when they next sign in.";
        return Redirect($"/admin/users/{user.Id}");
    }

    private bool IsMe(StaffUser user) => user.Id == User.ToStaffContext().UserId;

    private async Task<List<StaffRole>> CurrentRolesAsync(StaffUser user) =>
        (await users.GetRolesAsync(user)).Select(r => Enum.TryParse<StaffRole>(r, out var sr) ? sr : (StaffRole?)null)
            .OfType<StaffRole>().Order().ToList();

    /// <summary>Runs UserManager steps and the staged audit row as one unit: all saved, or none.</summary>
    private async Task<IdentityResult> InTransactionAsync(Func<Task<IdentityResult>> steps, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        try
        {
            result = await steps();
            if (result.Succeeded) await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            result = IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure());
        }
        if (result.Succeeded) await tx.CommitAsync(ct);
        else
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        return result;
    }

    private async Task<IActionResult> FailedAsync(Guid id, IdentityResult result, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        var concurrency = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
        ModelState.AddModelError(string.Empty, concurrency
            ? "Someone else changed this account at the same time. Nothing has been saved. Check the details below and try again."
            : "Nothing has been saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await LoadAsync(user, resetForm: true, ct);
        return Page();
    }

    private async Task LoadAsync(StaffUser user, bool resetForm, CancellationToken ct)
    {
        var roles = await CurrentRolesAsync(user);
        var team = user.TeamId is { } t ? await db.Teams.AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Account = new Details(user.Id, user.DisplayName, user.Email ?? "", roles, team, user.TwoFactorEnabled, user.DisabledAt, user.CreatedAt, IsMe(user));
        Teams = await RoleAndTeam.TeamOptionsAsync(db, ct);
        // A refused form keeps what was typed and the stamp it was loaded with, so a later save still detects a conflict.
        if (resetForm)
            Input = new RoleTeamForm { Role = roles.Count > 0 ? roles[0].ToString() : null, TeamId = user.TeamId?.ToString(), Stamp = user.ConcurrencyStamp };
    }
}
