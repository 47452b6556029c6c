using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Decision;

/// <summary>
/// Management oversight and the decision, from <see cref="DecideModel"/> or <c>POST …/decision</c>: a senior probation
/// officer only (<see cref="RecallWorkflow.ValidateDecision"/>), refusing fixed-term recall where no fixed-term route
/// exists and standard recall where fixed-term is required. The decision keeps the regime it was made under.
/// </summary>
public sealed class DecideRecall(PathwayDbContext db, AuditLog audit, TimeProvider clock, IOptions<RecallOptions> options, DomainEvents events)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, DecisionInput input, int? version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (unreadable.Count > 0) return Outcome.Invalid<RecallConsideration>(unreadable);
        if (version is null) return RecallChange.Invalid("Version", RecallChange.SendVersion);
        var today = ComplianceEndpoints.Today(clock);
        var facts = await RecallFacts.LoadAsync(db, c.Case, r, c.Who.Roles, today, ct);
        var rationale = input.Rationale?.Trim();
        var errors = RecallWorkflow.ValidateDecision(facts.WorkflowFacts(r, rationale), c.Who.Roles, input.Decision, facts.Regime).ToList();
        if ((rationale?.Length ?? 0) > RecallChange.TextMax)
            errors.Add(new("OversightRationale", $"The rationale must be {RecallChange.TextMax} characters or fewer"));
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);
        if (version != r.Version) return Outcome.Conflict(await RecallChange.CurrentAsync(db, r.Id, ct));

        r.OversightRationale = rationale;
        r.Decision = input.Decision;
        // The regime is kept with the decision: re-assessing later (new law, new facts) must never change what was decided.
        r.FixedTermAssessment = facts.Regime is { } regime ? RecallText.Describe(regime) : null;
        r.RegimeVersionId = facts.Regime?.Regime.VersionId;
        r.RegimeAssessedOn = facts.Regime is null ? null : today;
        r.RegimeRoute = facts.Regime?.Route;
        r.FixedTermDays = input.Decision == RecallDecisionKind.FixedTermRecall ? facts.Regime?.FixedTermDays : null;
        r.DecidedById = c.Who.UserId;
        r.DecidedAt = clock.GetUtcNow();
        r.Status = RecallWorkflow.After(input.Decision!.Value, options.Value.SeniorManagerCountersignature);
        // A decision to recall that a second senior manager must countersign is not final yet: that manager is told first.
        if (r.Status == RecallConsiderationStatus.AwaitingCountersignature)
            events.Raise(DomainEventTypes.RecallCountersignatureNeeded, c.Case, $"/cases/{c.Id}/recall/{r.Id}/countersign", new { considerationId = r.Id });
        else
            events.Raise(DomainEventTypes.RecallDecided, c.Case, $"/cases/{c.Id}/recall/{r.Id}",
                new { considerationId = r.Id, startedById = r.StartedById, offenderManagerId = c.Case.OffenderManagerId });
        return await RecallChange.SaveAsync(db, audit, r, version.Value, AuditActions.Recall.Decide, Api.Name(input.Decision.Value), ct);
    }
}
