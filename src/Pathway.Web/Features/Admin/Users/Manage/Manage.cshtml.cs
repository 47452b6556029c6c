using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users.Manage;

public sealed class RoleTeamForm
{
    public string? Role { get; set; }
    public string? TeamId { get; set; }
    /// <summary>Identity's concurrency stamp when the form was loaded, so a change made meanwhile is not overwritten.</summary>
    public string? Stamp { get; set; }
}

/// <summary>
/// One staff account: change its role and team (<see cref="ChangeStaffRoleAndTeam"/>), disable or re-enable it
/// (<see cref="DisableStaffUser"/>, <see cref="EnableStaffUser"/>), reset its two-factor sign-in
/// (<see cref="ResetStaffTwoFactor"/>). Each handler saves the change and its audit row in one transaction.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.UsersUpdate)]
public sealed class ManageModel(PathwayDbContext db, UserManager<StaffUser> users, AuditLog audit, ChangeStaffRoleAndTeam changeRoleAndTeam,
    DisableStaffUser disable, EnableStaffUser enable, ResetStaffTwoFactor resetTwoFactor) : PageModel
{
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
        await audit.WriteAsync(AuditActions.Admin.UsersRead, "User", user.Id, null, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct) =>
        await PresentChangeAsync(id, await changeRoleAndTeam.HandleAsync(id, Me, Input.Role, Input.TeamId, Input.Stamp, ct), _ => "Role and team saved",
            keepTypedForm: true, ct);

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        await PresentChangeAsync(id, await disable.HandleAsync(id, Me, ct),
            u => $"{u.DisplayName}'s account is disabled. They have been signed out and their API tokens no longer work.", keepTypedForm: false, ct);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        await PresentChangeAsync(id, await enable.HandleAsync(id, ct), u => $"{u.DisplayName}'s account is enabled again", keepTypedForm: false, ct);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken ct) =>
        await PresentChangeAsync(id, await resetTwoFactor.HandleAsync(id, ct),
            u => $"Two-factor sign-in reset. {u.DisplayName} will set up an authenticator app again when they next sign in.", keepTypedForm: false, ct);

    private Guid Me => User.ToStaffContext().UserId;

    private bool IsMe(StaffUser user) => user.Id == Me;

    /// <summary>
    /// Done: back to the account, with <paramref name="success"/> when something changed. Refused: the account again,
    /// keeping what was typed in the role and team form only when that form was the one posted. A conflict shows the
    /// account as it now stands, with the form reset to it.
    /// </summary>
    private async Task<IActionResult> PresentChangeAsync(Guid id, Outcome<StaffAccountChanged> outcome, Func<StaffUser, string> success, bool keepTypedForm,
        CancellationToken ct)
    {
        var resetForm = !keepTypedForm;
        return await this.PresentAsync(outcome, done =>
        {
            if (done.Changed) TempData["Success"] = success(done.User);
            return Redirect($"/admin/users/{done.User.Id}");
        }, async () =>
        {
            if (await users.FindByIdAsync(id.ToString()) is { } user) await LoadAsync(user, resetForm, ct);
        }, conflict: c =>
        {
            ModelState.AddModelError(string.Empty, c.ConflictMessage!);
            resetForm = true;
        });
    }

    private async Task LoadAsync(StaffUser user, bool resetForm, CancellationToken ct)
    {
        var roles = await StaffAccountSteps.RolesAsync(users, user);
        var team = user.TeamId is { } t ? await db.Teams.AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Account = new Details(user.Id, user.DisplayName, user.Email ?? "", roles, team, user.TwoFactorEnabled, user.DisabledAt, user.CreatedAt, IsMe(user));
        Teams = await RoleAndTeam.TeamOptionsAsync(db, ct);
        // A refused form keeps what was typed and the stamp it was loaded with, so a later save still detects a conflict.
        if (resetForm)
            Input = new RoleTeamForm { Role = roles.Count > 0 ? roles[0].ToString() : null, TeamId = user.TeamId?.ToString(), Stamp = user.ConcurrencyStamp };
    }
}
