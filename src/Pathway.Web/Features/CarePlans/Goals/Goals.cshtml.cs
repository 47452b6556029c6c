using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
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

/// <summary>A version's goals, each with its status history, and the form to add one to a draft.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("careplan.goal.add")]
public sealed class GoalsModel(DraftRows rows, CarePlanRowCommands commands, CaseAccess caseAccess, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlanContent Shown { get; private set; } = null!;
    public Dictionary<Guid, string> Names { get; private set; } = [];

    [BindProperty] public NeedArea? Area { get; set; }
    [BindProperty] public string? InOwnWords { get; set; }
    [BindProperty] public string? Smart { get; set; }
    [BindProperty] public DateParts TargetDate { get; set; } = new();
    [BindProperty] public int PlanVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, CancellationToken ct)
    {
        var loaded = await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, track: false, ct);
        if (loaded is not { } l) return NotFound();
        await audit.WriteAsync("careplan.read", "CarePlan", planId, id, ct: ct);
        await ShowAsync(l.Case, l.Plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, CancellationToken ct)
    {
        var loaded = await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, track: true, ct);
        if (loaded is not { } l) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        if (TargetDate.TryParse("Target date", out var target) is { } dateError) errors.Add(new("TargetDate", dateError));
        if (errors.Count == 0)
        {
            var result = await commands.AddGoalAsync(l.Plan, new GoalInput(Area, InOwnWords, Smart, target), User.ToStaffContext().UserId, PlanVersion, ct);
            if (result.Outcome == CommandOutcome.Done)
            {
                TempData["Success"] = "Goal added";
                return Redirect($"/cases/{id}/care-plans/{planId}/goals");
            }
            errors.AddRange(result.Errors);
        }
        errors.AddTo(ModelState);
        db.ChangeTracker.Clear();
        var fresh = await rows.LoadAsync(id, planId, CarePlanSection.Goals, AccessNeed.Edit, track: false, ct);
        await ShowAsync(fresh!.Value.Case, fresh.Value.Plan, ct, keepVersion: true);
        return Page();
    }

    private async Task ShowAsync(CarePlanCase pc, Data.Entities.CarePlan plan, CancellationToken ct, bool keepVersion = false)
    {
        Shown = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        if (!keepVersion) PlanVersion = plan.Version;
        Names = await CarePlanDisplay.NamesAsync(db, Shown.Goals.SelectMany(g => g.History).Select(h => (Guid?)h.ChangedById), ct);
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
    }
}
