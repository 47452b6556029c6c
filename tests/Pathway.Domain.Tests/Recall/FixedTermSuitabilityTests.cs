using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;

namespace Pathway.Domain.Tests.Recall;

public sealed class FixedTermSuitabilityTests
{
    private static readonly FixedTermFacts Eligible = new(30, SentenceType.StandardDeterminate, 24, MappaLevel.Level1, false, false, false);

    [Fact]
    public void AllTestsMet_IsSuitable_With28DaysForASentenceOf12MonthsOrMore()
    {
        var a = FixedTermSuitability.Assess(Eligible);
        Assert.True(a.Suitable);
        Assert.Equal(RecallType.FixedTerm28Day, a.FixedTermType);
        Assert.All(a.Tests, t => Assert.True(t.Met));
    }

    [Theory]
    [InlineData(11, RecallType.FixedTerm14Day)]
    [InlineData(12, RecallType.FixedTerm28Day)]
    [InlineData(47, RecallType.FixedTerm28Day)]
    public void ReReleasePeriod_FollowsSentenceLength(int months, RecallType expected) =>
        Assert.Equal(expected, FixedTermSuitability.Assess(Eligible with { SentenceLengthMonths = months }).FixedTermType);

    [Fact]
    public void FourYearsOrMore_IsExcluded_SayingWhy()
    {
        var a = FixedTermSuitability.Assess(Eligible with { SentenceLengthMonths = 48 });
        Assert.False(a.Suitable);
        Assert.Null(a.FixedTermType);
        Assert.Equal(["Sentence of 4 years: fixed-term recall needs a sentence under 4 years"], a.ReasonsNotSuitable);
    }

    [Theory]
    [InlineData(17, "Aged 17: fixed-term recall needs the person to be 18 or over")]
    public void UnderEighteen_IsExcluded(int age, string reason) =>
        Assert.Equal([reason], FixedTermSuitability.Assess(Eligible with { AgeOnDecision = age }).ReasonsNotSuitable);

    [Fact]
    public void EachExclusion_IsReportedOnItsOwn()
    {
        Assert.Contains("Schedule 19AA", Assert.Single(FixedTermSuitability.Assess(Eligible with { Schedule19AAOffence = true }).ReasonsNotSuitable));
        Assert.Contains("terrorist", Assert.Single(FixedTermSuitability.Assess(Eligible with { TerroristOffence = true }).ReasonsNotSuitable));
        Assert.Contains("because of a charge", Assert.Single(FixedTermSuitability.Assess(Eligible with { RecalledBecauseOfCharge = true }).ReasonsNotSuitable));
        Assert.Contains("MAPPA level 2", Assert.Single(FixedTermSuitability.Assess(Eligible with { MappaLevel = MappaLevel.Level2 }).ReasonsNotSuitable));
        Assert.Contains("MAPPA level 3", Assert.Single(FixedTermSuitability.Assess(Eligible with { MappaLevel = MappaLevel.Level3 }).ReasonsNotSuitable));
        Assert.Contains("Life sentence", Assert.Single(FixedTermSuitability.Assess(Eligible with { SentenceType = SentenceType.Life, SentenceLengthMonths = null }).ReasonsNotSuitable));
        Assert.Contains("Extended", Assert.Single(FixedTermSuitability.Assess(Eligible with { SentenceType = SentenceType.ExtendedDeterminate }).ReasonsNotSuitable));
        Assert.Contains("not recorded", Assert.Single(FixedTermSuitability.Assess(Eligible with { SentenceLengthMonths = null }).ReasonsNotSuitable));
    }

    [Fact]
    public void SeveralExclusions_AreAllListed() =>
        Assert.Equal(3, FixedTermSuitability.Assess(Eligible with { AgeOnDecision = 17, MappaLevel = MappaLevel.Level3, RecalledBecauseOfCharge = true }).ReasonsNotSuitable.Count());

    [Fact]
    public void Policy_IsData_ThresholdsCanChange()
    {
        var policy = new FixedTermPolicy(SentenceMonthsBelow: 60, ExcludedMappaLevels: [MappaLevel.Level3]);
        Assert.True(FixedTermSuitability.Assess(Eligible with { SentenceLengthMonths = 50, MappaLevel = MappaLevel.Level2 }, policy).Suitable);
    }
}
