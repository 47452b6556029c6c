using Pathway.Domain.Cases;
using Pathway.Domain.Signposting;

namespace Pathway.Domain.Tests.Signposting;

public sealed class EligibilityRulesTests
{
    private static IEnumerable<string> Messages(Eligibility e) => EligibilityRules.Validate(e).Select(x => x.Message);

    [Fact]
    public void NoRules_IsValid() => Assert.Empty(EligibilityRules.Validate(Eligibility.Anyone));

    [Fact]
    public void AFullSetOfConsistentRules_IsValid() =>
        Assert.Empty(EligibilityRules.Validate(new Eligibility(new HashSet<Gender> { Gender.Female }, 18, 65, ["NE", "DH1"], ["NE66"],
            RoshLevel.High, RiskFlag.Arson, true)));

    [Fact]
    public void MinimumAboveMaximum_IsRefused() =>
        Assert.Contains("Maximum age (20) cannot be lower than the minimum age (30): nobody could be referred",
            Messages(Eligibility.Anyone with { MinimumAge = 30, MaximumAge = 20 }));

    [Theory]
    [InlineData(15, null)]
    [InlineData(null, 121)]
    public void AgesOutsideAdulthood_AreRefused(int? min, int? max) =>
        Assert.Single(EligibilityRules.Validate(Eligibility.Anyone with { MinimumAge = min, MaximumAge = max }));

    [Fact]
    public void AnAreaBothServedAndExcluded_IsRefused() =>
        Assert.Contains("NE6 is both served and excluded", Messages(Eligibility.Anyone with { AreasServed = ["NE6"], AreasExcluded = ["ne6"] }));

    [Fact]
    public void ExcludingEveryAreaServed_IsRefused() =>
        Assert.Contains("Every area served is also excluded: nobody could be referred",
            Messages(Eligibility.Anyone with { AreasServed = ["NE1", "NE2"], AreasExcluded = ["NE"] }));

    [Fact]
    public void ExcludingAnAreaOutsideThoseServed_IsRefused_AsMeaningless() =>
        Assert.Contains("DH1 is excluded but is not inside any area served; remove it",
            Messages(Eligibility.Anyone with { AreasServed = ["NE"], AreasExcluded = ["DH1"] }));

    [Theory]
    [InlineData("N E")]
    [InlineData("123")]
    [InlineData("NE6 1AB")]
    public void AnAreaThatIsNotAPostcodeAreaOrDistrict_IsRefused(string area) =>
        Assert.Contains($"\"{area}\" is not a postcode area or district, like NE or NE6", Messages(Eligibility.Anyone with { AreasServed = [area] }));

    [Fact]
    public void ADuplicateArea_IsRefused() =>
        Assert.Contains("NE is listed twice", Messages(Eligibility.Anyone with { AreasServed = ["NE", "ne"] }));

    [Theory]
    [InlineData("NE6 1AB", "NE6")]
    [InlineData("ne61ab", "NE6")]
    [InlineData("EC1A 1BB", "EC1A")]
    [InlineData("NE66", "NE66")]
    [InlineData("NE", null)]
    [InlineData("", null)]
    public void DistrictOf_ReadsTheOutwardCode(string postcode, string? district) => Assert.Equal(district, PostcodeAreas.DistrictOf(postcode));

    [Theory]
    [InlineData("NE", "NE66", true)]
    [InlineData("NE6", "NE66", false)]
    [InlineData("N", "NE6", false)]
    [InlineData("N", "N1", true)]
    public void AnAreaCoversItsDistricts_ADistrictOnlyItself(string area, string district, bool covers) =>
        Assert.Equal(covers, PostcodeAreas.Covers(area, district));
}
