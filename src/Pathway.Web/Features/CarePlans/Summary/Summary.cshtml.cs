using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Summary;

/// <summary>"How to work with this person": the one page AP staff and PPU officers work from. Prints on one sheet.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.CarePlan.SummaryRead)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class SummaryModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlanContent Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var pc = await access.ViewAsync(current.Context, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return NotFound();
        // The summary shows the summary sections whatever the role, and reads nothing else.
        Shown = await CarePlanContent.LoadAsync(db, plan, CarePlanView.Summary, ct);
        return Page();
    }
}
