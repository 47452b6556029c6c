using Pathway.Domain.Instruments;
using Pathway.Domain.Rules;

namespace Pathway.Domain.Tests.Instruments;

/// <summary>
/// The OPD screens as published (DOMAIN.md section 4): NEON's men's screen (the default), the London Pathway Project's,
/// and the women's screen shipped as guidance only.
/// </summary>
public sealed class OpdScreenVersionTests
{
    private static readonly InstrumentDefinition Neon = InstrumentEngineTests.Load("opd-screen-men.v2.json");
    private static readonly InstrumentDefinition Lpp = InstrumentEngineTests.Load("opd-screen-men-lpp.v1.json");
    private static readonly InstrumentDefinition Women = InstrumentEngineTests.Load("opd-screen-women.v2.json");

    private static readonly Dictionary<string, bool> GatesHold = new() { ["gate-rosh"] = true, ["gate-offence"] = true, ["gate-custody"] = true };

    private static ResponseAnswers Answers(InstrumentDefinition def, int personality, int indicators, bool link = true, bool lifeOrIpp = false,
        string? linkReason = "Formulation links hostility to the violent offending", bool overrideIt = false, string? overrideReason = null)
    {
        var personalityItems = def.Items.Where(i => i.SubscaleKeys.Contains("personality")).ToList();
        var indicatorItems = def.Items.Where(i => i.SubscaleKeys.Contains("indicators")).ToList();
        var answers = new Dictionary<string, string> { ["link"] = link ? "Y" : "N" };
        for (var i = 0; i < personalityItems.Count; i++) answers[personalityItems[i].LinkId] = i < personality ? "Y" : "N";
        for (var i = 0; i < indicatorItems.Count; i++) answers[indicatorItems[i].LinkId] = i < indicators ? "Y" : "N";
        if (def.Items.Any(i => i.LinkId == "route-life-ipp")) answers["route-life-ipp"] = lifeOrIpp ? "Y" : "N";
        var reasons = linkReason is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["link"] = linkReason };
        return new(answers, GatesHold, overrideIt, overrideReason, reasons);
    }

    private static InstrumentResult Completed(InstrumentDefinition def, ResponseAnswers answers)
    {
        var c = InstrumentEngine.Complete(def, answers);
        Assert.True(c.Succeeded, string.Join("; ", c.Errors.Select(e => e.Message)));
        return c.Result!;
    }

    [Fact]
    public void Neon_HasElevenPersonalityItems_IncludingDiversityOfOffending()
    {
        var personality = Neon.Items.Where(i => i.SubscaleKeys.Contains("personality")).ToList();
        Assert.Equal(11, personality.Count);
        Assert.Contains(personality, i => i.Text == "Diversity of offending categories");
        Assert.Contains("NEON evaluation slides", Neon.Citation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 0, InstrumentOutcome.ScreenedOut)]
    [InlineData(7, 0, InstrumentOutcome.ScreenedIn)]
    [InlineData(11, 0, InstrumentOutcome.ScreenedIn)]
    [InlineData(0, 1, InstrumentOutcome.ScreenedOut)]
    [InlineData(0, 2, InstrumentOutcome.ScreenedIn)]
    public void Neon_WithALink_ScreensIn_AtPersonality7_OrIndicators2(int personality, int indicators, InstrumentOutcome outcome)
    {
        var r = Completed(Neon, Answers(Neon, personality, indicators));
        Assert.Equal(outcome, r.Outcome);
        Assert.Equal(personality, r.Scores.Single(s => s.Key == "personality").Score);
        Assert.Equal(11, r.Scores.Single(s => s.Key == "personality").Maximum);
    }

    [Fact]
    public void Neon_LifeOrIppSentence_IsARouteIn_BelowEveryThreshold()
    {
        var r = Completed(Neon, Answers(Neon, 0, 0, lifeOrIpp: true));
        Assert.Equal(InstrumentOutcome.ScreenedIn, r.Outcome);
        Assert.False(r.ByOverride);
        Assert.Contains("Serving a life sentence or an indeterminate sentence for public protection (IPP): Yes", r.Reasons);
        Assert.Equal(InstrumentOutcome.ScreenedOut, Completed(Neon, Answers(Neon, 0, 0, lifeOrIpp: false)).Outcome);
    }

    [Theory]
    [InlineData(7, 0, false)]
    [InlineData(0, 2, false)]
    [InlineData(0, 0, true)]
    public void Neon_WithoutALink_IsNeverScreenedIn_AndSaysWhy(int personality, int indicators, bool lifeOrIpp)
    {
        var r = Completed(Neon, Answers(Neon, personality, indicators, link: false, lifeOrIpp: lifeOrIpp, linkReason: "Offending looks situational"));
        Assert.Equal(InstrumentOutcome.RequirementNotMet, r.Outcome);
        Assert.Contains(r.Reasons, x => x.StartsWith("Not screened in, although a way in is met: screening in also needs the answer Yes to 'There is a clinically justifiable link", StringComparison.Ordinal)
            && x.Contains("the answer recorded is No (reason given: Offending looks situational)", StringComparison.Ordinal));
    }

    [Fact]
    public void Neon_OverrideWithoutALink_IsNotScreenedIn_AndOverrideStillNeedsAReason()
    {
        var noLink = Completed(Neon, Answers(Neon, 3, 1, link: false, overrideIt: true, overrideReason: "Psychology report"));
        Assert.Equal(InstrumentOutcome.RequirementNotMet, noLink.Outcome);
        Assert.False(noLink.ByOverride);

        var withLink = Completed(Neon, Answers(Neon, 3, 1, overrideIt: true, overrideReason: "Psychology report"));
        Assert.Equal(InstrumentOutcome.ScreenedIn, withLink.Outcome);
        Assert.True(withLink.ByOverride);

        var noReason = InstrumentEngine.Complete(Neon, Answers(Neon, 3, 1, overrideIt: true, overrideReason: " "));
        Assert.Contains(noReason.Errors, e => e.Field == "OverrideReason");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void TheLinkAnswer_NeedsAWrittenReason_WhateverTheAnswer(string? reason)
    {
        foreach (var link in new[] { true, false })
        {
            var c = InstrumentEngine.Complete(Neon, Answers(Neon, 7, 0, link: link, linkReason: reason));
            var e = Assert.Single(c.Errors);
            Assert.Equal("link.reason", e.Field);
            Assert.StartsWith("Give the reason for your answer to 'There is a clinically justifiable link", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLinkQuestion_IsRequired()
    {
        var a = Answers(Neon, 7, 0);
        var without = a with { Answers = a.Answers.Where(x => x.Key != "link").ToDictionary(), Reasons = null };
        Assert.Contains(InstrumentEngine.Complete(Neon, without).Errors, e => e.Field == "link");
    }

    [Fact]
    public void AReasonForAnItemThatAsksNone_IsRefused() =>
        Assert.Contains(InstrumentEngine.CheckDraft(Neon, Answers(Neon, 1, 0) with { Reasons = new Dictionary<string, string> { ["p1"] = "why" } }),
            e => e.Field == "p1.reason");

    [Theory]
    [InlineData(7, 0, InstrumentOutcome.ScreenedOut)]
    [InlineData(8, 0, InstrumentOutcome.ScreenedIn)]
    [InlineData(0, 1, InstrumentOutcome.ScreenedOut)]
    [InlineData(0, 2, InstrumentOutcome.ScreenedIn)]
    public void Lpp_WithALink_ScreensIn_AtPersonality8_OrIndicators2(int personality, int indicators, InstrumentOutcome outcome)
    {
        var r = Completed(Lpp, Answers(Lpp, personality, indicators));
        Assert.Equal(outcome, r.Outcome);
        Assert.Equal(10, r.Scores.Single(s => s.Key == "personality").Maximum);
    }

    [Fact]
    public void Lpp_WithoutALink_IsNotScreenedIn_AndHasNoLifeOrIppRoute()
    {
        Assert.Equal(InstrumentOutcome.RequirementNotMet, Completed(Lpp, Answers(Lpp, 10, 4, link: false)).Outcome);
        Assert.DoesNotContain(Lpp.Items, i => i.LinkId == "route-life-ipp");
        Assert.Contains("London Pathway Project", Lpp.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Women_IsGuidanceOnly_ScoringIsRefused_AndNeonsCriteriaAreShown()
    {
        Assert.True(Women.GuidanceOnly);
        Assert.Equal(4, Women.Guidance.Count);
        Assert.Contains(Women.Guidance, g => g.Contains("violent, criminal damage, sexual or child-related offence", StringComparison.Ordinal));
        var c = InstrumentEngine.Complete(Women, new(new Dictionary<string, string>(), new Dictionary<string, bool> { ["gate-rosh"] = true, ["gate-mappa"] = true }));
        var e = Assert.Single(c.Errors);
        Assert.Contains("guidance only", e.Message, StringComparison.Ordinal);
        Assert.Contains("clinical lead", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedOpdVersion_IsInTheRulesRegister_UnconfirmedWithNotes_AndNoDate()
    {
        var versions = ScreenRuleSets.OpdMen.All.Concat(ScreenRuleSets.OpdWomen.All).ToList();
        Assert.Equal(
            [new("opd-screen-men", 1), new("opd-screen-men", 2), new("opd-screen-men-lpp", 1), new("opd-screen-women", 1), new("opd-screen-women", 2)],
            versions.Select(v => v.Rules).OrderBy(v => v.Key, StringComparer.Ordinal).ThenBy(v => v.Version));
        Assert.All(versions, v =>
        {
            Assert.Null(v.Version.EffectiveFrom);
            Assert.False(v.Version.ConfirmedByClinicalLead);
            Assert.NotEmpty(v.Version.UnconfirmedFacts);
            Assert.DoesNotContain(v.Version.UnconfirmedFacts, f => f.Contains("[check", StringComparison.OrdinalIgnoreCase));
        });
        Assert.Contains(RuleSets.All, r => r.Key == ScreenRuleSets.OpdMen.Key);
        Assert.Contains(RuleSets.All, r => r.Key == ScreenRuleSets.OpdWomen.Key);
    }
}
