using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 1, from <see cref="CircumstancesModel"/> or <c>PUT …/recall-considerations/{considerationId}/circumstances</c>: why
/// recall is considered, what happened, current risk, the conditions of the current licence that were breached, and the
/// charge and offence facts the recall regime depends on.
/// </summary>
public sealed class RecordRecallCircumstances(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, CircumstancesInput input, int? version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (unreadable.Count > 0) return Outcome.Invalid<RecallConsideration>(unreadable);
        if (await RecallChange.GuardAsync(db, r, version, ct) is { } refused) return refused;
        var errors = new List<FieldError>();
        if (input.Concern is null) errors.Add(new("Concern", "Say why recall is being considered: risk increased, contact stopped, or both"));
        RecallChange.Text(input.Circumstances, "Circumstances", "Describe what has happened", RecallChange.TextMax, errors);
        RecallChange.Text(input.RiskSummary, "RiskSummary", "Describe the current risk", RecallChange.TextMax, errors);
        var conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, ComplianceEndpoints.Today(clock), ct);
        var linked = conditions.Resolve(input.Conditions, "Conditions", errors);
        if (linked.Count == 0 && !errors.Any(e => e.Field == "Conditions")) errors.Add(new("Conditions", "Choose the licence conditions that were breached"));
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);

        r.Concern = input.Concern;
        r.Circumstances = input.Circumstances!.Trim();
        r.RiskSummary = input.RiskSummary!.Trim();
        r.RecalledBecauseOfCharge = input.RecalledBecauseOfCharge;
        r.Schedule19AAOffence = input.Schedule19AAOffence;
        r.TerroristOffence = input.TerroristOffence;
        r.ChargedWithSeriousOffence = input.RecalledBecauseOfCharge && input.ChargedWithSeriousOffence;
        r.BreachedConditions.Clear();
        r.BreachedConditions.AddRange(linked);
        return await RecallChange.SaveAsync(db, audit, r, version!.Value, AuditActions.Recall.Update, "circumstances", ct);
    }
}
