using Pathway.Domain.Licences;

namespace Pathway.Domain.Tests;

public sealed class LicenceRulesTests
{
    private static readonly DateOnly Dob = new(1990, 1, 1);

    [Fact]
    public void LicenceEndingBeforeRelease_IsRefused()
    {
        var errors = LicenceRules.ValidateDates(new(new(2025, 6, 1), new(2025, 5, 1), new(2026, 1, 1), null), SentenceType.StandardDeterminate, Dob, 24);
        Assert.Contains(errors, e => e.Field == "LicenceExpiryDate" && e.Message == "Licence expiry date must be on or after the release date");
    }

    [Fact]
    public void ReleaseBeforeBirth_IsRefused()
    {
        var errors = LicenceRules.ValidateDates(new(new(1989, 6, 1), new(1990, 5, 1), new(1990, 6, 1), null), SentenceType.StandardDeterminate, Dob, 24);
        Assert.Contains(errors, e => e.Field == "ReleaseDate" && e.Message == "Release date must be after the person's date of birth");
    }

    [Fact]
    public void SentenceExpiryBeforeLicenceExpiry_IsRefused()
    {
        var errors = LicenceRules.ValidateDates(new(new(2025, 1, 1), new(2026, 1, 1), new(2025, 6, 1), null), SentenceType.StandardDeterminate, Dob, 24);
        Assert.Contains(errors, e => e.Field == "SentenceExpiryDate");
    }

    [Fact]
    public void TopUpSupervision_MustEndAfterLicence()
    {
        var errors = LicenceRules.ValidateDates(new(new(2025, 1, 1), new(2025, 7, 1), new(2025, 7, 1), new(2025, 7, 1)), SentenceType.StandardDeterminate, Dob, 12);
        Assert.Contains(errors, e => e.Field == "TopUpSupervisionEndDate");
    }

    [Fact]
    public void ConsistentDates_AreAccepted() =>
        Assert.Empty(LicenceRules.ValidateDates(new(new(2025, 1, 1), new(2026, 1, 1), new(2026, 1, 1), new(2027, 1, 1)), SentenceType.StandardDeterminate, Dob, 24));

    [Fact]
    public void IndeterminateSentences_NeedNoSentenceExpiry() =>
        Assert.Empty(LicenceRules.ValidateDates(new(new(2025, 1, 1), new(2035, 1, 1), null, null), SentenceType.Life, Dob, null));

    [Fact]
    public void Recall_OutsideTheLicencePeriod_IsRefused()
    {
        var licence = new LicenceDates(new(2025, 1, 1), new(2026, 1, 1), new(2026, 1, 1), null);
        Assert.Contains(LicenceRules.ValidateRecall(new(2024, 12, 1), null, null, licence), e => e.Field == "RecallDate");
        Assert.Contains(LicenceRules.ValidateRecall(new(2026, 2, 1), null, null, licence), e => e.Field == "RecallDate");
        Assert.Contains(LicenceRules.ValidateRecall(new(2025, 3, 1), new(2025, 2, 1), null, licence), e => e.Field == "ReturnToCustodyDate");
        Assert.Contains(LicenceRules.ValidateRecall(new(2025, 3, 1), new(2025, 3, 2), new(2025, 3, 1), licence), e => e.Field == "ReReleaseDate");
        Assert.Empty(LicenceRules.ValidateRecall(new(2025, 3, 1), new(2025, 3, 2), new(2025, 3, 30), licence));
    }

    [Fact]
    public void StandardConditionSets_HaveTheNine2015ConditionsAndAPassportConditionInTheNewerSet()
    {
        Assert.Equal(9, StandardConditionSets.Lco2015.Conditions.Count);
        Assert.StartsWith("Be of good behaviour", StandardConditionSets.Lco2015.Conditions[0].Text);
        Assert.Contains(StandardConditionSets.PlainEnglish.Conditions, c => c.Text.Contains("passport", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(StandardConditionSets.All.Count, StandardConditionSets.All.Select(s => s.Code).Distinct().Count());
    }
}
