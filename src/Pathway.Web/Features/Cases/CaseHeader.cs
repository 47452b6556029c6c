using Pathway.Data.Entities;

namespace Pathway.Web.Features.Cases;

/// <summary>The case tabs. Later areas (assessments, care plans, incidents, recall) add theirs here.</summary>
public enum CaseTab
{
    Overview,
    Licences,
    Screening,
    Pathway,
    Consultations,
    Assessments,
    Compliance,
    CarePlan,
    Incidents,
    Signposting,
    Timeline,
    AccessLog,
    Sharing,
}

/// <summary>What the MoJ identity bar and the case sub-navigation need.</summary>
/// <param name="ShowSharing">Only people who can edit the case may open its sharing page, so only they see the tab.</param>
public sealed record CaseHeader(CaseRecord Case, CaseTab Active, bool ShowAccessLog, string? TeamName = null, bool ShowSharing = false)
{
    public static readonly IReadOnlyList<(CaseTab Tab, string Text, string Path)> Tabs =
    [
        (CaseTab.Overview, "Overview", ""),
        (CaseTab.Licences, "Licences", "/licences"),
        (CaseTab.Screening, "Screening", "/screening"),
        (CaseTab.Pathway, "Pathway", "/pathway"),
        (CaseTab.Consultations, "Consultations", "/consultations"),
        (CaseTab.Assessments, "Assessments", "/assessments"),
        (CaseTab.Compliance, "Compliance", "/compliance"),
        (CaseTab.CarePlan, "Care plan", "/care-plan"),
        (CaseTab.Incidents, "Incidents", "/incidents"),
        (CaseTab.Signposting, "Signposting", "/signposting"),
        (CaseTab.Timeline, "Timeline", "/timeline"),
        (CaseTab.AccessLog, "Access log", "/access-log"),
        (CaseTab.Sharing, "Sharing", "/sharing"),
    ];
}
