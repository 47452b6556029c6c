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
    public void StandardConditionSets_AreWordedAsPublished()
    {
        Assert.Equal(7, StandardConditionSets.Lco2015AsMade.Conditions.Count);
        Assert.Equal(new DateOnly(2015, 3, 23), StandardConditionSets.Lco2015AsMade.InForceFrom);
        Assert.Equal(9, StandardConditionSets.Lco2015.Conditions.Count);
        Assert.StartsWith("Be of good behaviour", StandardConditionSets.Lco2015.Conditions[0].Text);
        Assert.Equal(8, StandardConditionSets.PlainEnglish.Conditions.Count);
        var passport = Assert.Single(StandardConditionSets.PlainEnglish.Conditions, c => c.Text.Contains("passport", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("apply for a new passport", passport.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hold", passport.Text, StringComparison.OrdinalIgnoreCase);
        // Conditions are found by what they are about, since numbers differ between sets (residence is 5 in 2015, 2 in V4).
        Assert.All(StandardConditionSets.All, s => Assert.Contains("in touch", s.About(StandardConditionTopic.KeepInTouch)!.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(5, StandardConditionSets.Lco2015.About(StandardConditionTopic.Residence)!.Number);
        Assert.Equal(2, StandardConditionSets.PlainEnglish.About(StandardConditionTopic.Residence)!.Number);
        Assert.Same(StandardConditionSets.PlainEnglish.About(StandardConditionTopic.KeepInTouch), StandardConditionSets.PlainEnglish.About(StandardConditionTopic.ReceiveVisits));
        Assert.Null(StandardConditionSets.Lco2015AsMade.About(StandardConditionTopic.Passport));
        Assert.Equal(StandardConditionSets.All.Count, StandardConditionSets.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal(StandardConditionSets.All.SelectMany(s => s.Conditions).Count(), StandardConditionSets.All.SelectMany(s => s.Conditions).Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void StandardConditionSets_ByLicenceStart_OfferOnlySetsThatExisted()
    {
        // The day before the 2015 order took effect: no set Pathway knows.
        Assert.Empty(StandardConditionSets.PossibleFor(new(2015, 3, 22)));
        Assert.NotNull(StandardConditionSets.Lco2015AsMade.WhyNotFrom(new(2015, 3, 22)));
        // The day it took effect: only the seven, as made; the amended nine and the plain-English eight came later.
        Assert.Equal(["LCO-2015-7"], StandardConditionSets.PossibleFor(new(2015, 3, 23)).Select(s => s.Code));
        Assert.Contains("came after 23 March 2015", StandardConditionSets.PlainEnglish.WhyNotFrom(new(2015, 3, 23)), StringComparison.Ordinal);
        // After it, any set in use since, newest first; the default is the plain-English set.
        Assert.Equal(["CVL-V4", "LCO-2015", "LCO-2015-7"], StandardConditionSets.PossibleFor(new(2015, 3, 24)).Select(s => s.Code));
        Assert.Equal(StandardConditionSets.PlainEnglish, StandardConditionSets.Newest(new(2026, 12, 7)));
        // The withdrawn set is never offered, whatever the date.
        Assert.DoesNotContain(StandardConditionSets.WithdrawnPlain2024, StandardConditionSets.PossibleFor(new(2026, 12, 7)));
    }

    [Fact]
    public void StandardConditionSets_AreInTheRulesRegister_WithUnknownDatesAsUnknown()
    {
        Assert.Contains(Pathway.Domain.Rules.RuleSets.All, r => r.Key == StandardConditionSets.RuleSetKey);
        var versions = StandardConditionSets.Register.Versions;
        Assert.Equal(StandardConditionSets.All.Count, versions.Count);
        Assert.Equal(new DateOnly(2015, 3, 23), versions.Single(v => v.VersionId == "LCO-2015-7").EffectiveFrom);
        Assert.All(versions.Where(v => v.VersionId != "LCO-2015-7"), v => Assert.Null(v.EffectiveFrom));
        // Every version with an unknown date says so to the clinical lead.
        Assert.All(versions.Where(v => v.EffectiveFrom is null), v => Assert.NotEmpty(v.UnconfirmedFacts));
    }
}
