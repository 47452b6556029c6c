using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Start;

/// <summary>
/// Starts a consideration with why it is being considered, on the licence the person is on today, from
/// <see cref="StartModel"/> or <c>POST /api/v1/cases/{id}/recall-considerations</c>. Refused unless they are on licence
/// today: a recall revokes a licence, so there is nothing to recall from before release, after the licence ends (top-up
/// supervision included) or while already recalled. One open consideration per case.
/// </summary>
public sealed class StartRecallConsideration(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, RecallConcern? concern, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (unreadable.Count > 0) return Outcome.Invalid<RecallConsideration>(unreadable);
        if (concern is null) return RecallChange.Invalid("Concern", "Say why recall is being considered: risk increased, contact stopped, or both");
        var standing = await RecallFacts.LicenceOnAsync(db, c.Id, ComplianceEndpoints.Today(clock), ct);
        if (standing.Status == LicenceStatus.NoLicenceRecorded)
            return RecallChange.Invalid("Licence", "Record the person's licence before considering recall: breached conditions are chosen from it");
        if (!standing.CanBeRecalled)
            return RecallChange.Invalid("Licence", $"Recall is possible only while the person is on licence. {standing.Description}");
        var licence = await db.Licences.AsNoTracking().FirstAsync(l => l.Id == standing.LicenceId, ct);
        var open = await db.RecallConsiderations.AsNoTracking().AnyAsync(r => r.CaseId == c.Id && r.Status != RecallConsiderationStatus.Decided, ct);
        if (open) return RecallChange.Invalid("Status", "A recall consideration for this person is already open: continue that one");

        var now = clock.GetUtcNow();
        var r = new RecallConsideration
        {
            CaseId = c.Id, LicenceId = licence.Id, Status = RecallConsiderationStatus.InProgress, Concern = concern, StartedById = c.Who.UserId,
            CreatedAt = now,
            // The case's psychologist is asked for advice now: this puts "Give your advice" in their Waiting for you.
            ConsultationRequestedAt = c.Case.PsychologistId is null ? null : now,
        };
        db.RecallConsiderations.Add(r);
        audit.Add(AuditActions.Recall.Create, nameof(RecallConsideration), r.Id, c.Id);
        // The senior probation officer hears a consideration has started; the psychologist is asked for advice.
        events.Raise(DomainEventTypes.RecallConsiderationStarted, c.Case, $"/cases/{c.Id}/recall/{r.Id}", new { considerationId = r.Id });
        events.Raise(DomainEventTypes.RecallAdviceRequested, c.Case, $"/cases/{c.Id}/recall/{r.Id}/consultation",
            new { considerationId = r.Id, psychologistId = c.Case.PsychologistId });
        await db.SaveChangesAsync(ct);
        return r;
    }
}
