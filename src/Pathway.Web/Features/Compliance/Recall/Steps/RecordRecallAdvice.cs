using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Domain.Events;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 3, from <see cref="ConsultationModel"/> or <c>PUT …/consultation</c>: the psychologist's (or clinical lead's)
/// advice. Read access to the case is enough; advice replaces a recorded reason the consultation was not possible.
/// </summary>
public sealed class RecordRecallAdvice(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, string? advice, int? version, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (!c.Who.Roles.Overlaps(ComplianceRoles.RecallConsultants))
            return RecallChange.Invalid("Advice", "Only a psychologist or the clinical lead can record the psychologist's advice");
        if (await RecallChange.GuardAsync(db, r, version, ct) is { } refused) return refused;
        var errors = new List<FieldError>();
        RecallChange.Text(advice, "Advice", "Enter your advice on the recall decision", RecallChange.TextMax, errors);
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);

        r.ConsultationAdvice = advice!.Trim();
        r.ConsultedById = c.Who.UserId;
        r.ConsultedAt = clock.GetUtcNow();
        r.ConsultationNotPossibleReason = null;
        events.Raise(DomainEventTypes.RecallAdviceGiven, c.Case, $"/cases/{c.Id}/recall/{r.Id}",
            new { considerationId = r.Id, startedById = r.StartedById, offenderManagerId = c.Case.OffenderManagerId });
        return await RecallChange.SaveAsync(db, audit, r, version!.Value, AuditActions.Recall.Consult, "advice", ct);
    }
}
