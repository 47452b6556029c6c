using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Actions;

/// <summary>A version's actions (what, who, when, status) and the form for <see cref="AddAction"/> to a draft.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.CarePlan.ActionAdd)]
[CaseScoped(AccessNeed.Edit, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class ActionsModel(CurrentCase current, DraftRows rows, AddAction add, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlanContent Shown { get; private set; } = null!;

    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? When { get; set; }
    [BindProperty] public ActionStatus? Status { get; set; }
    [BindProperty] public int PlanVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await rows.LoadAsync(current.Context, planId, CarePlanSection.Actions, track: false, ct) is not { } l) return NotFound();
        await audit.WriteAsync(AuditActions.CarePlan.Read, "CarePlan", planId, current.Context.Id, ct: ct);
        Status = ActionStatus.NotStarted;
        await ShowAsync(l.Case, l.Plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        var outcome = await add.HandleAsync(current.Context, planId, new ActionInput(What, Who, When, Status), PlanVersion, [], ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Action added";
            return Redirect($"/cases/{current.Context.Id}/care-plans/{planId}/actions");
        }, redisplay: async () =>
        {
            db.ChangeTracker.Clear();
            var fresh = await rows.LoadAsync(current.Context, planId, CarePlanSection.Actions, track: false, ct);
            await ShowAsync(fresh!.Value.Case, fresh.Value.Plan, ct, keepVersion: true);
        }, prefix: "", conflict: _ => ModelState.AddModelError("Version", PlanSave.ConflictMessage));
    }

    private async Task ShowAsync(CarePlanCase pc, Data.Entities.CarePlan plan, CancellationToken ct, bool keepVersion = false)
    {
        Shown = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        if (!keepVersion) PlanVersion = plan.Version;
    }
}
