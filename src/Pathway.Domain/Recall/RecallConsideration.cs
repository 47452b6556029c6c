using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Recall;

/// <summary>Why recall is being considered (HMPPS "Consider a recall").</summary>
public enum RecallConcern
{
    RiskIncreased,
    ContactStopped,
    Both,
}

/// <summary>The alternatives to recall HMPPS's recall tool records (DOMAIN.md section 3).</summary>
public enum AlternativeToRecall
{
    WarningLetter,
    DrugTesting,
    IncreasedReporting,
    ExtraLicenceConditions,
    ReferralToApprovedPremises,
    ReferralToOtherTeams,
    ReferralToPartnershipAgencies,
    RiskEscalation,
    Other,
    /// <summary>No alternative was tried; it cannot be listed with any other.</summary>
    None,
}

public enum AlternativeOutcome
{
    Ongoing,
    Helped,
    PartlyHelped,
    DidNotHelp,
}

public enum RecallDecisionKind
{
    NoRecall,
    FixedTermRecall,
    StandardRecall,
}

/// <summary>Where a recall consideration is in its workflow. A decided record is read-only.</summary>
public enum RecallConsiderationStatus
{
    /// <summary>The offender manager is recording the circumstances, breaches, alternatives and consultation.</summary>
    InProgress,
    /// <summary>Sent to a senior probation officer for management oversight and the decision.</summary>
    AwaitingDecision,
    /// <summary>A recall was decided; a second senior manager must countersign before it goes to the Public Protection Casework Section.</summary>
    AwaitingCountersignature,
    Decided,
}

/// <summary>What the workflow checks look at.</summary>
public sealed record RecallConsiderationFacts(
    RecallConsiderationStatus Status,
    RecallConcern? Concern,
    int BreachedConditions,
    int AlternativesTried,
    string? NoAlternativesReason,
    bool OnPathway,
    bool PsychologistConsulted,
    string? ConsultationNotPossibleReason,
    string? OversightRationale);

/// <summary>
/// The recall decision workflow, modelled on HMPPS's: the officer records why, which conditions were breached, what has
/// been tried and — for anyone on the PD pathway — the psychologist's advice; a senior probation officer gives management
/// oversight and decides; a recall then needs a senior manager's countersignature (a second senior probation officer),
/// a step a service may switch off (<c>Recall:SeniorManagerCountersignature</c>) where its local policy has none.
/// Every refusal lists what is missing.
/// </summary>
public static class RecallWorkflow
{
    public static IReadOnlyList<string> MissingBeforeDecision(RecallConsiderationFacts f)
    {
        var missing = new List<string>();
        if (f.Concern is null) missing.Add("Say why recall is being considered: risk increased, contact stopped, or both");
        if (f.BreachedConditions == 0) missing.Add("Choose the licence conditions that were breached");
        if (f.AlternativesTried == 0 && string.IsNullOrWhiteSpace(f.NoAlternativesReason))
            missing.Add("Record the alternatives to recall already tried, or why none has been tried");
        if (f.OnPathway && !f.PsychologistConsulted && string.IsNullOrWhiteSpace(f.ConsultationNotPossibleReason))
            missing.Add("Record the psychologist's advice, or why a consultation could not happen in time: the person is on the PD pathway");
        return missing;
    }

    public static IReadOnlyList<FieldError> CanSubmitForDecision(RecallConsiderationFacts f)
    {
        if (f.Status != RecallConsiderationStatus.InProgress)
            return [new("Status", "This recall consideration has already been sent for a decision")];
        return MissingBeforeDecision(f).Select(m => new FieldError("Missing", m)).ToList();
    }

    /// <summary>
    /// Checks a decision before it is recorded, against the recall regime the caller assessed for the day (null when no
    /// regime applied): fixed-term recall needs a fixed-term route, and a standard recall is refused where fixed-term is
    /// the only recall the regime allows.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateDecision(
        RecallConsiderationFacts f, IReadOnlySet<StaffRole> deciderRoles, RecallDecisionKind? decision, RecallRegimeAssessment? regime)
    {
        var errors = new List<FieldError>();
        if (f.Status is RecallConsiderationStatus.Decided or RecallConsiderationStatus.AwaitingCountersignature)
            return [new("Status", "A decision has already been recorded; the record is read-only")];
        if (!deciderRoles.Contains(StaffRole.SeniorProbationOfficer))
            return [new("Decision", "Only a senior probation officer can record a recall decision")];
        errors.AddRange(MissingBeforeDecision(f).Select(m => new FieldError("Missing", m)));
        if (string.IsNullOrWhiteSpace(f.OversightRationale))
            errors.Add(new("OversightRationale", "Enter the management oversight rationale for the decision"));
        if (decision is null)
            errors.Add(new("Decision", "Choose a decision: no recall, fixed-term recall or standard recall"));
        else if (decision != RecallDecisionKind.NoRecall && regime is null)
            errors.Add(new("Decision", "No recall regime is known for this date, so the recall cannot be recorded"));
        else if (decision == RecallDecisionKind.FixedTermRecall && !regime!.FixedTermAvailable)
            errors.Add(new("Decision", $"Fixed-term recall is not available under {regime.Regime.Name} ({regime.Regime.Source.Citation}): {string.Join("; ", regime.ReasonsNotMet)}"));
        else if (decision == RecallDecisionKind.StandardRecall && regime!.FixedTermRequired)
            errors.Add(new("Decision", regime.Route == RecallRoute.AutomaticReRelease56Days
                ? $"Under {regime.Regime.Name} ({regime.Regime.Source.Citation}) a recall ends in automatic re-release after 56 days: record a fixed-term recall. Only the Secretary of State can decide not to re-release (s.255BA(5))"
                : $"Fixed-term recall is mandatory under {regime.Regime.Name} ({regime.Regime.Source.Citation}): record a fixed-term recall"));
        return errors;
    }

    /// <summary>"None" says no alternative was tried, so it cannot sit alongside one that was.</summary>
    public static IReadOnlyList<FieldError> ValidateAlternatives(IReadOnlyCollection<AlternativeToRecall> tried) =>
        tried.Contains(AlternativeToRecall.None) && tried.Count > 1
            ? [new("Tried", "\"None\" cannot be chosen with another alternative: remove it, or remove the others")]
            : [];

    /// <summary>The status a valid decision moves the record to.</summary>
    public static RecallConsiderationStatus After(RecallDecisionKind decision, bool countersignatureStep = true) =>
        NeedsCountersignature(decision, countersignatureStep) ? RecallConsiderationStatus.AwaitingCountersignature : RecallConsiderationStatus.Decided;

    /// <summary>A decision to recall waits for a senior manager's countersignature when the service has that step; no recall never does.</summary>
    public static bool NeedsCountersignature(RecallDecisionKind decision, bool countersignatureStep = true) =>
        countersignatureStep && decision != RecallDecisionKind.NoRecall;

    public static IReadOnlyList<FieldError> ValidateCountersignature(RecallConsiderationStatus status, Guid decidedBy, Guid countersigner, IReadOnlySet<StaffRole> countersignerRoles)
    {
        if (status != RecallConsiderationStatus.AwaitingCountersignature)
            return [new("Status", "This record is not waiting for a countersignature")];
        if (!countersignerRoles.Contains(StaffRole.SeniorProbationOfficer))
            return [new("Countersignature", "Only a senior probation officer can countersign a recall decision")];
        if (countersigner == decidedBy)
            return [new("Countersignature", "A recall decision must be countersigned by someone other than the person who made it")];
        return [];
    }

    /// <summary>Alternatives in the person's contingency plan that the record does not show as tried.</summary>
    public static IReadOnlyList<AlternativeToRecall> NotYetTried(IEnumerable<AlternativeToRecall> inContingencyPlan, IEnumerable<AlternativeToRecall> tried) =>
        inContingencyPlan.Distinct().Except(tried).Order().ToList();
}
