using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Timeline;

namespace Pathway.Web.Features.Licences;

/// <summary>
/// Licences on the case's timeline: each release, the licence expiry date once it has passed, and recalls recorded on the
/// licence with any re-release. Everyone who can read the case sees these.
/// </summary>
public sealed class LicenceTimelineSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("licence", "Licences and recalls");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var licences = await db.Licences.AsNoTracking().Include(l => l.Recalls).Where(l => l.CaseId == caseId)
            .OrderByDescending(l => l.ReleaseDate).Take(limit).ToListAsync(ct);
        var entries = new List<TimelineEntry>();
        foreach (var l in licences)
        {
            var link = $"/cases/{caseId}/licences/{l.Id}";
            entries.Add(Entry(l.ReleaseDate, "Released on licence",
                $"{SentenceTypes.DisplayName(l.SentenceType)}{(l.IndexOffence is null ? "" : " – " + l.IndexOffence)}", link));
            if (l.LicenceExpiryDate <= today) entries.Add(Entry(l.LicenceExpiryDate, "Licence expiry date", null, link));
            foreach (var r in l.Recalls.Where(r => r.RecallDate <= today))
            {
                entries.Add(Entry(r.RecallDate, RecallTypes.DisplayName(r.Type), r.Reason, link));
                if (r.ReReleaseDate is { } again && again <= today) entries.Add(Entry(again, "Re-released after recall", null, link));
            }
        }
        return entries;
    }

    // Licence dates have no time of day: midday orders them after the morning's contacts and before the evening's incidents.
    private TimelineEntry Entry(DateOnly date, string title, string? detail, string link) =>
        new(date, new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), Kind, title, detail, null, link, null);
}
