using Pathway.Domain.Referrals;

namespace Pathway.Domain.Tests.Referrals;

public sealed class StageTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Periods_MeasureEachStageToTheNext_AndTheCurrentOneToNow()
    {
        var periods = StageTimeline.Periods(
            [(PathwayStage.Consultation, Start.AddDays(10)), (PathwayStage.Referred, Start), (PathwayStage.Screening, Start.AddDays(24))],
            Start.AddDays(30));

        Assert.Equal([PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Screening], periods.Select(p => p.Stage));
        Assert.Equal([10, 14, 6], periods.Select(p => (int)p.Duration.TotalDays));
        Assert.True(periods[2].IsCurrent);
        Assert.Equal(Start.AddDays(10), periods[0].LeftAt);
    }

    [Fact]
    public void ATerminalStage_HasNoDuration()
    {
        var periods = StageTimeline.Periods([(PathwayStage.Referred, Start), (PathwayStage.Withdrawn, Start.AddDays(3))], Start.AddDays(100));
        Assert.Equal(TimeSpan.Zero, periods[1].Duration);
    }

    [Fact]
    public void TotalByStage_AddsRepeatedVisits()
    {
        var periods = StageTimeline.Periods(
            [(PathwayStage.CarePlan, Start), (PathwayStage.Review, Start.AddDays(30)), (PathwayStage.CarePlan, Start.AddDays(35)), (PathwayStage.Review, Start.AddDays(45))],
            Start.AddDays(50));
        var totals = StageTimeline.TotalByStage(periods);
        Assert.Equal(40, totals[PathwayStage.CarePlan].TotalDays);
        Assert.Equal(10, totals[PathwayStage.Review].TotalDays);
    }

    [Theory]
    [InlineData(0.5, "less than a day")]
    [InlineData(1, "1 day")]
    [InlineData(13.9, "13 days")]
    [InlineData(70, "10 weeks")]
    public void Describe_ReadsNaturally(double days, string expected) => Assert.Equal(expected, StageTimeline.Describe(TimeSpan.FromDays(days)));
}
