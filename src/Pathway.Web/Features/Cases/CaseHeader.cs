using Pathway.Data.Entities;

namespace Pathway.Web.Features.Cases;

/// <summary>The case tabs. Later areas (assessments, care plans, incidents, recall) add theirs here.</summary>
public enum CaseTab
{
    Overview,
    Licences,
    Timeline,
    AccessLog,
}

/// <summary>What the MoJ identity bar and the case sub-navigation need.</summary>
public sealed record CaseHeader(CaseRecord Case, CaseTab Active, bool ShowAccessLog, string? TeamName = null)
{
    public static readonly IReadOnlyList<(CaseTab Tab, string Text, string Path)> Tabs =
    [
        (CaseTab.Overview, "Overview", ""),
        (CaseTab.Licences, "Licences", "/licences"),
        (CaseTab.Timeline, "Timeline", "/timeline"),
        (CaseTab.AccessLog, "Access log", "/access-log"),
    ];
}
