using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans.Index;

/// <summary>A case's care plan: the active version, the one being drafted, and every earlier version.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("careplan.list")]
public sealed class IndexModel(CarePlanAccess access, CaseAccess caseAccess, CarePlanCommands commands, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlanView View { get; private set; }
    public IReadOnlyList<CarePlan> Versions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "CarePlanList");
        if (pc is null) return NotFound();
        await LoadAsync(pc, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (!User.ToStaffContext().IsInAny(Domain.Staff.RoleSets.CaseTeam)) return Forbid();
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (pc is null) return NotFound();
        var result = await commands.StartAsync(pc.Case, User.ToStaffContext().UserId, Reason, ct);
        if (result.Outcome != CommandOutcome.Done)
        {
            ModelState.Clear();
            result.Errors.AddTo(ModelState);
            await LoadAsync(pc, ct);
            return Page();
        }
        TempData["Success"] = "New care plan version started";
        return Redirect($"/cases/{id}/care-plans/{result.PlanId}");
    }

    private async Task LoadAsync(CarePlanCase pc, CancellationToken ct)
    {
        View = pc.View;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plans = db.CarePlans.AsNoTracking().Where(p => p.CaseId == pc.Case.Id);
        if (View == CarePlanView.Summary) plans = plans.Where(p => p.Status == CarePlanStatus.Active);
        Versions = await plans.OrderByDescending(p => p.Number).ToListAsync(ct);
        CanEdit = View == CarePlanView.FullWithRestricted && await caseAccess.CanEditAsync(pc.Case, ct)
            && User.ToStaffContext().IsInAny(Domain.Staff.RoleSets.CaseTeam);
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
    }
}
