using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;

namespace Pathway.Domain.Tests.Recall;

/// <summary>Each recall regime at its boundaries, and each of its tests.</summary>
public sealed class RecallRegimeTests
{
    private static readonly DateOnly Laspo = new(2012, 12, 3);
    private static readonly DateOnly Si2024 = new(2024, 4, 2);
    private static readonly DateOnly Order2025 = new(2025, 7, 14);
    private static readonly DateOnly Act2026 = new(2026, 3, 31);

    private static RecallRegimeFacts Adult(DateOnly on, int months = 24) =>
        new(on, 30, SentenceType.StandardDeterminate, months, false, false, false, false, MappaLevel.Level1);

    private static RecallRegimeAssessment Assess(RecallRegimeFacts f) => RecallRegimeAssessor.Assess(f)!;

    [Fact]
    public void BeforeLaspo_NoRegimeApplies()
    {
        Assert.Null(RecallRegimeAssessor.Assess(Adult(Laspo.AddDays(-1))));
        Assert.Equal(RecallRegimes.Laspo2012, Assess(Adult(Laspo)).Regime);
    }

    [Theory]
    [InlineData(2024, 4, 1, "recall-2012-laspo")]
    [InlineData(2024, 4, 2, "recall-2024-si-2024-408")]
    [InlineData(2025, 7, 13, "recall-2024-si-2024-408")]
    [InlineData(2025, 7, 14, "recall-2025-suitability-order")]
    [InlineData(2026, 3, 30, "recall-2025-suitability-order")]
    [InlineData(2026, 3, 31, "recall-2026-sentencing-act")]
    public void TheRegimeOfTheDay_ChangesOnTheDayEachTookEffect(int y, int m, int d, string versionId) =>
        Assert.Equal(versionId, Assess(Adult(new DateOnly(y, m, d))).Regime.VersionId);

    [Theory]
    [InlineData(11, 14)]
    [InlineData(12, 28)]
    public void Laspo_FixedTermOnlyOnTheRiskTest_14DaysUnder12Months(int months, int days)
    {
        var a = Assess(Adult(Laspo, months));
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, a.Route);
        Assert.Equal(days, a.FixedTermDays);
        Assert.All(a.Tests, t => Assert.Equal(RecallRegimes.Laspo2012.Source.Citation, t.Citation));
    }

    [Fact]
    public void Order2024_Mandatory_Under12Months_Else_RiskTest()
    {
        var mandatory = Assess(Adult(Si2024, 11));
        Assert.Equal(RecallRoute.FixedTermMandatory, mandatory.Route);
        Assert.Equal(14, mandatory.FixedTermDays);
        var longer = Assess(Adult(Si2024, 12));
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, longer.Route);
        Assert.Equal(28, longer.FixedTermDays);
        Assert.Contains(longer.Tests, t => t.Test == "Sentence length" && !t.Met);
    }

    [Fact]
    public void Order2024_ExcludesUnder18s_ASeriousCharge_AndMappa2Or3_FromTheMandatoryRoute()
    {
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, Assess(Adult(Si2024, 6) with { AgeOnDate = 17 }).Route);
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, Assess(Adult(Si2024, 6) with { RecalledOnCharge = true, ChargedWithSeriousOffence = true }).Route);
        Assert.Equal(RecallRoute.FixedTermMandatory, Assess(Adult(Si2024, 6) with { RecalledOnCharge = true }).Route);
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, Assess(Adult(Si2024, 6) with { MappaLevel = MappaLevel.Level2 }).Route);
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, Assess(Adult(Si2024, 6) with { MappaLevel = MappaLevel.Level3 }).Route);
    }

    [Theory]
    [InlineData(11, 14)]
    [InlineData(47, 28)]
    public void Order2025_MandatoryUnder4Years(int months, int days)
    {
        var a = Assess(Adult(Order2025, months));
        Assert.Equal(RecallRoute.FixedTermMandatory, a.Route);
        Assert.Equal(days, a.FixedTermDays);
        Assert.All(a.Tests, t => Assert.True(t.Met));
    }

    public static TheoryData<string, RecallRegimeFacts> Exclusions2025 => new()
    {
        { "Age", Adult(Order2025) with { AgeOnDate = 17 } },
        { "Sentence length", Adult(Order2025, 48) },
        { "Schedule 19AA", Adult(Order2025) with { Schedule19AAOffence = true } },
        { "Terrorism", Adult(Order2025) with { TerroristOffence = true } },
        { "Charge", Adult(Order2025) with { RecalledOnCharge = true } },
        { "MAPPA", Adult(Order2025) with { MappaLevel = MappaLevel.Level2 } },
        { "MAPPA", Adult(Order2025) with { MappaLevel = MappaLevel.Level3 } },
    };

    [Theory]
    [MemberData(nameof(Exclusions2025))]
    public void Order2025_EachExclusion_LeavesTheRiskTestRoute_SayingWhy(string test, RecallRegimeFacts f)
    {
        var a = Assess(f);
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, a.Route);
        Assert.True(a.FixedTermAvailable);
        Assert.False(a.FixedTermRequired);
        Assert.False(Assert.Single(a.Tests, t => t.Test == test).Met);
        Assert.Contains(a.Tests, t => t.Test == "Risk of serious harm" && t.Reason.Contains("s.255A(4)(b)", StringComparison.Ordinal));
    }

    [Fact]
    public void Act2026_AnAdultNotExcluded_IsReReleasedAutomaticallyAfter56Days()
    {
        var a = Assess(Adult(Act2026, 47));
        Assert.Equal(RecallRoute.AutomaticReRelease56Days, a.Route);
        Assert.Equal(56, a.FixedTermDays);
        Assert.Equal(RecallType.FixedTerm56Day, a.FixedTermType);
        Assert.True(a.FixedTermRequired);
        Assert.False(RecallRegimes.SentencingAct2026.ConfirmedByClinicalLead);
        Assert.NotEmpty(RecallRegimes.SentencingAct2026.UnconfirmedFacts);
    }

    [Theory]
    [MemberData(nameof(Exclusions2026))]
    public void Act2026_EachExclusion_MeansAStandardRecall(string test, RecallRegimeFacts f)
    {
        var a = Assess(f);
        Assert.Equal(RecallRoute.StandardRecall, a.Route);
        Assert.Null(a.FixedTermDays);
        Assert.Contains(a.ReasonsNotMet, r => r.Length > 0);
        Assert.False(Assert.Single(a.Tests, t => t.Test == test).Met);
    }

    public static TheoryData<string, RecallRegimeFacts> Exclusions2026 => new()
    {
        { "Sentence length", Adult(Act2026, 48) },
        { "Schedule 19AA", Adult(Act2026) with { Schedule19AAOffence = true } },
        { "Terrorism", Adult(Act2026) with { TerroristOffence = true } },
        { "Charge", Adult(Act2026) with { RecalledOnCharge = true } },
        { "MAPPA", Adult(Act2026) with { MappaLevel = MappaLevel.Level2 } },
        { "MAPPA", Adult(Act2026) with { MappaLevel = MappaLevel.Level3 } },
    };

    [Theory]
    [InlineData(11, 14)]
    [InlineData(12, 28)]
    public void Act2026_ARelevantYoungOffender_Keeps14Or28Days_OnTheRiskTest(int months, int days)
    {
        var a = Assess(Adult(Act2026, months) with { AgeOnDate = 17 });
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, a.Route);
        Assert.Equal(days, a.FixedTermDays);
        Assert.Equal(RecallRoute.AutomaticReRelease56Days, Assess(Adult(Act2026, months) with { AgeOnDate = 18 }).Route);
    }

    [Theory]
    [InlineData(SentenceType.ExtendedDeterminate)]
    [InlineData(SentenceType.SpecialCustodialSentenceForOffendersOfParticularConcern)]
    [InlineData(SentenceType.Life)]
    [InlineData(SentenceType.ImprisonmentForPublicProtection)]
    public void ExtendedAndIndeterminateSentences_AreAlwaysStandardRecall(SentenceType type)
    {
        foreach (var day in new[] { Laspo, Si2024, Order2025, Act2026 })
            Assert.Equal(RecallRoute.StandardRecall, Assess(Adult(day) with { SentenceType = type }).Route);
    }

    [Fact]
    public void AnUnrecordedSentenceLength_IsSaidPlainly()
    {
        var a = Assess(Adult(Act2026) with { SentenceLengthMonths = null });
        Assert.Equal(RecallRoute.StandardRecall, a.Route);
        Assert.Contains("not recorded", Assert.Single(a.ReasonsNotMet), StringComparison.Ordinal);
    }
}
