using Pathway.Domain.Compliance;

namespace Pathway.Domain.Tests.Compliance;

public sealed class EarlyWarningTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly IReadOnlyList<SignalRule> Rules = EarlyWarningRuleSet.Default;

    private static CaseSignalFacts Facts(IEnumerable<ContactFact>? contacts = null, IEnumerable<ConcernFact>? concerns = null, IEnumerable<WarningFact>? warnings = null) =>
        new((contacts ?? []).ToList(), (concerns ?? []).ToList(), (warnings ?? []).ToList());

    private static IReadOnlyList<string> Fired(CaseSignalFacts f) => EarlyWarning.Evaluate(Rules, f, Today).Select(r => r.Rule.Code).ToList();

    [Fact]
    public void NothingRecorded_NoSignal() => Assert.Empty(Fired(Facts()));

    [Fact]
    public void TwoUnacceptableAbsencesInFourWeeks_Fires_WithTheDates()
    {
        var f = Facts([new(Today.AddDays(-3), ContactOutcome.UnacceptableAbsence), new(Today.AddDays(-17), ContactOutcome.UnacceptableAbsence)]);
        var fired = Assert.Single(EarlyWarning.Evaluate(Rules, f, Today), r => r.Rule.Code == "absences-4w");
        Assert.Equal("2 unacceptable absences in 4 weeks (9 November 2026, 23 November 2026)", fired.Explanation);
        Assert.Equal([SignalPrompt.ConsultPsychologist, SignalPrompt.ConsiderAlternatives], fired.Rule.Prompts);
    }

    [Fact]
    public void OneUnacceptableAbsence_OrTwoSpreadOverMoreThanFourWeeks_DoesNotFire()
    {
        Assert.DoesNotContain("absences-4w", Fired(Facts([new(Today.AddDays(-3), ContactOutcome.UnacceptableAbsence)])));
        Assert.DoesNotContain("absences-4w", Fired(Facts([new(Today.AddDays(-3), ContactOutcome.UnacceptableAbsence), new(Today.AddDays(-28), ContactOutcome.UnacceptableAbsence)])));
        Assert.DoesNotContain("absences-4w", Fired(Facts([new(Today.AddDays(-3), ContactOutcome.AcceptableAbsence), new(Today.AddDays(-5), ContactOutcome.AcceptableAbsence)])));
    }

    [Fact]
    public void AnEarlyWarningSignFromTheCarePlan_Fires_QuotingTheSign()
    {
        var f = Facts(concerns: [new(Today.AddDays(-2), ConcernType.Withdrawal, "Stops answering the phone to staff", FromCarePlan: true)]);
        var fired = Assert.Single(EarlyWarning.Evaluate(Rules, f, Today), r => r.Rule.Code == "early-warning-sign");
        Assert.Equal("An early warning sign from the care plan recorded: ‘Stops answering the phone to staff’ on 24 November 2026", fired.Explanation);
        Assert.Contains(SignalPrompt.ReviewContingencyPlan, fired.Rule.Prompts);
    }

    [Fact]
    public void ASignTypedRatherThanChosenFromThePlan_StillFires_ButSaysSo()
    {
        var f = Facts(concerns: [new(Today.AddDays(-2), ConcernType.Withdrawal, "Goes quiet")]);
        var fired = Assert.Single(EarlyWarning.Evaluate(Rules, f, Today), r => r.Rule.Code == "early-warning-sign");
        Assert.Contains("‘Goes quiet’ (typed, not chosen from the plan) on", fired.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void LossOfAccommodation_Fires_OtherConcernsAloneDoNot()
    {
        Assert.Contains("accommodation-lost", Fired(Facts(concerns: [new(Today.AddDays(-10), ConcernType.LossOfAccommodation)])));
        Assert.Empty(Fired(Facts(concerns: [new(Today.AddDays(-10), ConcernType.NewRelationship)])));
    }

    [Fact]
    public void ThreeConcernsOfAnyTypeInFourWeeks_Fire()
    {
        var f = Facts(concerns: [new(Today.AddDays(-1), ConcernType.NewRelationship), new(Today.AddDays(-9), ConcernType.SubstanceUse), new(Today.AddDays(-20), ConcernType.Other)]);
        var fired = Assert.Single(EarlyWarning.Evaluate(Rules, f, Today), r => r.Rule.Code == "concerns-cluster");
        Assert.StartsWith("Other on 6 November 2026, substance use on 17 November 2026", fired.Explanation);
    }

    [Fact]
    public void TwoWarningLettersIn12Weeks_Fire()
    {
        var f = Facts(warnings: [new(Today.AddDays(-60), WarningLevel.First), new(Today.AddDays(-5), WarningLevel.Final)]);
        var fired = Assert.Single(EarlyWarning.Evaluate(Rules, f, Today), r => r.Rule.Code == "final-warning");
        Assert.Contains("first warning on 27 September 2026, final warning on 21 November 2026", fired.Explanation);
    }

    [Fact]
    public void LowCompliance_FiresOnlyWithEnoughExpectedContacts()
    {
        ContactFact A(int d) => new(Today.AddDays(-d), ContactOutcome.Attended);
        ContactFact U(int d) => new(Today.AddDays(-d), ContactOutcome.UnacceptableAbsence);
        // 2 of 3 kept: below 75% but only 3 expected, under the minimum of 4 — not enough to judge.
        Assert.DoesNotContain("compliance-12w", Fired(Facts([A(40), A(50), U(60)])));
        // 2 of 4 kept: 50%.
        var fired = Assert.Single(EarlyWarning.Evaluate(Rules, Facts([A(40), A(50), U(60), U(70)]), Today), r => r.Rule.Code == "compliance-12w");
        Assert.Equal("Kept 2 of 4 contacts in 12 weeks (50%, below 75%)", fired.Explanation);
        // 3 of 4 kept: exactly 75% is not below.
        Assert.DoesNotContain("compliance-12w", Fired(Facts([A(40), A(50), A(55), U(70)])));
    }

    [Fact]
    public void Prompts_AreGatheredOnceInAFixedOrder()
    {
        var f = Facts([new(Today.AddDays(-3), ContactOutcome.UnacceptableAbsence), new(Today.AddDays(-4), ContactOutcome.UnacceptableAbsence)],
            [new(Today.AddDays(-1), ConcernType.LossOfAccommodation)]);
        Assert.Equal([SignalPrompt.ConsultPsychologist, SignalPrompt.ReviewContingencyPlan, SignalPrompt.ConsiderAlternatives],
            EarlyWarning.Prompts(EarlyWarning.Evaluate(Rules, f, Today)));
    }

    [Fact]
    public void DefaultRules_AreValid() => Assert.Empty(EarlyWarningRuleSet.Parse(EarlyWarningRuleSet.DefaultJson).Errors);

    [Theory]
    [InlineData("""[{"code":"a","title":"A","kind":"complianceBelow","count":1,"withinWeeks":4,"prompts":["considerAlternatives"]}]""", "needs a threshold between 0 and 1")]
    [InlineData("""[{"code":"a","title":"A","kind":"concerns","count":0,"withinWeeks":4,"prompts":["considerAlternatives"]}]""", "count must be 1 or more")]
    [InlineData("""[{"code":"a","title":"A","kind":"concerns","count":1,"withinWeeks":4,"prompts":[]}]""", "must prompt at least one action")]
    [InlineData("""[{"code":"a","title":"A","kind":"warningLetters","count":1,"withinWeeks":4,"prompts":["consultPsychologist"],"concernTypes":["threats"]}]""", "only concern rules list concern types")]
    [InlineData("""[{"code":"a","title":"A","kind":"concerns","count":1,"withinWeeks":4,"prompts":["consultPsychologist"]},{"code":"A","title":"B","kind":"concerns","count":1,"withinWeeks":4,"prompts":["consultPsychologist"]}]""", "used by more than one rule")]
    [InlineData("""[{"code":"a","title":"A","kind":"moonPhase","count":1,"withinWeeks":4,"prompts":["consultPsychologist"]}]""", "not valid JSON for early-warning rules")]
    [InlineData("""[]""", "at least one rule")]
    public void BadRules_AreRefusedWithASpecificMessage(string json, string expected)
    {
        var (rules, errors) = EarlyWarningRuleSet.Parse(json);
        Assert.Empty(rules);
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }
}
