using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Pdf;

/// <summary>
/// The whole plan as PDF, as far as the reader's role sees it. Roles that work from the one-page summary get a 404
/// (with a denied audit row) here: their PDF is the summary's.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.CarePlan.Download)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class PdfModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var pc = await access.ViewAsync(current.Context, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        if (pc.View == CarePlanView.Summary)
        {
            await audit.DeniedAsync("CarePlan", planId, pc.Case.Id, ct);
            return NotFound();
        }
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return NotFound();
        var content = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        var names = await CarePlanDisplay.NamesAsync(db, [plan.SignedById, plan.CountersignedById], ct);
        return File(CarePlanPdf.Render(content, pc.Case, summary: false, names), "application/pdf", $"care-plan-{pc.Case.Crn}-v{plan.Number}.pdf");
    }
}

/// <summary>The one-page "How to work with this person" as PDF, for every role that may see care plans.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.CarePlan.SummaryDownload)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class SummaryPdfModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var pc = await access.ViewAsync(current.Context, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return NotFound();
        var content = await CarePlanContent.LoadAsync(db, plan, CarePlanView.Summary, ct);
        var names = await CarePlanDisplay.NamesAsync(db, [plan.SignedById, plan.CountersignedById], ct);
        return File(CarePlanPdf.Render(content, pc.Case, summary: true, names), "application/pdf", $"how-to-work-with-{pc.Case.Crn}-v{plan.Number}.pdf");
    }
}
