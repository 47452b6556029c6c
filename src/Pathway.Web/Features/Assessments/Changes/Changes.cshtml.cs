using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Changes;

/// <summary>What changed between a version and the one before it (or another version of the same assessment), field by field.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Assessment.VersionsCompare)]
[CaseScoped(AccessNeed.Read, EntityType = "Assessment", EntityRouteValue = "assessmentId")]
public sealed class ChangesModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Assessments);
    public AssessmentComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, Guid? against, CancellationToken ct)
    {
        var c = current.Context;
        var comparison = await AssessmentComparison.LoadAsync(db, audit, c.Id, assessmentId, against, c.Who, ct);
        if (comparison is null || comparison.Error is not null) return NotFound();
        Comparison = comparison;
        return Page();
    }
}
