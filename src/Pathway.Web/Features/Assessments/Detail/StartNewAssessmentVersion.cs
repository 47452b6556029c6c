using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Detail;

/// <summary>
/// Starts a new draft version from a locked one without changing anything yet; the outcome is the new version. From
/// <see cref="DetailModel"/> or <c>POST /api/v1/cases/{id}/assessments/{assessmentId}/new-version</c>; the case is
/// already checked for edit. The step carries the version it was read at: a stale one is a conflict with the version as
/// saved now, and nothing is saved; a step <see cref="AssessmentLifecycle"/> does not allow this person now is refused
/// (<see cref="AssessmentChanges.NotAllowed"/>).
/// </summary>
public sealed class StartNewAssessmentVersion(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Assessment>> HandleAsync(CaseContext c, Guid assessmentId, int version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var found = await AssessmentChanges.FindForStepAsync(db, audit, c, assessmentId, version, unreadable, ct);
        if (found is not Outcome<Assessment>.Done { Value: var a }) return found;
        var (decision, reason) = AssessmentLifecycle.Edit(a.Status, a.AuthorId, AssessmentRoles.Actor(c.Who), await AssessmentChanges.HasNewerAsync(db, a, ct));
        if (decision != EditDecision.StartNewVersion) return AssessmentChanges.NotAllowed(reason ?? "This version is not locked; change it directly");
        var target = await AssessmentChanges.CopyToNewVersionAsync(db, a, c.Who, clock.GetUtcNow(), ct);
        audit.Add(AuditActions.Assessment.VersionCreate, "Assessment", target.Id, a.CaseId);
        return await AssessmentChanges.SaveAsync(db, target, ct);
    }
}
