using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Print;

/// <summary>A printable assessment (print styles hide the service chrome). <c>?copy=shareable</c> leaves out the withheld section.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Assessment.Print)]
[CaseScoped(AccessNeed.Read, EntityType = "Assessment", EntityRouteValue = "assessmentId")]
public sealed class PrintModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseRecord Case => current.Context.Case;
    public AssessmentDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string? copy, CancellationToken ct)
    {
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, current.Context.Id, assessmentId, ct);
        if (a is null) return NotFound();
        var kind = string.Equals(copy, "shareable", StringComparison.OrdinalIgnoreCase) ? AssessmentCopy.Shareable : AssessmentCopy.Full;
        var sees = AssessmentRoles.SeesWithheld(User.ToStaffContext()) && kind == AssessmentCopy.Full;
        Document = AssessmentDocument.Build(a, sees ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null, sees, kind);
        return Page();
    }
}

/// <summary>Downloads the assessment as PDF. <c>?copy=shareable</c> gives the copy that may be shared with the person.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Assessment.Download)]
[CaseScoped(AccessNeed.Read, EntityType = "Assessment", EntityRouteValue = "assessmentId")]
public sealed class PdfModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string? copy, CancellationToken ct)
    {
        var c = current.Context;
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, c.Id, assessmentId, ct);
        if (a is null) return NotFound();
        var (bytes, name) = await AssessmentFiles.PdfAsync(db, c.Case, a, copy, User.ToStaffContext(), ct);
        return File(bytes, "application/pdf", name);
    }
}
