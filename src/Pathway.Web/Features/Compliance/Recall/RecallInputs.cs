using Pathway.Domain.Recall;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>Why recall is considered, what happened, current risk, the breached conditions and the facts fixed-term recall depends on.</summary>
public sealed record CircumstancesInput(
    RecallConcern? Concern, string? Circumstances, string? RiskSummary, bool RecalledBecauseOfCharge, bool Schedule19AAOffence,
    bool TerroristOffence, IReadOnlyList<string> Conditions, bool ChargedWithSeriousOffence = false);

public sealed record AlternativeInput(AlternativeToRecall Alternative, AlternativeOutcome Outcome, string? Details);

public sealed record AlternativesInput(IReadOnlyList<AlternativeInput> Tried, string? NoAlternativesReason, IReadOnlyList<AlternativeToRecall> InContingencyPlan);

public sealed record DecisionInput(RecallDecisionKind? Decision, string? Rationale);
