using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Certificates.Download;

/// <summary>
/// The learner's certificate for their latest completed attempt, issued (and audited as issued) the first time it is
/// asked for; null when that attempt is not completed.
/// </summary>
public sealed class IssueCertificate(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<TrainingCertificate?>> HandleAsync(Guid userId, string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc is null) return Outcome.NotFound<TrainingCertificate?>();
        if (lc.Enrolment is not { CompletedAt: not null } enrolment) return new Outcome<TrainingCertificate?>.Done(null);
        var (certificate, isNew) = await Certificates.ForAsync(db, enrolment, clock.GetUtcNow(), ct);
        audit.Add(isNew ? AuditActions.Training.CertificateIssue : null, "TrainingCertificate", certificate!.Id, null);
        await db.SaveChangesAsync(ct);
        return certificate;
    }
}
