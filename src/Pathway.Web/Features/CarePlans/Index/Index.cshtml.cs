using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Index;

/// <summary>
/// A case's care plan: the active version, the one being drafted, and every earlier version; and the form for
/// <see cref="StartCarePlanVersion"/> (which checks edit access itself: reading the page needs only read access).
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.CarePlan.List)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlanList")]
public sealed class IndexModel(CurrentCase current, CarePlanAccess access, StartCarePlanVersion start, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlanView View { get; private set; }
    public IReadOnlyList<CarePlan> Versions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "CarePlanList") is not { } pc) return NotFound();
        await LoadAsync(pc, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!User.ToStaffContext().IsInAny(Domain.Staff.RoleSets.CaseTeam)) return Forbid();
        var outcome = await start.HandleAsync(current.Context, Reason, ct);
        return await this.PresentAsync(outcome, plan =>
        {
            TempData["Success"] = "New care plan version started";
            return Redirect($"/cases/{plan.CaseId}/care-plans/{plan.Id}");
        }, redisplay: async () =>
        {
            if (await access.ViewAsync(current.Context, ct, "CarePlanList") is { } pc) await LoadAsync(pc, ct);
        }, prefix: "");
    }

    private async Task LoadAsync(CarePlanCase pc, CancellationToken ct)
    {
        View = pc.View;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plans = db.CarePlans.AsNoTracking().Where(p => p.CaseId == pc.Case.Id);
        if (View == CarePlanView.Summary) plans = plans.Where(p => p.Status == CarePlanStatus.Active);
        Versions = await plans.OrderByDescending(p => p.Number).ToListAsync(ct);
        CanEdit = View == CarePlanView.FullWithRestricted && current.Context.Can.Edit && User.ToStaffContext().IsInAny(Domain.Staff.RoleSets.CaseTeam);
    }
}
