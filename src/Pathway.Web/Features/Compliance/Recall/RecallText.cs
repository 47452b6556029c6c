using Pathway.Domain.Recall;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>The words the recall pages, API and documents use for the workflow's values.</summary>
public static class RecallText
{
    public static string Concern(RecallConcern c) => c switch
    {
        RecallConcern.RiskIncreased => "Risk has increased",
        RecallConcern.ContactStopped => "Contact has stopped",
        RecallConcern.Both => "Risk has increased and contact has stopped",
        _ => c.ToString(),
    };

    public static string Alternative(AlternativeToRecall a) => a switch
    {
        AlternativeToRecall.WarningLetter => "Warning letter",
        AlternativeToRecall.DrugTesting => "Drug testing",
        AlternativeToRecall.IncreasedReporting => "Increased reporting",
        AlternativeToRecall.ExtraLicenceConditions => "Extra licence conditions",
        AlternativeToRecall.ReferralToApprovedPremises => "Referral to approved premises",
        AlternativeToRecall.ReferralToOtherTeams => "Referral to other teams (IOM, MAPPA, gangs)",
        AlternativeToRecall.ReferralToPartnershipAgencies => "Referral to partnership agencies",
        AlternativeToRecall.RiskEscalation => "Risk escalation",
        AlternativeToRecall.Other => "Other",
        AlternativeToRecall.None => "None",
        _ => a.ToString(),
    };

    public static string Outcome(AlternativeOutcome o) => o switch
    {
        AlternativeOutcome.Ongoing => "Ongoing",
        AlternativeOutcome.Helped => "Helped",
        AlternativeOutcome.PartlyHelped => "Partly helped",
        AlternativeOutcome.DidNotHelp => "Did not help",
        _ => o.ToString(),
    };

    public static string Decision(RecallDecisionKind d) => d switch
    {
        RecallDecisionKind.NoRecall => "No recall",
        RecallDecisionKind.FixedTermRecall => "Fixed-term recall",
        RecallDecisionKind.StandardRecall => "Standard recall",
        _ => d.ToString(),
    };

    public static string Status(RecallConsiderationStatus s) => s switch
    {
        RecallConsiderationStatus.InProgress => "In progress",
        RecallConsiderationStatus.AwaitingDecision => "Awaiting decision",
        RecallConsiderationStatus.AwaitingCountersignature => "Awaiting countersignature",
        RecallConsiderationStatus.Decided => "Decided",
        _ => s.ToString(),
    };

    public static string StatusTag(RecallConsiderationStatus s) => s switch
    {
        RecallConsiderationStatus.InProgress => "govuk-tag--light-blue",
        RecallConsiderationStatus.AwaitingDecision => "govuk-tag--yellow",
        RecallConsiderationStatus.AwaitingCountersignature => "govuk-tag--orange",
        _ => "govuk-tag--green",
    };

    /// <summary>Comma-separated enum names as stored in <c>ContingencyAlternatives</c>.</summary>
    public static IReadOnlyList<AlternativeToRecall> ParseList(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<AlternativeToRecall>(s, out var a) ? (AlternativeToRecall?)a : null)
            .OfType<AlternativeToRecall>().Distinct().Order().ToList();

    public static string FormatList(IEnumerable<AlternativeToRecall> list) => string.Join(",", list.Distinct().Order());

    /// <summary>The regime's tests as stored with the decision: one line each.</summary>
    public static string Describe(RecallRegimeAssessment a) =>
        string.Join("\n", a.Tests.Select(t => $"{t.Test}: {(t.Met ? "met" : "not met")} — {t.Reason}"));

    public static string Route(RecallRoute route, int? days) => route switch
    {
        RecallRoute.StandardRecall => "Standard recall: fixed-term recall is not available",
        RecallRoute.FixedTermMandatory => $"Fixed-term recall is mandatory ({days} days)",
        RecallRoute.FixedTermOnRiskTest => $"Fixed-term recall ({days} days) is possible if there is no risk of serious harm at the end of it",
        RecallRoute.AutomaticReRelease56Days => "Fixed-term recall: automatic re-release after 56 days",
        _ => route.ToString(),
    };

    /// <summary>The regime a decision was made under, by its recorded id; null for decisions recorded before regimes were kept.</summary>
    public static Pathway.Domain.Rules.RuleSetVersion? RegimeOf(string? versionId) =>
        versionId is null ? null : RecallRegimes.Register.Find(versionId)?.Version;
}
