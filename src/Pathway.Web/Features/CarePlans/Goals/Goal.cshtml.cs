using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Goals;

/// <summary>
/// The forms for <see cref="ChangeGoal"/> and <see cref="ChangeGoalStatus"/> (with a note: why it was removed, what got
/// in the way). Both carry the goal's version: if someone changed it first, nothing is saved and the page shows what
/// is saved now.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.CarePlan.GoalUpdate)]
[CaseScoped(AccessNeed.Edit, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class GoalModel(CurrentCase current, DraftRows rows, ChangeGoal change, ChangeGoalStatus changeStatus, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
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

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid goalId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, goalId, ct)) return NotFound();
        await audit.WriteAsync(AuditActions.CarePlan.Read, "CarePlanGoal", goalId, current.Context.Id, ct: ct);
        Area = Goal.Area;
        InOwnWords = Goal.InOwnWords;
        Smart = Goal.Smart;
        TargetDate = DateParts.From(Goal.TargetDate);
        GoalVersion = Goal.Version;
        await ShowAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid goalId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (TargetDate.TryParse("Target date", out var target) is { } dateError) unreadable.Add(new("TargetDate", dateError));
        var outcome = await change.HandleAsync(current.Context, planId, goalId, new GoalInput(Area, InOwnWords, Smart, target), GoalVersion, unreadable, ct);
        return await PresentAsync(planId, goalId, outcome, "Goal changed", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid planId, Guid goalId, CancellationToken ct) =>
        await PresentAsync(planId, goalId, await changeStatus.HandleAsync(current.Context, planId, goalId, NewStatus, Note, GoalVersion, [], ct), "Goal status changed", ct);

    private Task<IActionResult> PresentAsync(Guid planId, Guid goalId, Outcome<CarePlanGoal> outcome, string success, CancellationToken ct) =>
        this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{current.Context.Id}/care-plans/{planId}/goals");
        }, redisplay: async () =>
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(planId, goalId, ct)) return;
            // After a conflict the next save is an informed change of the goal as it is now shown.
            if (Conflict) GoalVersion = Goal.Version;
            await ShowAsync(ct);
        }, prefix: "", conflict: _ =>
        {
            Conflict = true;
            ModelState.AddModelError("Version", PlanSave.ConflictMessage);
        });

    private async Task<bool> LoadAsync(Guid planId, Guid goalId, CancellationToken ct)
    {
        if (await rows.LoadAsync(current.Context, planId, CarePlanSection.Goals, track: false, ct) is not { } l
            || await rows.GoalAsync(l.Plan, goalId, track: false, ct) is not { } goal)
            return false;
        Plan = l.Plan;
        Goal = goal;
        return true;
    }

    private async Task ShowAsync(CancellationToken ct) =>
        Names = await CarePlanDisplay.NamesAsync(db, Goal.History.Select(h => (Guid?)h.ChangedById), ct);
}
