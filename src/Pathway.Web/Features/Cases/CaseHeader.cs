using Pathway.Data.Entities;

namespace Pathway.Web.Features.Cases;

/// <summary>The case pages. Every case page says which one it is; <see cref="CaseHeader.Groups"/> places each in a group.</summary>
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

/// <summary>One case page in the sub-navigation: its text and its path under <c>/cases/{id}</c>.</summary>
public sealed record CaseTabLink(CaseTab Tab, string Text, string Path);

/// <summary>A group of case pages: one link in the case's top row, and its pages in the row beneath.</summary>
public sealed record CaseTabGroup(string Text, IReadOnlyList<CaseTabLink> Pages);

/// <summary>What the MoJ identity bar and the case sub-navigation need.</summary>
/// <param name="ShowSharing">Only people who can edit the case may open its sharing page, so only they see the tab.</param>
public sealed record CaseHeader(CaseRecord Case, CaseTab Active, bool ShowAccessLog, string? TeamName = null, bool ShowSharing = false)
{
    /// <summary>
    /// The case's pages in groups, so the top row stays one row at 1280 px. The groups follow the work: the PD service's
    /// route from referral through consultation and screening to assessment; the plan and what happens against it;
    /// supervising the licence, up to recall; the local services a person is signposted to; and the record of the case.
    /// </summary>
    public static readonly IReadOnlyList<CaseTabGroup> Groups =
    [
        new("Overview", [new(CaseTab.Overview, "Overview", "")]),
        new("Assessment",
        [
            new(CaseTab.Pathway, "Pathway", "/pathway"),
            new(CaseTab.Consultations, "Consultations", "/consultations"),
            new(CaseTab.Screening, "Screening", "/screening"),
            new(CaseTab.Assessments, "Assessments", "/assessments"),
        ]),
        new("Plan and incidents",
        [
            new(CaseTab.CarePlan, "Care plan", "/care-plan"),
            new(CaseTab.Incidents, "Incidents", "/incidents"),
        ]),
        new("Compliance and recall",
        [
            new(CaseTab.Licences, "Licences", "/licences"),
            new(CaseTab.Compliance, "Compliance", "/compliance"),
        ]),
        new("Services", [new(CaseTab.Signposting, "Signposting", "/signposting")]),
        new("Record",
        [
            new(CaseTab.Timeline, "Timeline", "/timeline"),
            new(CaseTab.AccessLog, "Access log", "/access-log"),
            new(CaseTab.Sharing, "Sharing", "/sharing"),
        ]),
    ];

    /// <summary>Every case page, in the order of the groups.</summary>
    public static readonly IReadOnlyList<CaseTabLink> Tabs = Groups.SelectMany(g => g.Pages).ToList();

    /// <summary>The group of the page being shown.</summary>
    public CaseTabGroup ActiveGroup => Groups.Single(g => g.Pages.Any(p => p.Tab == Active));

    /// <summary>The pages of a group this person may open (the access log for the clinical lead, sharing for editors).</summary>
    public IReadOnlyList<CaseTabLink> PagesOf(CaseTabGroup group) => group.Pages.Where(p => p.Tab switch
    {
        CaseTab.AccessLog => ShowAccessLog,
        CaseTab.Sharing => ShowSharing,
        _ => true,
    }).ToList();

    public string PathOf(CaseTabLink page) => $"/cases/{Case.Id}{page.Path}";
}
