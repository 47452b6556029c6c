using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Referrals;

namespace Pathway.Web.Features.Referrals.Map;

/// <summary>A person waiting, for the "longest in stage" list: only ever cases the reader may open.</summary>
public sealed record WaitingPerson(Guid CaseId, string Name, string Crn, PathwayStage Stage, int Days);

public sealed record PathwayMapView(IReadOnlyList<StageCount> Stages, IReadOnlyList<WaitingPerson> Longest, bool SeesPeople, Domain.Disclosure.SuppressedTable? Suppressed);

/// <summary>
/// Reads open referrals for the map. Staff who see case data get the cases visible to them (the same
/// <c>VisibleToAsync</c> the case list uses) with names; service managers get service-wide counts, suppressed.
/// </summary>
public static class PathwayMapQuery
{
    public const int LongestShown = 10;

    public static async Task<PathwayMapView> RunAsync(PathwayDbContext db, StaffContext who, DateTimeOffset now, CancellationToken ct)
    {
        var open = db.Referrals.AsNoTracking().Where(r => r.EndedAt == null);
        if (PathwayMap.SeesPeople(who))
        {
            var visible = await db.VisibleToAsync(who, now, ct);
            var rows = await open.Where(r => visible.Any(c => c.Id == r.CaseId))
                .Select(r => new OpenReferral(r.CaseId, r.Stage, r.StageEnteredAt)).ToListAsync(ct);
            var counts = PathwayMap.Count(rows, now);
            var longest = PathwayMap.Longest(rows, LongestShown);
            var ids = longest.Select(l => l.CaseId).ToList();
            var people = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.Crn }).ToDictionaryAsync(c => c.Id, ct);
            return new PathwayMapView(counts,
                longest.Select(l => new WaitingPerson(l.CaseId, $"{people[l.CaseId].FamilyName}, {people[l.CaseId].GivenName}", people[l.CaseId].Crn, l.Stage, PathwayMap.DaysIn(l, now))).ToList(),
                true, null);
        }
        var all = await open.GroupBy(r => r.Stage).Select(g => new { Stage = g.Key, People = g.Count() }).ToListAsync(ct);
        var stageCounts = PathwayMap.OpenStages.Select(s => new StageCount(s, all.FirstOrDefault(a => a.Stage == s)?.People ?? 0, null, null)).ToList();
        return new PathwayMapView(stageCounts, [], false, PathwayMap.Suppressed(stageCounts));
    }
}
