using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 3 when the psychologist could not be consulted in time, from <see cref="ConsultationModel"/> or
/// <c>PUT …/consultation-not-possible</c>: the supervising officer records why. Advice given later replaces it.
/// </summary>
public sealed class RecordConsultationNotPossible(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, string? reason, int? version, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (await RecallChange.GuardAsync(db, r, version, ct) is { } refused) return refused;
        if (!string.IsNullOrWhiteSpace(r.ConsultationAdvice))
            return RecallChange.Invalid("Reason", "The psychologist's advice is already recorded");
        var errors = new List<FieldError>();
        RecallChange.Text(reason, "Reason", "Say why the psychologist could not be consulted in time", RecallChange.ReasonMax, errors);
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);

        r.ConsultationNotPossibleReason = reason!.Trim();
        return await RecallChange.SaveAsync(db, audit, r, version!.Value, AuditActions.Recall.Consult, "not-possible", ct);
    }
}
