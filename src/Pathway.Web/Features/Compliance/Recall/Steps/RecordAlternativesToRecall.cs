using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 2, from <see cref="AlternativesModel"/> or <c>PUT …/alternatives</c>: the alternatives to recall already tried
/// (each with its result) or why none has been, and those the care plan's contingency section agrees (the active plan
/// the person can see is recorded with them).
/// </summary>
public sealed class RecordAlternativesToRecall(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<RecallConsideration>> HandleAsync(CaseContext c, Guid considerationId, AlternativesInput input, int? version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var r = await RecallChange.FindAsync(db, audit, c.Id, considerationId, ct);
        if (r is null) return Outcome.NotFound<RecallConsideration>();
        if (unreadable.Count > 0) return Outcome.Invalid<RecallConsideration>(unreadable);
        var facts = await RecallFacts.LoadAsync(db, c.Case, r, c.Who.Roles, ComplianceEndpoints.Today(clock), ct);
        if (await RecallChange.GuardAsync(db, r, version, ct) is { } refused) return refused;
        var errors = Validate(input);
        if (errors.Count > 0) return Outcome.Invalid<RecallConsideration>(errors);

        r.AlternativesTried.Clear();
        r.AlternativesTried.AddRange(input.Tried.Select(t => new RecallAlternativeTried
        {
            Alternative = t.Alternative, Outcome = t.Outcome, Details = string.IsNullOrWhiteSpace(t.Details) ? null : t.Details.Trim(),
        }));
        r.NoAlternativesReason = input.Tried.Count == 0 ? input.NoAlternativesReason!.Trim() : null;
        r.ContingencyAlternatives = RecallText.FormatList(input.InContingencyPlan);
        r.ContingencyPlanId = facts.ContingencyPlanId;
        return await RecallChange.SaveAsync(db, audit, r, version!.Value, AuditActions.Recall.Update, "alternatives", ct);
    }

    internal static List<FieldError> Validate(AlternativesInput input)
    {
        const int max = RecallChange.ReasonMax;
        var errors = new List<FieldError>();
        foreach (var dup in input.Tried.GroupBy(t => t.Alternative).Where(g => g.Count() > 1))
            errors.Add(new("Tried", $"{RecallText.Alternative(dup.Key)} is listed more than once"));
        foreach (var t in input.Tried.Where(t => (t.Details?.Trim().Length ?? 0) > max))
            errors.Add(new("Tried", $"The details of {RecallText.Alternative(t.Alternative).ToLowerInvariant()} must be {max} characters or fewer"));
        foreach (var t in input.Tried.Where(t => t.Alternative == AlternativeToRecall.Other && string.IsNullOrWhiteSpace(t.Details)))
            errors.Add(new("Tried", "Say what the other alternative was"));
        foreach (var t in input.Tried.Where(t => t.Alternative == AlternativeToRecall.None && string.IsNullOrWhiteSpace(t.Details)))
            errors.Add(new("Tried", "Say why no alternative to recall was tried"));
        errors.AddRange(RecallWorkflow.ValidateAlternatives(input.Tried.Select(t => t.Alternative).ToList()));
        if ((input.NoAlternativesReason?.Trim().Length ?? 0) > max)
            errors.Add(new("NoAlternativesReason", $"The reason must be {max} characters or fewer"));
        if (input.Tried.Count == 0 && string.IsNullOrWhiteSpace(input.NoAlternativesReason))
            errors.Add(new("Tried", "Record the alternatives to recall already tried, or say why none has been tried"));
        return errors;
    }
}
