using Pathway.Domain.Access;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Referrals;

/// <summary>One open referral as the map sees it: where it is and since when.</summary>
public sealed record OpenReferral(Guid CaseId, PathwayStage Stage, DateTimeOffset StageEnteredAt);

/// <summary>One stage of the map: how many people are at it, and how long they have been there (median and longest, in days).</summary>
public sealed record StageCount(PathwayStage Stage, int People, double? MedianDays, int? LongestDays);

/// <summary>
/// The care pathway map: the open stages in route order with the people at each and their time in stage. Staff who see
/// case data see the cases they may open, with names and the longest waits; service managers see service-wide counts
/// only, with small counts suppressed (<see cref="SmallCellSuppression"/>) and no times that could single someone out.
/// </summary>
public static class PathwayMap
{
    /// <summary>Whether this person sees the cases behind the counts (names, waits); otherwise counts only, suppressed.</summary>
    public static bool SeesPeople(StaffContext who) => who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency);

    public static IReadOnlyList<PathwayStage> OpenStages { get; } = Enum.GetValues<PathwayStage>().Where(s => s.IsOpen()).ToList();

    public static IReadOnlyList<StageCount> Count(IEnumerable<OpenReferral> referrals, DateTimeOffset now)
    {
        var byStage = referrals.Where(r => r.Stage.IsOpen()).GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.ToList());
        return OpenStages.Select(stage =>
        {
            var days = byStage.TryGetValue(stage, out var list) ? list.Select(r => DaysIn(r, now)).Order().ToList() : [];
            return new StageCount(stage, days.Count, Median(days), days.Count == 0 ? null : days[^1]);
        }).ToList();
    }

    /// <summary>The longest waits, longest first (ties by stage, then case id, so the order is stable).</summary>
    public static IReadOnlyList<OpenReferral> Longest(IEnumerable<OpenReferral> referrals, int take) =>
        referrals.Where(r => r.Stage.IsOpen()).OrderBy(r => r.StageEnteredAt).ThenBy(r => r.Stage).ThenBy(r => r.CaseId).Take(take).ToList();

    /// <summary>The service manager's view: counts per stage with small cells (and what would reveal them) hidden.</summary>
    public static SuppressedTable Suppressed(IReadOnlyList<StageCount> counts, DisclosurePolicy? policy = null)
    {
        var grid = new int[counts.Count, 1];
        for (var i = 0; i < counts.Count; i++) grid[i, 0] = counts[i].People;
        return SmallCellSuppression.Apply(counts.Select(c => PathwayStages.DisplayName(c.Stage)).ToList(), ["People"], grid, policy);
    }

    public static int DaysIn(OpenReferral r, DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - r.StageEnteredAt).TotalDays));

    private static double? Median(IReadOnlyList<int> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
}
