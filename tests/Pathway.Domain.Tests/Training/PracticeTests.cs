using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class PracticeTests
{
    [Fact]
    public void Trained_MeansEveryRequiredCourseDone_AndNoneOverdue()
    {
        Assert.True(Practice.IsTrained([CoverageStatus.Trained, CoverageStatus.Trained]));
        Assert.False(Practice.IsTrained([CoverageStatus.Trained, CoverageStatus.RefresherOverdue]));
        Assert.False(Practice.IsTrained([CoverageStatus.InProgress]));
        Assert.False(Practice.IsTrained([])); // nothing required: nothing shows they are trained
    }

    [Fact]
    public void Count_ByRoleAndStatus_HandComputed()
    {
        Guid omTrained = Guid.NewGuid(), omNot = Guid.NewGuid(), kwTrained = Guid.NewGuid(), kwNot = Guid.NewGuid();
        var trained = new HashSet<Guid> { omTrained, kwTrained };
        var counts = Practice.Count(
        [
            (omTrained, kwTrained), (omTrained, kwNot), (omNot, null), (null, kwTrained), (omNot, kwNot), (omTrained, null),
        ], trained);
        // Offender managers: trained 3, not trained 2, none 1. Keyworkers: trained 2, not trained 2, none 2.
        Assert.Equal([3, 2, 1], new[] { counts[0, 0], counts[0, 1], counts[0, 2] });
        Assert.Equal([2, 2, 2], new[] { counts[1, 0], counts[1, 1], counts[1, 2] });
    }
}
