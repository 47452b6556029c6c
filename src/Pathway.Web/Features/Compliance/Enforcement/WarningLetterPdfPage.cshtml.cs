using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>Downloads a warning letter as PDF: the same words as the printable letter page.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("warning.letter.pdf")]
public sealed class WarningLetterPdfModel(CaseAccess access, PathwayDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid warningId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "WarningLetter", warningId);
        if (c is null) return NotFound();
        var file = await WarningLetterPdf.LoadAsync(db, audit, c, warningId, ct);
        if (file is not { } f) return NotFound();
        return File(f.Bytes, "application/pdf", f.FileName);
    }
}
