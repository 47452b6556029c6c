using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Certificates.Download;

/// <summary>The signed-in learner's certificate for their latest completed attempt, as a PDF (<see cref="IssueCertificate"/>).</summary>
[Audited(AuditActions.Training.CertificateDownload)]
public sealed class DownloadModel(IssueCertificate issue) : PageModel
{
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        return await this.PresentAsync(await issue.HandleAsync(User.ToStaffContext().UserId, slug, ct), certificate => certificate is null
            ? Page()
            : File(Certificates.Pdf(certificate, $"{Request.Scheme}://{Request.Host}/verify"), "application/pdf", $"certificate-{certificate.Number}.pdf"));
    }
}
