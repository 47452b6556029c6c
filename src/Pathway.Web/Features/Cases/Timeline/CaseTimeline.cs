using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Staff;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Compliance.Timeline;
using Pathway.Web.Features.Licences;
using Pathway.Web.Features.Referrals;

namespace Pathway.Web.Features.Cases.Timeline;

/// <summary>A kind of entry on a case's timeline. <see cref="Key"/> is what the filter sends (<c>?kind=contact</c>).</summary>
public sealed record TimelineKind(string Key, string Label);

/// <summary>One dated entry. <see cref="At"/> orders entries within a day; <see cref="ById"/> becomes the byline.</summary>
public sealed record TimelineEntry(
    DateOnly Date, DateTimeOffset At, TimelineKind Kind, string Title, string? Detail, string? Status, string? Href, Guid? ById);

/// <summary>
/// One kind of record on a case's timeline, contributed by the area that owns it: who may see it, and how to load one
/// case's entries up to <paramref name="today"/>. Add a kind by writing one more source in its area and listing it in
/// <see cref="CaseTimeline.Sources"/>.
/// </summary>
public interface ITimelineSource
{
    TimelineKind Kind { get; }

    /// <summary>Whether these roles see this kind at all (the case check has already passed).</summary>
    bool Visible(IReadOnlySet<StaffRole> roles);

    Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct);
}

/// <summary>Which of a case's timelines: the whole story, or what bears on licence compliance.</summary>
public enum TimelineScope { Whole, Compliance }

/// <summary>
/// A case's story in date order (newest first), fed by every area: the referral, licences and recalls, contacts,
/// warning letters, breaches, behaviours of concern, incidents, consultations, recall considerations and care plans made
/// active. The case's Timeline tab shows every kind; the Compliance tab's timeline shows the compliance kinds.
/// </summary>
public static class CaseTimeline
{
    /// <summary>The most entries one kind contributes: enough for years of supervision, bounded for a page.</summary>
    public const int PerKindLimit = 500;

    private static readonly ITimelineSource[] ComplianceSources =
    [
        new ContactSource(), new WarningSource(), new BreachSource(), new ConcernSource(), new IncidentSource(), new ConsultationSource(),
        new RecallSource(),
    ];

    /// <summary>Every kind, in the order the filter lists them.</summary>
    public static readonly IReadOnlyList<ITimelineSource> Sources =
        [new ReferralTimelineSource(), new LicenceTimelineSource(), .. ComplianceSources, new CarePlanTimelineSource()];

    private static IEnumerable<ITimelineSource> In(TimelineScope scope) => scope == TimelineScope.Compliance ? ComplianceSources : Sources;

    /// <summary>The kinds these roles may see on this timeline, in the order the filter lists them.</summary>
    public static IReadOnlyList<TimelineKind> KindsFor(IReadOnlySet<StaffRole> roles, TimelineScope scope = TimelineScope.Whole) =>
        In(scope).Where(s => s.Visible(roles)).Select(s => s.Kind).ToList();

    /// <summary>Entries of the chosen kinds (all visible kinds when none or only unknown ones are chosen), newest first, with bylines.</summary>
    public static async Task<(IReadOnlyList<TimelineEntry> Entries, IReadOnlyDictionary<Guid, string> Names)> LoadAsync(
        PathwayDbContext db, Guid caseId, IReadOnlySet<StaffRole> roles, IReadOnlyCollection<string> kinds, DateOnly today,
        CancellationToken ct, TimelineScope scope = TimelineScope.Whole)
    {
        var visible = In(scope).Where(s => s.Visible(roles)).ToList();
        var chosen = visible.Where(s => kinds.Contains(s.Kind.Key)).ToList();
        var entries = new List<TimelineEntry>();
        foreach (var source in chosen.Count > 0 ? chosen : visible)
            entries.AddRange(await source.LoadAsync(db, caseId, today, PerKindLimit, ct));
        var people = entries.Where(e => e.ById is not null).Select(e => e.ById!.Value).Distinct().ToList();
        var names = people.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return (entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.At).ToList(), names);
    }
}

/// <summary>What the timeline partial shows: the filter's kinds and choices, the entries and the names for bylines.</summary>
public sealed record TimelineView(
    string FilterAction, IReadOnlyList<TimelineKind> Kinds, IReadOnlyList<string> Selected, IReadOnlyList<TimelineEntry> Entries,
    IReadOnlyDictionary<Guid, string> Names, string TestId);

/// <summary>One timeline entry in the API; <c>link</c> is the page that shows the record, where there is one.</summary>
public sealed record TimelineEntryDto(string Date, string Kind, string Title, string? Detail, string? Status, string? Link, string? By)
{
    public static async Task<IReadOnlyList<TimelineEntryDto>> LoadAsync(
        PathwayDbContext db, Infrastructure.UseCases.CaseContext c, string[]? kind, TimelineScope scope, DateOnly today, CancellationToken ct)
    {
        var (entries, names) = await CaseTimeline.LoadAsync(db, c.Id, c.Who.Roles, kind ?? [], today, ct, scope);
        return entries.Select(e => new TimelineEntryDto(Api.Date(e.Date), e.Kind.Key, e.Title, e.Detail, e.Status, e.Href,
            e.ById is { } by ? names.GetValueOrDefault(by) : null)).ToList();
    }
}
