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
/// Countersigns and locks a submitted version (the clinical lead, never its author). From <see cref="DetailModel"/> or
/// <c>POST /api/v1/cases/{id}/assessments/{assessmentId}/countersign</c>; the case is already checked for edit. The
/// step carries the version it was read at: a stale one is a conflict with the version as saved now, and nothing is
/// saved; a step <see cref="AssessmentLifecycle"/> does not allow this person now is refused
/// (<see cref="AssessmentChanges.NotAllowed"/>).
/// </summary>
public sealed class CountersignAssessment(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<Assessment>> HandleAsync(CaseContext c, Guid assessmentId, int version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var found = await AssessmentChanges.FindForStepAsync(db, audit, c, assessmentId, version, unreadable, ct);
        if (found is not Outcome<Assessment>.Done { Value: var a }) return found;
        var refusal = AssessmentLifecycle.CanCountersign(a.Status, a.AuthorId, AssessmentRoles.Actor(c.Who));
        if (refusal is not null) return AssessmentChanges.NotAllowed(refusal);
        a.Status = AssessmentStatus.Locked;
        a.CountersignedById = c.Who.UserId;
        a.CountersignedAt = clock.GetUtcNow();
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        audit.Add(AuditActions.Assessment.Countersign, "Assessment", a.Id, a.CaseId);
        events.Raise(DomainEventTypes.AssessmentCountersigned, c.Case, $"/cases/{c.Id}/assessments/{a.Id}", new { assessmentId = a.Id, authorId = a.AuthorId, offenderManagerId = c.Case.OffenderManagerId });
        return await AssessmentChanges.SaveAsync(db, a, ct);
    }
}
