using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
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

/// <summary>A version's goals, each with its status history, and the form for <see cref="AddGoal"/> to a draft.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.CarePlan.GoalAdd)]
[CaseScoped(AccessNeed.Edit, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class GoalsModel(CurrentCase current, DraftRows rows, AddGoal add, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlanContent Shown { get; private set; } = null!;
    public Dictionary<Guid, string> Names { get; private set; } = [];

    [BindProperty] public NeedArea? Area { get; set; }
    [BindProperty] public string? InOwnWords { get; set; }
    [BindProperty] public string? Smart { get; set; }
    [BindProperty] public DateParts TargetDate { get; set; } = new();
    [BindProperty] public int PlanVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await rows.LoadAsync(current.Context, planId, CarePlanSection.Goals, track: false, ct) is not { } l) return NotFound();
        await audit.WriteAsync(AuditActions.CarePlan.Read, "CarePlan", planId, current.Context.Id, ct: ct);
        await ShowAsync(l.Case, l.Plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (TargetDate.TryParse("Target date", out var target) is { } dateError) unreadable.Add(new("TargetDate", dateError));
        var outcome = await add.HandleAsync(current.Context, planId, new GoalInput(Area, InOwnWords, Smart, target), PlanVersion, unreadable, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Goal added";
            return Redirect($"/cases/{current.Context.Id}/care-plans/{planId}/goals");
        }, redisplay: async () =>
        {
            db.ChangeTracker.Clear();
            var fresh = await rows.LoadAsync(current.Context, planId, CarePlanSection.Goals, track: false, ct);
            await ShowAsync(fresh!.Value.Case, fresh.Value.Plan, ct, keepVersion: true);
        }, prefix: "", conflict: _ => ModelState.AddModelError("Version", PlanSave.ConflictMessage));
    }

    private async Task ShowAsync(CarePlanCase pc, Data.Entities.CarePlan plan, CancellationToken ct, bool keepVersion = false)
    {
        Shown = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        if (!keepVersion) PlanVersion = plan.Version;
        Names = await CarePlanDisplay.NamesAsync(db, Shown.Goals.SelectMany(g => g.History).Select(h => (Guid?)h.ChangedById), ct);
    }
}
