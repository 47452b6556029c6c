using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans.Version;

/// <summary>
/// One care-plan version: a task list while it is a draft, the whole plan (as far as the role may see) once signed,
/// and the sign and countersign actions. The forms carry the version read, so a stale signature changes nothing.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("careplan.read")]
public sealed class VersionModel(CarePlanAccess access, CaseAccess caseAccess, CarePlanCommands commands, PathwayDbContext db) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlanContent Shown { get; private set; } = null!;
    public IReadOnlyList<CarePlanSection> Empty { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The assessment version whose formulation the plan was drawn from, if any.</summary>
    public (Guid Id, int Number, DateOnly Date)? Source { get; private set; }
    [BindProperty] public int PlanVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return NotFound();
        await LoadAsync(pc, plan, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid planId, CancellationToken ct) =>
        ActAsync(id, planId, (plan, who) => commands.SignAsync(plan, who.UserId, who.Roles, PlanVersion, ct), "Care plan signed: the offender manager now countersigns it", ct);

    public Task<IActionResult> OnPostCountersignAsync(Guid id, Guid planId, CancellationToken ct) =>
        ActAsync(id, planId, (plan, who) => commands.CountersignAsync(plan, who.UserId, who.Roles, PlanVersion, ct), "Care plan countersigned: this version is now the active plan", ct);

    private async Task<IActionResult> ActAsync(Guid id, Guid planId, Func<Data.Entities.CarePlan, StaffContext, Task<CommandResult>> act, string success, CancellationToken ct)
    {
        var who = User.ToStaffContext();
        if (!who.IsInAny(RoleSets.CaseTeam)) return Forbid();
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.Include(p => p.Texts), pc, planId, ct);
        if (plan is null) return NotFound();
        var result = await act(plan, who);
        if (result.Outcome == CommandOutcome.Done)
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{id}/care-plans/{planId}");
        }
        ModelState.Clear();
        result.Errors.AddTo(ModelState);
        db.ChangeTracker.Clear();
        var fresh = await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        await LoadAsync(pc, fresh, ct);
        return Page();
    }

    private async Task LoadAsync(CarePlanCase pc, Data.Entities.CarePlan plan, CancellationToken ct)
    {
        Shown = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        Empty = plan.Status == CarePlanStatus.Draft ? Shown.EmptySections() : [];
        PlanVersion = plan.Version;
        Source = plan.FormulationAssessmentId is { } aid && pc.View != CarePlanView.Summary
            ? await db.Assessments.AsNoTracking().Where(a => a.Id == aid).Select(a => new ValueTuple<Guid, int, DateOnly>(a.Id, a.VersionNumber, a.AssessmentDate)).FirstOrDefaultAsync(ct)
            : null;
        Names = await CarePlanDisplay.NamesAsync(db, [plan.CreatedById, plan.SignedById, plan.CountersignedById], ct);
        var canEditCase = await caseAccess.CanEditAsync(pc.Case, ct);
        CanEdit = canEditCase && pc.View == CarePlanView.FullWithRestricted && User.ToStaffContext().IsInAny(RoleSets.CaseTeam);
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: canEditCase);
    }
}
