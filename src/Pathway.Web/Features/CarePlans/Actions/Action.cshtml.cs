using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Actions;

/// <summary>The forms for <see cref="ChangeAction"/> (its status included) and <see cref="RemoveAction"/>. They carry the action's version.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.CarePlan.ActionUpdate)]
[CaseScoped(AccessNeed.Edit, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class ActionModel(CurrentCase current, DraftRows rows, ChangeAction change, RemoveAction remove, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlan Plan { get; private set; } = null!;
    public CarePlanAction Saved { get; private set; } = null!;
    public bool Conflict { get; private set; }

    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? When { get; set; }
    [BindProperty] public ActionStatus? Status { get; set; }
    [BindProperty] public int ActionVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid planActionId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, planActionId, ct)) return NotFound();
        await audit.WriteAsync(AuditActions.CarePlan.Read, "CarePlanAction", planActionId, current.Context.Id, ct: ct);
        (What, Who, When, Status, ActionVersion) = (Saved.What, Saved.Who, Saved.When, Saved.Status, Saved.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid planActionId, CancellationToken ct) =>
        await PresentAsync(planId, planActionId,
            await change.HandleAsync(current.Context, planId, planActionId, new ActionInput(What, Who, When, Status), ActionVersion, [], ct), "Action changed", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid planId, Guid planActionId, CancellationToken ct) =>
        await PresentAsync(planId, planActionId, await remove.HandleAsync(current.Context, planId, planActionId, ActionVersion, ct), "Action removed", ct);

    private Task<IActionResult> PresentAsync(Guid planId, Guid actionId, Outcome<CarePlanAction> outcome, string success, CancellationToken ct) =>
        this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{current.Context.Id}/care-plans/{planId}/actions");
        }, redisplay: async () =>
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(planId, actionId, ct)) return;
            if (Conflict) ActionVersion = Saved.Version;
        }, prefix: "", conflict: _ =>
        {
            Conflict = true;
            ModelState.AddModelError("Version", PlanSave.ConflictMessage);
        });

    private async Task<bool> LoadAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (await rows.LoadAsync(current.Context, planId, CarePlanSection.Actions, track: false, ct) is not { } l
            || await rows.ActionAsync(l.Plan, actionId, track: false, ct) is not { } action)
            return false;
        Plan = l.Plan;
        Saved = action;
        return true;
    }
}
