using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Detail;

/// <summary>
/// Submits a draft for countersigning (its author only, once the sections needed are complete). From
/// <see cref="DetailModel"/> or <c>POST /api/v1/cases/{id}/assessments/{assessmentId}/submit</c>; the case is already
/// checked for edit. The step carries the version it was read at: a stale one is a conflict with the version as saved
/// now, and nothing is saved; a step <see cref="AssessmentLifecycle"/> does not allow this person now is refused
/// (<see cref="AssessmentChanges.NotAllowed"/>).
/// </summary>
public sealed class SubmitAssessment(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<Assessment>> HandleAsync(CaseContext c, Guid assessmentId, int version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var found = await AssessmentChanges.FindForStepAsync(db, audit, c, assessmentId, version, unreadable, ct);
        if (found is not Outcome<Assessment>.Done { Value: var a }) return found;
        var refusal = AssessmentLifecycle.CanSubmit(a.Status, a.AuthorId, AssessmentRoles.Actor(c.Who), AssessmentDocument.IncompleteForSubmission(a));
        if (refusal is not null) return AssessmentChanges.NotAllowed(refusal);
        a.Status = AssessmentStatus.Submitted;
        a.SubmittedAt = clock.GetUtcNow();
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        audit.Add(AuditActions.Assessment.Submit, "Assessment", a.Id, a.CaseId);
        events.Raise(DomainEventTypes.AssessmentSubmitted, c.Case, $"/cases/{c.Id}/assessments/{a.Id}", new { assessmentId = a.Id, authorId = a.AuthorId });
        return await AssessmentChanges.SaveAsync(db, a, ct);
    }
}
