using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Compliance.Timeline;

/// <summary>A kind of entry on the compliance timeline. <see cref="Key"/> is what the filter sends (<c>?kind=contact</c>).</summary>
public sealed record TimelineKind(string Key, string Label);

/// <summary>One dated entry. <see cref="At"/> orders entries within a day; <see cref="ById"/> becomes the byline.</summary>
public sealed record TimelineEntry(
    DateOnly Date, DateTimeOffset At, TimelineKind Kind, string Title, string? Detail, string? Status, string? Href, Guid? ById);

/// <summary>
/// One kind of record on the compliance timeline: who may see it, and how to load one case's entries. Add a kind by
/// writing one more source and listing it in <see cref="ComplianceTimeline.Sources"/>.
/// </summary>
public interface ITimelineSource
{
    TimelineKind Kind { get; }

    /// <summary>Whether these roles see this kind at all (the case check has already passed).</summary>
    bool Visible(IReadOnlySet<StaffRole> roles);

    Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, int limit, CancellationToken ct);
}

/// <summary>
/// A case's compliance story in date order (newest first): contacts, warning letters, breaches, behaviours of concern,
/// incidents, consultations and recall considerations, each from its own small source.
/// </summary>
public static class ComplianceTimeline
{
    /// <summary>The most entries one kind contributes: enough for years of supervision, bounded for a page.</summary>
    public const int PerKindLimit = 500;

    public static readonly IReadOnlyList<ITimelineSource> Sources =
    [
        new ContactSource(), new WarningSource(), new BreachSource(), new ConcernSource(), new IncidentSource(), new ConsultationSource(),
        new RecallSource(),
    ];

    /// <summary>The kinds these roles may see, in the order the filter lists them.</summary>
    public static IReadOnlyList<TimelineKind> KindsFor(IReadOnlySet<StaffRole> roles) =>
        Sources.Where(s => s.Visible(roles)).Select(s => s.Kind).ToList();

    /// <summary>Entries of the chosen kinds (all visible kinds when none or only unknown ones are chosen), newest first, with bylines.</summary>
    public static async Task<(IReadOnlyList<TimelineEntry> Entries, IReadOnlyDictionary<Guid, string> Names)> LoadAsync(
        PathwayDbContext db, Guid caseId, IReadOnlySet<StaffRole> roles, IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        var visible = Sources.Where(s => s.Visible(roles)).ToList();
        var chosen = visible.Where(s => kinds.Contains(s.Kind.Key)).ToList();
        var entries = new List<TimelineEntry>();
        foreach (var source in chosen.Count > 0 ? chosen : visible)
            entries.AddRange(await source.LoadAsync(db, caseId, PerKindLimit, ct));
        var people = entries.Where(e => e.ById is not null).Select(e => e.ById!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return (entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.At).ToList(), names);
    }
}
