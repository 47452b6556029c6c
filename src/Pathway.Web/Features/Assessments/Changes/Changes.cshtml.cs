using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Assessments.Changes;

/// <summary>What changed between a version and the one before it (or another version of the same assessment), field by field.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("assessment.diff")]
public sealed class ChangesModel(CaseAccess access, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public AssessmentComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, Guid? against, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Assessment", assessmentId);
        if (c is null) return NotFound();
        var comparison = await AssessmentComparison.LoadAsync(db, audit, id, assessmentId, against, User.ToStaffContext(), ct);
        if (comparison is null || comparison.Error is not null) return NotFound();
        Comparison = comparison;
        Header = new CaseHeader(c, CaseTab.Assessments, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        return Page();
    }
}
