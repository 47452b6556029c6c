using Pathway.Domain.Cases;

namespace Pathway.Domain.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("X123456", true)]
    [InlineData("x123456", false)]
    [InlineData("X12345", false)]
    [InlineData("XX23456", false)]
    [InlineData("X1234567", false)]
    [InlineData("", false)]
    public void Crn_IsValid_OnlyForOneLetterAndSixDigits(string crn, bool valid) => Assert.Equal(valid, Crn.IsValid(crn));

    [Fact]
    public void Crn_Validate_NormalisesCaseAndSpaces() => Assert.Null(Crn.Validate(" x123456 "));

    [Fact]
    public void Crn_Validate_ExplainsTheFormat() =>
        Assert.Equal("Enter a CRN as one letter followed by six digits, like X123456", Crn.Validate("123"));

    [Fact]
    public void PncCheckLetter_MatchesThePublishedScheme()
    {
        // (04 × 10^7 + 12345) mod 23 = 40012345 mod 23 = 4 → 'D' (ZABCDEFGHJKLMNPQRTUVWXY[16])
        Assert.Equal('D', PncNumber.CheckLetter(2004, 12345));
        Assert.Equal("2004/0012345D", PncNumber.Format(2004, 12345));
    }

    [Fact]
    public void Pnc_Validate_RefusesAWrongCheckLetter()
    {
        Assert.Null(PncNumber.Validate("2004/0012345D"));
        Assert.Contains("check letter", PncNumber.Validate("2004/0012345E"));
        Assert.Contains("format", PncNumber.Validate("2004-12345D"));
        Assert.Null(PncNumber.Validate(null));
    }

    [Fact]
    public void Pnc_Normalise_PadsTheSerialAndExpandsTwoDigitYears() =>
        Assert.Equal("2004/0012345D", PncNumber.Normalise("04/12345d"));

    [Fact]
    public void DateOfBirth_InTheFuture_IsRefused()
    {
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal("Date of birth must be in the past", PersonDetailsRules.ValidateDateOfBirth(today.AddDays(1), today));
        Assert.Null(PersonDetailsRules.ValidateDateOfBirth(new DateOnly(1990, 3, 27), today));
        Assert.NotNull(PersonDetailsRules.ValidateDateOfBirth(null, today));
    }

    [Fact]
    public void Mappa_CategoryAndLevelGoTogether()
    {
        Assert.Null(Mappa.Validate(MappaCategory.None, MappaLevel.None));
        Assert.Null(Mappa.Validate(MappaCategory.Category2, MappaLevel.Level2));
        Assert.NotNull(Mappa.Validate(MappaCategory.Category2, MappaLevel.None));
        Assert.NotNull(Mappa.Validate(MappaCategory.None, MappaLevel.Level1));
    }

    [Fact]
    public void Ethnicity_Groups_CoverEveryOns2021CategoryOnce()
    {
        var grouped = Ethnicities.Groups.SelectMany(g => g.Members).ToList();
        Assert.Equal(Enum.GetValues<Ethnicity>().Length, grouped.Count);
        Assert.Equal(grouped.Count, grouped.Distinct().Count());
        Assert.Equal(20, grouped.Count); // 19 ONS 2021 categories plus "not stated"
    }
}
