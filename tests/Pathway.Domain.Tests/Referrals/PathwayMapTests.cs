using Pathway.Domain.Disclosure;
using Pathway.Domain.Referrals;

namespace Pathway.Domain.Tests.Referrals;

public sealed class PathwayMapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static OpenReferral R(PathwayStage s, double daysAgo) => new(Guid.NewGuid(), s, Now.AddDays(-daysAgo));

    [Fact]
    public void Count_GivesEveryOpenStageInRouteOrder_WithMedianAndLongest_AndIgnoresEndedReferrals()
    {
        var counts = PathwayMap.Count([R(PathwayStage.Referred, 3.5), R(PathwayStage.Referred, 10), R(PathwayStage.Referred, 1),
            R(PathwayStage.Assessment, 20), R(PathwayStage.Assessment, 30), R(PathwayStage.Closed, 400)], Now);
        Assert.Equal(PathwayMap.OpenStages, counts.Select(c => c.Stage));
        Assert.DoesNotContain(counts, c => c.Stage == PathwayStage.Closed);
        var referred = counts.Single(c => c.Stage == PathwayStage.Referred);
        Assert.Equal((3, 3.0, 10), (referred.People, referred.MedianDays!.Value, referred.LongestDays!.Value));
        var assessment = counts.Single(c => c.Stage == PathwayStage.Assessment);
        Assert.Equal(25.0, assessment.MedianDays);
        var empty = counts.Single(c => c.Stage == PathwayStage.Review);
        Assert.Equal((0, (double?)null, (int?)null), (empty.People, empty.MedianDays, empty.LongestDays));
    }

    [Fact]
    public void Longest_IsOldestStageEntryFirst()
    {
        var a = R(PathwayStage.Screening, 50);
        var b = R(PathwayStage.Referred, 80);
        var c = R(PathwayStage.CarePlan, 5);
        Assert.Equal([b, a], PathwayMap.Longest([a, b, c, R(PathwayStage.Withdrawn, 900)], 2));
    }

    [Fact]
    public void Suppressed_HidesSmallCounts_AndEnoughOthersThatTheTotalCannotRevealThem()
    {
        var counts = PathwayMap.Count(Enumerable.Range(0, 12).Select(_ => R(PathwayStage.Referred, 2))
            .Concat(Enumerable.Range(0, 2).Select(_ => R(PathwayStage.Screening, 2)))
            .Concat(Enumerable.Range(0, 9).Select(_ => R(PathwayStage.Assessment, 2))), Now);
        var t = PathwayMap.Suppressed(counts);
        var row = (PathwayStage s) => PathwayMap.OpenStages.ToList().IndexOf(s);
        Assert.Equal(Suppression.Primary, t.Cell(row(PathwayStage.Screening), 0).Suppression);
        // With the grand total shown, a lone hidden cell could be worked out: a second one is hidden too.
        Assert.True(t.SuppressedCount(Suppression.Secondary) >= 1 || t.GrandTotal.Published is null);
        Assert.Null(t.Cell(row(PathwayStage.Screening), 0).Published);
    }
}
