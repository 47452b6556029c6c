using Pathway.Domain.Assessments;
using Pathway.Domain.Cases;
using Pathway.Domain.Signposting;

namespace Pathway.Domain.Tests.Signposting;

public sealed class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    // A 34-year-old man in NE6 1AB, medium RoSH, no flags, registered with a GP.
    private static readonly PersonFacts Person = new(Gender.Male, new DateOnly(1992, 5, 1), "NE6 1AB", RoshLevel.Medium, RiskFlag.None, true);

    private static ServiceListing Service(string name, Eligibility? e = null, bool open = true, int? wait = 2, DateOnly? verified = null, params NeedArea[] needs) =>
        new(Guid.NewGuid(), name, "Org", new HashSet<NeedArea>(needs.Length == 0 ? [NeedArea.Accommodation] : needs), e ?? Eligibility.Anyone,
            open, wait, verified ?? Today.AddMonths(-1));

    private static ServiceMatch Assess(ServiceListing s, PersonFacts? p = null) => Matching.Assess(p ?? Person, s, NeedArea.Accommodation, Today);

    [Fact]
    public void AServiceWithNoRules_Fits_WithTheNeedAndWaitAsReasons()
    {
        var m = Assess(Service("Open door"));
        Assert.True(m.Eligible);
        Assert.Equal(["Meets the accommodation need", "Waiting time about 2 weeks"], m.Fits.Select(r => r.Text));
        Assert.Empty(m.Checks);
    }

    [Fact]
    public void ClosedToReferrals_Excludes()
    {
        var m = Assess(Service("Full", open: false));
        Assert.False(m.Eligible);
        Assert.Contains(m.Excludes, r => r.Text == "Closed to referrals");
    }

    [Fact]
    public void AWomensService_ExcludesAMan_FitsAWoman_AndAsksToCheckWhenGenderIsNotStated()
    {
        var women = Service("Women's centre", Eligibility.Anyone with { Genders = new HashSet<Gender> { Gender.Female } });
        Assert.Contains(Assess(women).Excludes, r => r.Text == "Accepts female people only");
        Assert.True(Assess(women, Person with { Gender = Gender.Female }).Eligible);
        var unknown = Assess(women, Person with { Gender = Gender.NotStated });
        Assert.True(unknown.Eligible);
        Assert.Contains(unknown.Checks, r => r.Text.StartsWith("Accepts female people only; the person's gender is not recorded"));
    }

    [Theory]
    [InlineData(35, null, false, "Minimum age is 35; the person is 34")]
    [InlineData(null, 33, false, "Maximum age is 33; the person is 34")]
    [InlineData(18, 34, true, "Age 34 is within 18 to 34")]
    [InlineData(34, null, true, "Age 34 is within 34 and over")]
    public void AgeRange_IsInclusive_AndNamesTheAge(int? min, int? max, bool eligible, string reason)
    {
        var m = Assess(Service("Aged", Eligibility.Anyone with { MinimumAge = min, MaximumAge = max }));
        Assert.Equal(eligible, m.Eligible);
        Assert.Contains(m.Reasons, r => r.Text == reason);
    }

    [Fact]
    public void Age_TurnsOnTheBirthday_NotBefore()
    {
        Assert.Equal(33, Age.On(new DateOnly(1992, 11, 27), Today));
        Assert.Equal(34, Age.On(new DateOnly(1992, 11, 26), Today));
        Assert.Equal(24, Age.On(new DateOnly(2000, 2, 29), new DateOnly(2025, 2, 28)));
        Assert.Equal(25, Age.On(new DateOnly(2000, 2, 29), new DateOnly(2025, 3, 1)));
    }

    [Theory]
    [InlineData(new[] { "NE" }, new string[0], true, "Works in NE6")]
    [InlineData(new[] { "ne6" }, new string[0], true, "Works in NE6")]
    [InlineData(new[] { "NE66" }, new string[0], false, "Works only in NE66 (the person lives in NE6)")]
    [InlineData(new[] { "DH", "SR" }, new string[0], false, "Works only in DH, SR (the person lives in NE6)")]
    [InlineData(new[] { "NE" }, new[] { "NE6" }, false, "Does not work in NE6 (the person lives in NE6)")]
    public void AreasServed_UseThePostcodeDistrict(string[] served, string[] excluded, bool eligible, string reason)
    {
        var m = Assess(Service("Local", Eligibility.Anyone with { AreasServed = served, AreasExcluded = excluded }));
        Assert.Equal(eligible, m.Eligible);
        Assert.Contains(m.Reasons, r => r.Text == reason);
    }

    [Fact]
    public void NoPostcode_IsACheck_NotAnExclusion()
    {
        var m = Assess(Service("Local", Eligibility.Anyone with { AreasServed = ["NE"] }), Person with { Postcode = null });
        Assert.True(m.Eligible);
        Assert.Contains(m.Checks, r => r.Text == "Works only in some areas; the person has no postcode recorded");
    }

    [Theory]
    [InlineData(RoshLevel.Medium, true)]
    [InlineData(RoshLevel.Low, false)]
    public void RoshCeiling_ExcludesHigherRisk(RoshLevel ceiling, bool eligible)
    {
        var m = Assess(Service("Hostel", Eligibility.Anyone with { RoshCeiling = ceiling }));
        Assert.Equal(eligible, m.Eligible);
        if (!eligible) Assert.Contains(m.Excludes, r => r.Text == "Takes people up to low risk of serious harm; the person is medium");
    }

    [Fact]
    public void Exclusions_NameEachFlagThePersonHas_AndIgnoreFlagsTheyDoNotHave()
    {
        var hostel = Service("Shared house", Eligibility.Anyone with { Exclusions = RiskFlag.Arson | RiskFlag.SexualOffending | RiskFlag.Weapons });
        Assert.True(Assess(hostel, Person with { Flags = RiskFlag.SelfHarm }).Eligible);
        var m = Assess(hostel, Person with { Flags = RiskFlag.Arson | RiskFlag.SexualOffending | RiskFlag.SelfHarm });
        Assert.False(m.Eligible);
        Assert.Equal(["Excludes arson", "Excludes sexual offending"], m.Excludes.Select(r => r.Text));
    }

    [Theory]
    [InlineData(true, true, null)]
    [InlineData(false, false, "The person must be registered with a GP")]
    [InlineData(null, true, "The person must be registered with a GP; registration is not recorded")]
    public void GpRegistration_ExcludesOnlyWhenKnownNotRegistered(bool? registered, bool eligible, string? reason)
    {
        var m = Assess(Service("CMHT", Eligibility.Anyone with { RequiresGpRegistration = true }), Person with { RegisteredWithGp = registered });
        Assert.Equal(eligible, m.Eligible);
        if (reason is not null) Assert.Contains(m.Reasons, r => r.Text == reason);
    }

    [Fact]
    public void AStaleEntry_IsStillEligible_ButAsksForAConfirmation()
    {
        var m = Assess(Service("Old", verified: Today.AddMonths(-7)));
        Assert.True(m.Eligible);
        Assert.Contains(m.Checks, r => r.Text.StartsWith("Directory entry last checked"));
        Assert.True(DirectoryVerification.IsStale(null, Today));
        Assert.False(DirectoryVerification.IsStale(Today.AddMonths(-6), Today));
        Assert.True(DirectoryVerification.IsStale(Today.AddMonths(-6).AddDays(-1), Today));
    }

    [Fact]
    public void Ranking_SureFitsFirst_ThenLocal_ThenShorterWait_ThenVerified_ThenName()
    {
        var local = Eligibility.Anyone with { AreasServed = ["NE"] };
        var services = new[]
        {
            Service("G unsure", Eligibility.Anyone with { RequiresGpRegistration = true }, wait: 0),
            Service("F anywhere short", wait: 1),
            Service("E local long", local, wait: 8),
            Service("D local short", local, wait: 3),
            Service("C local unknown wait", local, wait: null),
            Service("B local short stale", local, wait: 3, verified: Today.AddYears(-1)),
            Service("A local short", local, wait: 3),
            Service("Z excluded", Eligibility.Anyone with { MaximumAge = 20 }),
            Service("Y other need", needs: NeedArea.Finance),
        };
        var result = Matching.Match(Person with { RegisteredWithGp = null }, [NeedArea.Accommodation], services, Today);
        var need = Assert.Single(result);
        // B is stale, which is a "check", so it falls behind every sure fit.
        Assert.Equal(["A local short", "D local short", "E local long", "C local unknown wait", "F anywhere short", "B local short stale", "G unsure"],
            need.Eligible.Select(m => m.Service.Name));
        Assert.Equal(["Z excluded"], need.NotEligible.Select(m => m.Service.Name));
        Assert.False(need.Unmet);
    }

    [Fact]
    public void ANeedWithNoEligibleService_IsUnmet_AndTheIneligibleOnesSayWhy()
    {
        var services = new[] { Service("Closed", open: false, needs: NeedArea.Finance), Service("Housing", needs: NeedArea.Accommodation) };
        var result = Matching.Match(Person, [NeedArea.Finance, NeedArea.Accommodation, NeedArea.Relationships, NeedArea.Finance], services, Today);
        Assert.Equal([NeedArea.Finance, NeedArea.Accommodation, NeedArea.Relationships], result.Select(r => r.Need));
        Assert.True(result[0].Unmet);
        Assert.Contains(result[0].NotEligible.Single().Excludes, r => r.Text == "Closed to referrals");
        Assert.False(result[1].Unmet);
        Assert.True(result[2].Unmet);
        Assert.Empty(result[2].NotEligible);
    }
}
