using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.CarePlans.Goals;

/// <summary>
/// Changes one active goal of a draft, or its status (with a note: why it was removed, what got in the way). Both forms
/// carry the goal's version: if someone changed it first, nothing is saved and the page shows what is saved now.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("careplan.goal.update")]
public sealed class GoalModel(DraftRows rows, CarePlanRowCommands commands, CaseAccess caseAccess, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlan Plan { get; private set; } = null!;
    public CarePlanGoal Goal { get; private set; } = null!;
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool Conflict { get; private set; }

    [BindProperty] public NeedArea? Area { get; set; }
    [BindProperty] public string? InOwnWords { get; set; }
    [BindProperty] public string? Smart { get; set; }
    [BindProperty] public DateParts TargetDate { get; set; } = new();
    [BindProperty] public GoalStatus? NewStatus { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int GoalVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid goalId, CancellationToken ct)
    {
        if (await LoadAsync(id, planId, goalId, track: false, ct) is not { } pc) return NotFound();
        await audit.WriteAsync("careplan.read", "CarePlanGoal", goalId, id, ct: ct);
        Area = Goal.Area;
        InOwnWords = Goal.InOwnWords;
        Smart = Goal.Smart;
        TargetDate = DateParts.From(Goal.TargetDate);
        GoalVersion = Goal.Version;
        await ShowAsync(pc, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, Guid goalId, CancellationToken ct)
    {
        if (await LoadAsync(id, planId, goalId, track: true, ct) is not { } pc) return NotFound();
        ModelState.Clear();
        if (TargetDate.TryParse("Target date", out var target) is { } dateError)
            return await RedisplayAsync(pc, id, planId, goalId, [new("TargetDate", dateError)], ct);
        var result = await commands.UpdateGoalAsync(Plan, Goal, new GoalInput(Area, InOwnWords, Smart, target), GoalVersion, ct);
        return await FinishAsync(pc, id, planId, goalId, result, "Goal changed", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid planId, Guid goalId, CancellationToken ct)
    {
        if (await LoadAsync(id, planId, goalId, track: true, ct) is not { } pc) return NotFound();
        ModelState.Clear();
        var result = await commands.ChangeGoalStatusAsync(Plan, Goal, NewStatus, Note, User.ToStaffContext().UserId, GoalVersion, ct);
        return await FinishAsync(pc, id, planId, goalId, result, "Goal status changed", ct);
    }

    private async Task<IActionResult> FinishAsync(CarePlanCase pc, Guid id, Guid planId, Guid goalId, CommandResult result, string success, CancellationToken ct)
    {
        if (result.Outcome == CommandOutcome.Done)
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{id}/care-plans/{planId}/goals");
        }
        Conflict = result.Outcome == CommandOutcome.Conflict;
        return await RedisplayAsync(pc, id, planId, goalId, result.Errors, ct);
    }

    private async Task<IActionResult> RedisplayAsync(CarePlanCase pc, Guid id, Guid planId, Guid goalId, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        errors.AddTo(ModelState);
        db.ChangeTracker.Clear();
        if (await LoadAsync(id, planId, goalId, track: false, ct) is null) return NotFound();
        // After a conflict the next save is an informed change of the goal as it is now shown.
        if (Conflict) GoalVersion = Goal.Version;
        await ShowAsync(pc, ct);
        return Page();
    }

    private async Task<CarePlanCase?> LoadAsync(Guid id, Guid planId, Guid goalId, bool track, CancellationToken ct)
    {
        var loaded = await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, track, ct);
        if (loaded is not { } l) return null;
        if (await rows.GoalAsync(l.Plan, goalId, track, ct) is not { } goal) return null;
        Plan = l.Plan;
        Goal = goal;
        return l.Case;
    }

    private async Task ShowAsync(CarePlanCase pc, CancellationToken ct)
    {
        Names = await CarePlanDisplay.NamesAsync(db, Goal.History.Select(h => (Guid?)h.ChangedById), ct);
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
    }
}
