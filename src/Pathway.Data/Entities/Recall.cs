using Pathway.Domain.Recall;

namespace Pathway.Data.Entities;

/// <summary>
/// A guided record of considering recall (HMPPS "consider a recall"): why, which conditions were breached, the
/// alternatives tried and those agreed in the care plan, the psychologist's consultation, management oversight and the
/// decision. The recall itself, once made, is the licence's <see cref="Recall"/> (linked by <see cref="RecallId"/>).
/// A decided record is read-only.
/// </summary>
public sealed class RecallConsideration : IVersioned, ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>The licence current when the consideration started; breached conditions come from it.</summary>
    public Guid LicenceId { get; set; }
    public RecallConsiderationStatus Status { get; set; }

    public RecallConcern? Concern { get; set; }
    /// <summary>What has happened, in the officer's words (the report's "circumstances").</summary>
    public string? Circumstances { get; set; }
    /// <summary>The officer's view of current risk (the report's "risk").</summary>
    public string? RiskSummary { get; set; }
    public bool RecalledBecauseOfCharge { get; set; }
    /// <summary>The charge is of a serious offence (murder or Sentencing Code Schedule 18): the 2024 order's exclusion.</summary>
    public bool ChargedWithSeriousOffence { get; set; }
    public bool Schedule19AAOffence { get; set; }
    public bool TerroristOffence { get; set; }
    public List<LinkedCondition> BreachedConditions { get; set; } = [];

    public List<RecallAlternativeTried> AlternativesTried { get; set; } = [];
    public string? NoAlternativesReason { get; set; }
    /// <summary>
    /// The alternatives to recall the officer found agreed in the care plan's contingency section (free text there), as
    /// comma-separated <see cref="AlternativeToRecall"/> names; <see cref="ContingencyPlanId"/> is the plan version read.
    /// </summary>
    public string ContingencyAlternatives { get; set; } = "";
    public Guid? ContingencyPlanId { get; set; }

    public DateTimeOffset? ConsultationRequestedAt { get; set; }
    public string? ConsultationAdvice { get; set; }
    public Guid? ConsultedById { get; set; }
    public DateTimeOffset? ConsultedAt { get; set; }
    public string? ConsultationNotPossibleReason { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? SubmittedById { get; set; }

    public string? OversightRationale { get; set; }
    public RecallDecisionKind? Decision { get; set; }
    /// <summary>The recall regime's tests as they stood at the decision, one per line ("Test: met/not met — reason").</summary>
    public string? FixedTermAssessment { get; set; }
    /// <summary>
    /// The recall regime version applied at the decision (<see cref="Pathway.Domain.Recall.RecallRegimes"/>), kept so a
    /// later change in the law or in the facts never changes a recorded decision. Null for decisions recorded before
    /// regimes were recorded.
    /// </summary>
    public string? RegimeVersionId { get; set; }
    /// <summary>The day the regime was applied for (the decision day).</summary>
    public DateOnly? RegimeAssessedOn { get; set; }
    public RecallRoute? RegimeRoute { get; set; }
    /// <summary>The fixed term (14, 28 or 56 days) the regime gave; null where none applied.</summary>
    public int? FixedTermDays { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? CountersignedById { get; set; }
    public DateTimeOffset? CountersignedAt { get; set; }

    /// <summary>The recall recorded on the licence from this decision.</summary>
    public Guid? RecallId { get; set; }

    public Guid StartedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>An alternative to recall already tried, and what came of it.</summary>
public sealed class RecallAlternativeTried
{
    public AlternativeToRecall Alternative { get; set; }
    public AlternativeOutcome Outcome { get; set; }
    public string? Details { get; set; }
}
