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
    private static readonly FixedTermAssessment Suitable = FixedTermSuitability.Assess(new(30, SentenceType.StandardDeterminate, 24, MappaLevel.None, false, false, false));
    private static readonly FixedTermAssessment NotSuitable = FixedTermSuitability.Assess(new(30, SentenceType.StandardDeterminate, 60, MappaLevel.None, false, false, false));

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
        Assert.Equal("Fixed-term recall is not available: Sentence of 5 years: fixed-term recall needs a sentence under 4 years", e.Message);
        Assert.Empty(RecallWorkflow.ValidateDecision(Complete, Spo, RecallDecisionKind.StandardRecall, NotSuitable));
    }

    [Fact]
    public void Recalls_NeedACountersignature_NoRecallDoesNot()
    {
        Assert.Equal(RecallConsiderationStatus.Decided, RecallWorkflow.After(RecallDecisionKind.NoRecall));
        Assert.Equal(RecallConsiderationStatus.AwaitingCountersignature, RecallWorkflow.After(RecallDecisionKind.FixedTermRecall));
        Assert.Equal(RecallConsiderationStatus.AwaitingCountersignature, RecallWorkflow.After(RecallDecisionKind.StandardRecall));
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
