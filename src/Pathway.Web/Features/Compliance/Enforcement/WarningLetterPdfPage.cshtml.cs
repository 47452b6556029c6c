using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>Downloads a warning letter as PDF: the same words as the printable letter page.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Warning.LetterDownload)]
[CaseScoped(AccessNeed.Read, EntityType = "WarningLetter", EntityRouteValue = "warningId")]
public sealed class WarningLetterPdfModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid warningId, CancellationToken ct)
    {
        var file = await WarningLetterPdf.LoadAsync(db, audit, current.Context.Case, warningId, ct);
        if (file is not { } f) return NotFound();
        return File(f.Bytes, "application/pdf", f.FileName);
    }
}
