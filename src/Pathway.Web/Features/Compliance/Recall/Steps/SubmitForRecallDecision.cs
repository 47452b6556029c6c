using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Auditing;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 4, from <see cref="SubmitModel"/> or <c>POST …/submit</c>: sends the record to a senior probation officer for
/// management oversight, refused with the list of what is missing (<see cref="RecallWorkflow.CanSubmitForDecision"/>).
/// </summary>
public sealed class SubmitForRecallDecision(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, int? version, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (version is null) return RecallChange.Invalid("Version", RecallChange.SendVersion);
        var facts = await RecallFacts.LoadAsync(db, c.Case, r, c.Who.Roles, ComplianceEndpoints.Today(clock), ct);
        var errors = RecallWorkflow.CanSubmitForDecision(facts.WorkflowFacts(r));
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);
        if (version != r.Version) return Outcome.Conflict(await RecallChange.CurrentAsync(db, r.Id, ct));

        r.Status = RecallConsiderationStatus.AwaitingDecision;
        r.SubmittedAt = clock.GetUtcNow();
        r.SubmittedById = c.Who.UserId;
        events.Raise(DomainEventTypes.RecallDecisionNeeded, c.Case, $"/cases/{c.Id}/recall/{r.Id}/decision", new { considerationId = r.Id });
        return await RecallChange.SaveAsync(db, audit, r, version.Value, AuditActions.Recall.Submit, null, ct);
    }
}
