using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Decision;

/// <summary>
/// A recall decision countersigned by a second senior probation officer (not the one who decided), from
/// <see cref="CountersignModel"/> or <c>POST …/countersignature</c>.
/// </summary>
public sealed class CountersignRecallDecision(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, int? version, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (version is null) return RecallChange.Invalid("Version", RecallChange.SendVersion);
        var errors = RecallWorkflow.ValidateCountersignature(r.Status, r.DecidedById ?? Guid.Empty, c.Who.UserId, c.Who.Roles);
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);
        if (version != r.Version) return Outcome.Conflict(await RecallChange.CurrentAsync(db, r.Id, ct));

        r.CountersignedById = c.Who.UserId;
        r.CountersignedAt = clock.GetUtcNow();
        r.Status = RecallConsiderationStatus.Decided;
        events.Raise(DomainEventTypes.RecallDecided, c.Case, $"/cases/{c.Id}/recall/{r.Id}",
            new { considerationId = r.Id, startedById = r.StartedById, offenderManagerId = c.Case.OffenderManagerId });
        return await RecallChange.SaveAsync(db, audit, r, version.Value, AuditActions.Recall.Countersign, null, ct);
    }
}
