using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Training.Certificates.Verify;

/// <summary>
/// Public: anyone with a certificate number may check it. It confirms the name, course, completion date and whether
/// the certificate is valid, and nothing else; a number that does not exist says only "not found". One indexed
/// lookup, nothing stored but an audit row, and never cached, so it stays cheap to rate-limit in front of the app.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(VerifyRateLimit.Policy)]
[Audited(AuditActions.Training.CertificateVerify)]
public sealed class VerifyModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record Result(string Number, string Name, string Course, DateOnly CompletedOn, DateOnly? ValidUntil, string Validity, bool Valid);

    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    public Result? Found { get; private set; }
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        if (string.IsNullOrWhiteSpace(Number)) return Page();
        Searched = true;
        var number = CertificateNumber.Normalise(Number);
        if (number is null)
        {
            ModelState.AddModelError(nameof(Number), "Enter a certificate number in the form PWT-XXXX-XXXX-XXXX-XXXX-XXXX");
            return Page();
        }
        var c = await db.TrainingCertificates.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
        if (c is null)
        {
            await audit.WriteAsync(null, "TrainingCertificate", null, null, AuditOutcome.Denied, "not found", ct: ct);
            return Page();
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (validity, valid) = Certificates.Validity(c, today);
        Found = new Result(c.Number, c.LearnerName, c.CourseTitle, c.CompletedOn, c.ValidUntil, validity, valid);
        await audit.WriteAsync(null, "TrainingCertificate", c.Id, null, ct: ct);
        return Page();
    }
}
