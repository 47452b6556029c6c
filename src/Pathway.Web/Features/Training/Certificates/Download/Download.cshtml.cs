using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Certificates.Download;

/// <summary>The signed-in learner's certificate for their latest completed attempt, as a PDF; issued on first download.</summary>
[Audited("training.certificate.download")]
public sealed class DownloadModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return NotFound();
        if (lc.Enrolment is not { CompletedAt: not null } enrolment) return Page();
        var (certificate, isNew) = await Certificates.ForAsync(db, enrolment, clock.GetUtcNow(), ct);
        audit.Add(isNew ? "training.certificate.issue" : null, "TrainingCertificate", certificate!.Id, null);
        await db.SaveChangesAsync(ct);
        var bytes = Certificates.Pdf(certificate, $"{Request.Scheme}://{Request.Host}/verify");
        return File(bytes, "application/pdf", $"certificate-{certificate.Number}.pdf");
    }
}
