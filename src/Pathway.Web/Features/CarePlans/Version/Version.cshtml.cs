using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Version;

/// <summary>
/// One care-plan version: a task list while it is a draft, the whole plan (as far as the role may see) once signed,
/// and the forms for <see cref="SignCarePlan"/> and <see cref="CountersignCarePlan"/> (which check edit access
/// themselves: reading the page needs only read access). The forms carry the version read, so a stale signature changes nothing.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.CarePlan.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class VersionModel(CurrentCase current, CarePlanAccess access, SignCarePlan sign, CountersignCarePlan countersign, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlanContent Shown { get; private set; } = null!;
    public IReadOnlyList<CarePlanSection> Empty { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The assessment version whose formulation the plan was drawn from, if any.</summary>
    public (Guid Id, int Number, DateOnly Date)? Source { get; private set; }
    [BindProperty] public int PlanVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "CarePlan", planId) is not { } pc
            || await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct) is not { } plan)
            return NotFound();
        await LoadAsync(pc, plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid planId, CancellationToken ct)
    {
        if (!User.ToStaffContext().IsInAny(RoleSets.CaseTeam)) return Forbid();
        return await PresentAsync(planId, await sign.HandleAsync(current.Context, planId, PlanVersion, [], ct), "Care plan signed: the offender manager now countersigns it", ct);
    }

    public async Task<IActionResult> OnPostCountersignAsync(Guid planId, CancellationToken ct)
    {
        if (!User.ToStaffContext().IsInAny(RoleSets.CaseTeam)) return Forbid();
        return await PresentAsync(planId, await countersign.HandleAsync(current.Context, planId, PlanVersion, [], ct), "Care plan countersigned: this version is now the active plan", ct);
    }

    // Whatever went wrong, the page shows the plan as saved now; a stale signature also says so at the top.
    private Task<IActionResult> PresentAsync(Guid planId, Outcome<Data.Entities.CarePlan> outcome, string success, CancellationToken ct) =>
        this.PresentAsync(outcome, plan =>
        {
            TempData["Success"] = success;
            return Redirect($"/cases/{plan.CaseId}/care-plans/{plan.Id}");
        }, redisplay: async () =>
        {
            db.ChangeTracker.Clear();
            var fresh = await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
            await LoadAsync(new CarePlanCase(current.Context.Case, CarePlanSections.ViewFor(current.Context.Who.Roles)), fresh, ct);
        }, prefix: "", conflict: _ => ModelState.AddModelError("Version", PlanSave.ConflictMessage));

    private async Task LoadAsync(CarePlanCase pc, Data.Entities.CarePlan plan, CancellationToken ct)
    {
        Shown = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        Empty = plan.Status == CarePlanStatus.Draft ? Shown.EmptySections() : [];
        PlanVersion = plan.Version;
        Source = plan.FormulationAssessmentId is { } aid && pc.View != CarePlanView.Summary
            ? await db.Assessments.AsNoTracking().Where(a => a.Id == aid).Select(a => new ValueTuple<Guid, int, DateOnly>(a.Id, a.VersionNumber, a.AssessmentDate)).FirstOrDefaultAsync(ct)
            : null;
        Names = await CarePlanDisplay.NamesAsync(db, [plan.CreatedById, plan.SignedById, plan.CountersignedById], ct);
        CanEdit = current.Context.Can.Edit && pc.View == CarePlanView.FullWithRestricted && User.ToStaffContext().IsInAny(RoleSets.CaseTeam);
    }
}
