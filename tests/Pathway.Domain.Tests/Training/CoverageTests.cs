using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class CoverageTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void StatusOf_FollowsCompletionRefresherAndOpenAttempts()
    {
        Assert.Equal(CoverageStatus.NotStarted, Coverage.StatusOf(null, 24, false, Today));
        Assert.Equal(CoverageStatus.InProgress, Coverage.StatusOf(null, 24, true, Today));
        Assert.Equal(CoverageStatus.Trained, Coverage.StatusOf(Today.AddMonths(-23), 24, false, Today));
        Assert.Equal(CoverageStatus.RefresherOverdue, Coverage.StatusOf(Today.AddMonths(-24), 24, false, Today));
        Assert.Equal(CoverageStatus.RefresherOverdue, Coverage.StatusOf(Today.AddMonths(-30), 24, true, Today));
        Assert.Equal(CoverageStatus.Trained, Coverage.StatusOf(Today.AddYears(-10), null, false, Today));
    }

    [Fact]
    public void RefresherDueSoon_LooksThirtyDaysAhead()
    {
        Assert.True(Coverage.RefresherDueSoon(Today.AddMonths(-24).AddDays(20), 24, Today));
        Assert.False(Coverage.RefresherDueSoon(Today.AddMonths(-24).AddDays(40), 24, Today));
        Assert.True(Coverage.RefresherDueSoon(Today.AddMonths(-25), 24, Today));
        Assert.False(Coverage.RefresherDueSoon(Today.AddMonths(-25), null, Today));
        Assert.False(Coverage.RefresherDueSoon(null, 24, Today));
    }
}
