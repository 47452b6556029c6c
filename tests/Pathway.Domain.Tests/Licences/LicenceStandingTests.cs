using Pathway.Domain.Licences;

namespace Pathway.Domain.Tests.Licences;

public sealed class LicenceStandingTests
{
    private static readonly DateOnly Release = new(2026, 1, 10);
    private static readonly DateOnly Expiry = new(2026, 7, 9);
    private static readonly DateOnly TopUpEnd = new(2027, 1, 9);

    private static LicencePeriod Period(DateOnly? topUp = null, params (DateOnly, DateOnly?)[] recalls) =>
        new(Guid.NewGuid(), new LicenceDates(Release, Expiry, Expiry, topUp), recalls);

    [Fact]
    public void NoLicence_NotYetReleased_OnLicence_AtTheBoundaries()
    {
        Assert.Equal(LicenceStatus.NoLicenceRecorded, LicenceStanding.On([], Release).Status);
        var p = Period();
        Assert.Equal(LicenceStatus.NotYetReleased, LicenceStanding.On([p], Release.AddDays(-1)).Status);
        Assert.True(LicenceStanding.On([p], Release).CanBeRecalled);
        Assert.True(LicenceStanding.On([p], Expiry).CanBeRecalled);
        var ended = LicenceStanding.On([p], Expiry.AddDays(1));
        Assert.Equal(LicenceStatus.LicenceEnded, ended.Status);
        Assert.False(ended.CanBeRecalled);
        Assert.Contains("9 July 2026", ended.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterTheLicence_TopUpSupervisionOnly_CannotBeRecalledFrom()
    {
        var p = Period(TopUpEnd);
        var topUp = LicenceStanding.On([p], Expiry.AddDays(1));
        Assert.Equal(LicenceStatus.TopUpSupervisionOnly, topUp.Status);
        Assert.False(topUp.CanBeRecalled);
        Assert.Equal(LicenceStatus.TopUpSupervisionOnly, LicenceStanding.On([p], TopUpEnd).Status);
        Assert.Equal(LicenceStatus.LicenceEnded, LicenceStanding.On([p], TopUpEnd.AddDays(1)).Status);
    }

    [Fact]
    public void WhileRecalled_TheLicenceIsRevoked_UntilReRelease_WhenTheNewLicenceDecides()
    {
        var recall = new DateOnly(2026, 3, 1);
        var reRelease = new DateOnly(2026, 4, 26);
        var first = Period(null, (recall, reRelease));
        var second = new LicencePeriod(Guid.NewGuid(), new LicenceDates(reRelease, Expiry, Expiry, null), []);
        Assert.Equal(LicenceStatus.OnLicence, LicenceStanding.On([first, second], recall.AddDays(-1)).Status);
        Assert.Equal(LicenceStatus.Recalled, LicenceStanding.On([first, second], recall).Status);
        var after = LicenceStanding.On([first, second], reRelease);
        Assert.Equal(LicenceStatus.OnLicence, after.Status);
        Assert.Equal(second.LicenceId, after.LicenceId);
        Assert.Equal(LicenceStatus.Recalled, LicenceStanding.On([Period(null, (recall, null))], Expiry).Status);
    }
}
