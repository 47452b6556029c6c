using Pathway.Domain.Cases;
using Pathway.Domain.Instruments;

namespace Pathway.Domain.Tests.Instruments;

public sealed class InstrumentEngineTests
{
    internal static InstrumentDefinition Load(string file)
    {
        var (def, errors) = InstrumentJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Instruments", file)));
        Assert.True(def is not null, string.Join("\n", errors));
        return def!;
    }

    private static readonly InstrumentDefinition Sapas = Load("sapas.v1.json");
    private static readonly InstrumentDefinition OpdMen = Load("opd-screen-men.v1.json");
    private static readonly InstrumentDefinition OpdWomen = Load("opd-screen-women.v1.json");
    private static readonly InstrumentDefinition Hcr20 = Load("hcr-20-v3.v1.json");

    private static readonly Dictionary<string, bool> GatesHold = new() { ["gate-rosh"] = true, ["gate-offence"] = true, ["gate-custody"] = true };

    /// <summary>SAPAS answers where the first <paramref name="yes"/> items other than item 3 are "yes", item 3 as given.</summary>
    private static ResponseAnswers SapasAnswers(int yes, string item3)
    {
        var answers = new Dictionary<string, string> { ["sapas-3"] = item3 };
        var others = new[] { 1, 2, 4, 5, 6, 7, 8 };
        for (var i = 0; i < others.Length; i++) answers[$"sapas-{others[i]}"] = i < yes ? "Y" : "N";
        return new(answers, new Dictionary<string, bool>());
    }

    private static ResponseAnswers Opd(int personality, int indicators, bool overrideIt = false, string? reason = null, Dictionary<string, bool>? gates = null)
    {
        var answers = new Dictionary<string, string>();
        for (var i = 1; i <= 10; i++) answers[$"p{i}"] = i <= personality ? "Y" : "N";
        for (var i = 1; i <= 4; i++) answers[$"i{i}"] = i <= indicators ? "Y" : "N";
        return new(answers, gates ?? GatesHold, overrideIt, reason);
    }

    [Fact]
    public void Sapas_Item3_IsReversed_NoScoresOne_YesScoresZero()
    {
        Assert.Equal(1, InstrumentEngine.Score(Sapas, SapasAnswers(0, "N")).Scores.Single().Score);
        Assert.Equal(0, InstrumentEngine.Score(Sapas, SapasAnswers(0, "Y")).Scores.Single().Score);
    }

    [Fact]
    public void Sapas_AllYes_Scores7_BecauseItem3IsReversed()
    {
        var r = InstrumentEngine.Score(Sapas, SapasAnswers(7, "Y"));
        Assert.Equal(7, r.Scores.Single().Score);
        Assert.Equal(8, r.Scores.Single().Maximum);
    }

    [Theory]
    [InlineData(2, "Y", 2, InstrumentOutcome.ScreenedOut, "Below cut-off")]
    [InlineData(1, "N", 2, InstrumentOutcome.ScreenedOut, "Below cut-off")]
    [InlineData(3, "Y", 3, InstrumentOutcome.ScreenedIn, "At or above cut-off")]
    [InlineData(2, "N", 3, InstrumentOutcome.ScreenedIn, "At or above cut-off")]
    public void Sapas_CutOff_IsThreeOrMore(int yes, string item3, int expectedScore, InstrumentOutcome outcome, string band)
    {
        var c = InstrumentEngine.Complete(Sapas, SapasAnswers(yes, item3));
        Assert.True(c.Succeeded);
        Assert.Equal(expectedScore, c.Result!.Scores.Single().Score);
        Assert.Equal(outcome, c.Result.Outcome);
        Assert.Equal(band, c.Result.Scores.Single().Band);
    }

    [Fact]
    public void Complete_WithARequiredItemMissing_IsRefused_NamingTheItem()
    {
        var answers = SapasAnswers(3, "Y");
        var partial = new ResponseAnswers(answers.Answers.Where(a => a.Key != "sapas-5").ToDictionary(), answers.Gates);
        var c = InstrumentEngine.Complete(Sapas, partial);
        Assert.False(c.Succeeded);
        var e = Assert.Single(c.Errors);
        Assert.Equal("sapas-5", e.Field);
        Assert.Contains("Is an impulsive sort of person", e.Message, StringComparison.Ordinal);
        Assert.Contains("sapas-5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_MayBeIncomplete_ButNotWrong()
    {
        Assert.Empty(InstrumentEngine.CheckDraft(Sapas, new(new Dictionary<string, string> { ["sapas-1"] = "Y" }, new Dictionary<string, bool>())));
        var wrong = InstrumentEngine.CheckDraft(Sapas, new(new Dictionary<string, string> { ["sapas-1"] = "maybe", ["sapas-99"] = "Y" }, new Dictionary<string, bool>()));
        Assert.Contains(wrong, e => e.Field == "sapas-1" && e.Message.Contains("'maybe' is not an answer", StringComparison.Ordinal));
        Assert.Contains(wrong, e => e.Field == "sapas-99");
    }

    [Theory]
    [InlineData(6, 0, InstrumentOutcome.ScreenedOut)]
    [InlineData(7, 0, InstrumentOutcome.ScreenedIn)]
    [InlineData(0, 1, InstrumentOutcome.ScreenedOut)]
    [InlineData(0, 2, InstrumentOutcome.ScreenedIn)]
    [InlineData(6, 1, InstrumentOutcome.ScreenedOut)]
    [InlineData(10, 4, InstrumentOutcome.ScreenedIn)]
    public void OpdMen_ScreensIn_AtPersonality7_OrIndicators2(int personality, int indicators, InstrumentOutcome outcome)
    {
        var c = InstrumentEngine.Complete(OpdMen, Opd(personality, indicators));
        Assert.True(c.Succeeded, string.Join("; ", c.Errors.Select(e => e.Message)));
        Assert.Equal(outcome, c.Result!.Outcome);
        Assert.Equal(personality, c.Result.Scores.Single(s => s.Key == "personality").Score);
        Assert.Equal(indicators, c.Result.Scores.Single(s => s.Key == "indicators").Score);
        Assert.False(c.Result.ByOverride);
    }

    [Theory]
    [InlineData("gate-rosh")]
    [InlineData("gate-offence")]
    [InlineData("gate-custody")]
    public void OpdMen_AnyGateFailing_IsNotApplicable_AndNeedsNoItems(string failing)
    {
        var gates = new Dictionary<string, bool>(GatesHold) { [failing] = false };
        var c = InstrumentEngine.Complete(OpdMen, new(new Dictionary<string, string>(), gates));
        Assert.True(c.Succeeded);
        Assert.Equal(InstrumentOutcome.NotApplicable, c.Result!.Outcome);
        Assert.Empty(c.Result.Scores);
    }

    [Fact]
    public void OpdMen_UnansweredGate_IsRefusedAtCompletion_NamingIt()
    {
        var c = InstrumentEngine.Complete(OpdMen, Opd(7, 0, gates: new() { ["gate-rosh"] = true, ["gate-custody"] = true }));
        var e = Assert.Single(c.Errors);
        Assert.Equal("gate-offence", e.Field);
        Assert.Contains("The offence is violent or sexual", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpdMen_Override_ScreensIn_WithAReason()
    {
        var c = InstrumentEngine.Complete(OpdMen, Opd(5, 1, overrideIt: true, reason: "Severe PD features in recent psychology report"));
        Assert.True(c.Succeeded);
        Assert.Equal(InstrumentOutcome.ScreenedIn, c.Result!.Outcome);
        Assert.True(c.Result.ByOverride);
        Assert.Contains(c.Result.Reasons, r => r.Contains("Severe PD features", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void OpdMen_Override_WithoutAReason_IsRefused(string? reason)
    {
        var c = InstrumentEngine.Complete(OpdMen, Opd(5, 1, overrideIt: true, reason: reason));
        Assert.False(c.Succeeded);
        Assert.Contains(c.Errors, e => e.Field == "OverrideReason" && e.Message == "Give the reason for the clinical override");
    }

    [Fact]
    public void OpdMen_Override_WhenGatesFail_IsRefused()
    {
        var gates = new Dictionary<string, bool>(GatesHold) { ["gate-offence"] = false };
        var c = InstrumentEngine.Complete(OpdMen, Opd(5, 1, overrideIt: true, reason: "clinical concern", gates: gates));
        Assert.Contains(c.Errors, e => e.Field == "Override");
    }

    [Fact]
    public void Sapas_DoesNotAllowOverride()
    {
        var a = SapasAnswers(1, "Y");
        var c = InstrumentEngine.Complete(Sapas, a with { Override = true, OverrideReason = "because" });
        Assert.Contains(c.Errors, e => e.Field == "Override");
    }

    [Fact]
    public void OpdWomen_AppliesIfEitherGateHolds()
    {
        Assert.Equal(Applicability.Applies, InstrumentEngine.Applies(OpdWomen, new Dictionary<string, bool> { ["gate-rosh"] = false, ["gate-mappa"] = true }));
        Assert.Equal(Applicability.Unknown, InstrumentEngine.Applies(OpdWomen, new Dictionary<string, bool> { ["gate-rosh"] = false }));
        Assert.Equal(Applicability.NotApplicable, InstrumentEngine.Applies(OpdWomen, new Dictionary<string, bool> { ["gate-rosh"] = false, ["gate-mappa"] = false }));
    }

    [Fact]
    public void Hcr20_NeverYieldsAScore_EvenWithEveryRatingHigh()
    {
        var answers = Hcr20.Questions().ToDictionary(q => q.LinkId, q => q.Options[^1].Code);
        Assert.Equal(40, answers.Count);
        var c = InstrumentEngine.Complete(Hcr20, new(answers, new Dictionary<string, bool>()));
        Assert.True(c.Succeeded);
        Assert.Equal(InstrumentOutcome.RatingsRecorded, c.Result!.Outcome);
        Assert.Empty(c.Result.Scores);
    }

    [Fact]
    public void Hcr20_MissingRelevanceRating_IsRefused_NamingItemAndScale()
    {
        var answers = Hcr20.Questions().Where(q => q.LinkId != "C2.relevance").ToDictionary(q => q.LinkId, q => q.Options[0].Code);
        var e = Assert.Single(InstrumentEngine.Complete(Hcr20, new(answers, new Dictionary<string, bool>())).Errors);
        Assert.Equal("C2.relevance", e.Field);
        Assert.Contains("C2 Violent ideation or intent – relevance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offered_ByAudienceAndKnownGateFacts()
    {
        var highMan = new CaseFacts(Gender.Male, RoshLevel.High, MappaCategory.None, true);
        var mediumMan = highMan with { Rosh = RoshLevel.Medium };
        var mediumWomanMappa = new CaseFacts(Gender.Female, RoshLevel.Medium, MappaCategory.Category2, true);
        var mediumWoman = mediumWomanMappa with { Mappa = MappaCategory.None };
        Assert.True(InstrumentEngine.IsOffered(OpdMen, highMan));
        Assert.False(InstrumentEngine.IsOffered(OpdMen, mediumMan));
        Assert.False(InstrumentEngine.IsOffered(OpdWomen, highMan));
        Assert.True(InstrumentEngine.IsOffered(OpdWomen, mediumWomanMappa));
        Assert.False(InstrumentEngine.IsOffered(OpdWomen, mediumWoman));
        Assert.True(InstrumentEngine.IsOffered(Sapas, mediumWoman));
        Assert.Equal(new Dictionary<string, bool> { ["gate-rosh"] = true, ["gate-custody"] = true }, InstrumentEngine.PrefillGates(OpdMen, highMan));
    }
}
