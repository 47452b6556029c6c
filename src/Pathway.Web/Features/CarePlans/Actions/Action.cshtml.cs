using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans.Actions;

/// <summary>Changes one action of a draft (including its status), or removes it. The form carries the action's version.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("careplan.action.update")]
public sealed class ActionModel(DraftRows rows, CarePlanRowCommands commands, CaseAccess caseAccess, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlan Plan { get; private set; } = null!;
    public CarePlanAction Saved { get; private set; } = null!;
    public bool Conflict { get; private set; }

    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? When { get; set; }
    [BindProperty] public ActionStatus? Status { get; set; }
    [BindProperty] public int ActionVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid planActionId, CancellationToken ct)
    {
        if (await LoadAsync(id, planId, planActionId, track: false, ct) is not { } pc) return NotFound();
        await audit.WriteAsync("careplan.read", "CarePlanAction", planActionId, id, ct: ct);
        (What, Who, When, Status, ActionVersion) = (Saved.What, Saved.Who, Saved.When, Saved.Status, Saved.Version);
        await ShowAsync(pc, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, Guid planActionId, CancellationToken ct)
    {
        if (await LoadAsync(id, planId, planActionId, track: true, ct) is not { } pc) return NotFound();
        var result = await commands.UpdateActionAsync(Plan, Saved, new ActionInput(What, Who, When, Status), ActionVersion, ct);
        return await FinishAsync(pc, id, planId, planActionId, result, "Action changed", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid planId, Guid planActionId, CancellationToken ct)
    {
        if (await LoadAsync(id, planId, planActionId, track: true, ct) is not { } pc) return NotFound();
        var result = await commands.RemoveActionAsync(Plan, Saved, ActionVersion, ct);
        return await FinishAsync(pc, id, planId, planActionId, result, "Action removed", ct);
    }

    private async Task<IActionResult> FinishAsync(CarePlanCase pc, Guid id, Guid planId, Guid actionId, CommandResult result, string success, CancellationToken ct)
    {
        if (result.Outcome == CommandOutcome.Done)
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{id}/care-plans/{planId}/actions");
        }
        ModelState.Clear();
        result.Errors.AddTo(ModelState);
        db.ChangeTracker.Clear();
        if (await LoadAsync(id, planId, actionId, track: false, ct) is null) return NotFound();
        Conflict = result.Outcome == CommandOutcome.Conflict;
        if (Conflict) ActionVersion = Saved.Version;
        await ShowAsync(pc, ct);
        return Page();
    }

    private async Task<CarePlanCase?> LoadAsync(Guid id, Guid planId, Guid actionId, bool track, CancellationToken ct)
    {
        var loaded = await rows.LoadAsync(id, planId, CarePlanSection.Actions, AccessNeed.Edit, track, ct);
        if (loaded is not { } l) return null;
        if (await rows.ActionAsync(l.Plan, actionId, track, ct) is not { } action) return null;
        Plan = l.Plan;
        Saved = action;
        return l.Case;
    }

    private async Task ShowAsync(CarePlanCase pc, CancellationToken ct) =>
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
}
