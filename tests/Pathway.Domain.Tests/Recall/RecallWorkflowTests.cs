using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests.Recall;

public sealed class RecallWorkflowTests
{
    private static readonly RecallConsiderationFacts Complete = new(
        RecallConsiderationStatus.AwaitingDecision, RecallConcern.ContactStopped, 1, 2, null, OnPathway: true,
        PsychologistConsulted: true, null, "Two alternatives tried; risk manageable with AP placement");

    private static readonly IReadOnlySet<StaffRole> Spo = new HashSet<StaffRole> { StaffRole.SeniorProbationOfficer };
    private static readonly IReadOnlySet<StaffRole> Om = new HashSet<StaffRole> { StaffRole.OffenderManager };
    private static RecallRegimeAssessment Regime(int months, DateOnly on, MappaLevel mappa = MappaLevel.None) =>
        RecallRegimeAssessor.Assess(new(on, 30, SentenceType.StandardDeterminate, months, false, false, false, false, mappa))!;
    private static readonly DateOnly In2026 = new(2026, 6, 1);
    private static readonly RecallRegimeAssessment Suitable = Regime(24, In2026);
    private static readonly RecallRegimeAssessment NotSuitable = Regime(60, In2026);

    [Fact]
    public void NothingRecorded_ListsEveryMissingStep()
    {
        var empty = new RecallConsiderationFacts(RecallConsiderationStatus.InProgress, null, 0, 0, null, true, false, null, null);
        var missing = RecallWorkflow.MissingBeforeDecision(empty);
        Assert.Equal(4, missing.Count);
        Assert.Contains(missing, m => m.StartsWith("Say why recall", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("Choose the licence conditions", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("Record the alternatives", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("psychologist", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsultationIsOnlyRequired_ForPeopleOnThePathway_AndAReasonWillDo()
    {
        Assert.Empty(RecallWorkflow.MissingBeforeDecision(Complete with { OnPathway = false, PsychologistConsulted = false }));
        Assert.Empty(RecallWorkflow.MissingBeforeDecision(Complete with { PsychologistConsulted = false, ConsultationNotPossibleReason = "Psychologist on leave; risk imminent" }));
        Assert.Single(RecallWorkflow.MissingBeforeDecision(Complete with { PsychologistConsulted = false }));
    }

    [Fact]
    public void NoAlternativesTried_NeedsAReason() =>
        Assert.Empty(RecallWorkflow.MissingBeforeDecision(Complete with { AlternativesTried = 0, NoAlternativesReason = "Immediate risk to a named victim" }));

    [Fact]
    public void OnlyASeniorProbationOfficer_Decides() =>
        Assert.Equal("Only a senior probation officer can record a recall decision",
            Assert.Single(RecallWorkflow.ValidateDecision(Complete, Om, RecallDecisionKind.NoRecall, Suitable)).Message);

    [Fact]
    public void ADecisionNeedsTheRationale_AndTheMissingStepsListed()
    {
        var errors = RecallWorkflow.ValidateDecision(Complete with { OversightRationale = null, BreachedConditions = 0 }, Spo, RecallDecisionKind.NoRecall, Suitable);
        Assert.Contains(errors, e => e.Field == "OversightRationale");
        Assert.Contains(errors, e => e.Message.StartsWith("Choose the licence conditions", StringComparison.Ordinal));
    }

    [Fact]
    public void FixedTermWhereTheFactsExcludeIt_IsRefusedWithTheReason()
    {
        var e = Assert.Single(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.FixedTermRecall, NotSuitable));
        Assert.StartsWith("Fixed-term recall is not available under Automatic re-release after 56 days (Sentencing Act 2026)", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Sentence of 5 years: 4 years or more is excluded", e.Message, StringComparison.Ordinal);
        Assert.Empty(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.StandardRecall, NotSuitable));
    }

    [Fact]
    public void StandardRecall_IsRefused_WhereTheRegimeRequiresAFixedTerm()
    {
        var automatic = Assert.Single(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.StandardRecall, Suitable));
        Assert.Contains("automatic re-release after 56 days", automatic.Message, StringComparison.Ordinal);
        var mandatory = Assert.Single(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.StandardRecall, Regime(24, new DateOnly(2025, 12, 1))));
        Assert.StartsWith("Fixed-term recall is mandatory under", mandatory.Message, StringComparison.Ordinal);
        Assert.Empty(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.FixedTermRecall, Suitable));
    }

    [Fact]
    public void OnTheRiskTest_EitherRecallMayBeDecided()
    {
        var riskTest = Regime(24, new DateOnly(2025, 12, 1), MappaLevel.Level2);
        Assert.Equal(RecallRoute.FixedTermOnRiskTest, riskTest.Route);
        Assert.Empty(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.FixedTermRecall, riskTest));
        Assert.Empty(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.StandardRecall, riskTest));
    }

    [Fact]
    public void WithoutARegime_OnlyNoRecallCanBeDecided()
    {
        Assert.Empty(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.NoRecall, null));
        Assert.Contains("No recall regime", Assert.Single(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.StandardRecall, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void None_CannotBeCombinedWithAnotherAlternative()
    {
        Assert.Empty(RecallWorkflow.ValidateAlternatives([AlternativeToRecall.None]));
        Assert.Empty(RecallWorkflow.ValidateAlternatives([AlternativeToRecall.RiskEscalation, AlternativeToRecall.WarningLetter]));
        Assert.Equal("Tried", Assert.Single(RecallWorkflow.ValidateAlternatives([AlternativeToRecall.None, AlternativeToRecall.RiskEscalation])).Field);
    }

    [Fact]
    public void Recalls_NeedACountersignature_NoRecallDoesNot()
    {
        Assert.Equal(RecallConsiderationStatus.Decided, RecallWorkflow.After(RecallDecisionKind.NoRecall));
        Assert.Equal(RecallConsiderationStatus.AwaitingCountersignature, RecallWorkflow.After(RecallDecisionKind.FixedTermRecall));
        Assert.Equal(RecallConsiderationStatus.AwaitingCountersignature, RecallWorkflow.After(RecallDecisionKind.StandardRecall));
    }

    [Fact]
    public void WithoutASeniorManagerCountersignatureStep_ARecallIsDecidedAtTheSposDecision()
    {
        Assert.Equal(RecallConsiderationStatus.Decided, RecallWorkflow.After(RecallDecisionKind.FixedTermRecall, countersignatureStep: false));
        Assert.Equal(RecallConsiderationStatus.Decided, RecallWorkflow.After(RecallDecisionKind.StandardRecall, countersignatureStep: false));
        Assert.False(RecallWorkflow.NeedsCountersignature(RecallDecisionKind.StandardRecall, countersignatureStep: false));
        Assert.True(RecallWorkflow.NeedsCountersignature(RecallDecisionKind.StandardRecall));
    }

    [Fact]
    public void ADecidedRecord_IsReadOnly()
    {
        Assert.Contains("read-only", Assert.Single(RecallWorkflow.ValidateDecision(Complete with { Status = RecallConsiderationStatus.Decided }, Spo, RecallDecisionKind.NoRecall, Suitable)).Message);
        Assert.Contains("already been sent", Assert.Single(RecallWorkflow.CanSubmitForDecision(Complete)).Message);
    }

    [Fact]
    public void Countersigning_NeedsADifferentSeniorProbationOfficer()
    {
        var decider = Guid.NewGuid();
        Assert.Contains("someone other", Assert.Single(RecallWorkflow.ValidateCountersignature(RecallConsiderationStatus.AwaitingCountersignature, decider, decider, Spo)).Message);
        Assert.Single(RecallWorkflow.ValidateCountersignature(RecallConsiderationStatus.AwaitingCountersignature, decider, Guid.NewGuid(), Om));
        Assert.Empty(RecallWorkflow.ValidateCountersignature(RecallConsiderationStatus.AwaitingCountersignature, decider, Guid.NewGuid(), Spo));
        Assert.Single(RecallWorkflow.ValidateCountersignature(RecallConsiderationStatus.Decided, decider, Guid.NewGuid(), Spo));
    }

    [Fact]
    public void ContingencyAlternativesNotYetTried_AreListed() =>
        Assert.Equal([AlternativeToRecall.IncreasedReporting, AlternativeToRecall.ReferralToApprovedPremises],
            RecallWorkflow.NotYetTried(
                [AlternativeToRecall.ReferralToApprovedPremises, AlternativeToRecall.WarningLetter, AlternativeToRecall.IncreasedReporting],
                [AlternativeToRecall.WarningLetter, AlternativeToRecall.DrugTesting]));
}
