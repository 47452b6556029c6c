using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans.Actions;

/// <summary>A version's actions (what, who, when, status) and the form to add one to a draft.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("careplan.action.add")]
public sealed class ActionsModel(DraftRows rows, CarePlanRowCommands commands, CaseAccess caseAccess, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlanContent Shown { get; private set; } = null!;

    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? When { get; set; }
    [BindProperty] public ActionStatus? Status { get; set; }
    [BindProperty] public int PlanVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, CancellationToken ct)
    {
        var loaded = await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Edit, track: false, ct);
        if (loaded is not { } l) return NotFound();
        await audit.WriteAsync("careplan.read", "CarePlan", planId, id, ct: ct);
        Status = ActionStatus.NotStarted;
        await ShowAsync(l.Case, l.Plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, CancellationToken ct)
    {
        var loaded = await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Edit, track: true, ct);
        if (loaded is not { } l) return NotFound();
        ModelState.Clear();
        var result = await commands.AddActionAsync(l.Plan, new ActionInput(What, Who, When, Status), PlanVersion, ct);
        if (result.Outcome == CommandOutcome.Done)
        {
            TempData["Success"] = "Action added";
            return Redirect($"/cases/{id}/care-plans/{planId}/actions");
        }
        result.Errors.AddTo(ModelState);
        db.ChangeTracker.Clear();
        var fresh = await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Edit, track: false, ct);
        await ShowAsync(fresh!.Value.Case, fresh.Value.Plan, ct, keepVersion: true);
        return Page();
    }

    private async Task ShowAsync(CarePlanCase pc, Data.Entities.CarePlan plan, CancellationToken ct, bool keepVersion = false)
    {
        Shown = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        if (!keepVersion) PlanVersion = plan.Version;
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
    }
}
