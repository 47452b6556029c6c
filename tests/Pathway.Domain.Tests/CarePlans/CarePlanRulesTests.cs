using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests.CarePlans;

public sealed class CarePlanRulesTests
{
    private static IReadOnlySet<StaffRole> Roles(params StaffRole[] r) => r.ToHashSet();
    private static readonly Guid Psychologist = Guid.NewGuid();

    [Fact]
    public void Signing_NamesEachEmptyRequiredSection_AndIgnoresTheRestrictedOne()
    {
        var plan = new CarePlanFacts(CarePlanStatus.Draft, [CarePlanSection.ContingencyPlan, CarePlanSection.NotToBeDisclosed, CarePlanSection.Goals], null);
        var errors = CarePlanLifecycle.CanSign(plan, Roles(StaffRole.Psychologist));
        Assert.Equal(["Complete 'Goals' before signing", "Complete 'Contingency and crisis plan' before signing"], errors.Select(e => e.Message));
    }

    [Fact]
    public void Signing_NeedsEachRiskPillar_OrWhyItDoesNotApply_NotJustOne()
    {
        var onlySupervision = new Dictionary<string, string> { ["risk.supervision"] = "Weekly appointments", ["risk.monitoring"] = "  " };
        Assert.DoesNotContain(CarePlanSection.RiskManagement, CarePlanFields.EmptySections(onlySupervision, PersonAgreement.Agreed, null));
        var missing = CarePlanFields.MissingPillars(onlySupervision);
        Assert.Equal(["risk.monitoring", "risk.interventions", "risk.victim-safety"], missing.Select(f => f.Key));

        var errors = CarePlanLifecycle.CanSign(new CarePlanFacts(CarePlanStatus.Draft, [], null, missing), Roles(StaffRole.Psychologist));
        Assert.Equal(3, errors.Count);
        Assert.Contains("Risk management plan: add victim safety planning, or say why it does not apply", errors.Select(e => e.Message));

        var explained = new Dictionary<string, string>(onlySupervision)
        {
            ["risk.monitoring"] = "Curfew", ["risk.interventions"] = "DBT skills group",
            ["risk.victim-safety"] = "Does not apply: no identifiable victim; offences were against property",
        };
        Assert.Empty(CarePlanFields.MissingPillars(explained));
        Assert.Empty(CarePlanLifecycle.CanSign(new CarePlanFacts(CarePlanStatus.Draft, [], null, CarePlanFields.MissingPillars(explained)), Roles(StaffRole.Psychologist)));
    }

    [Fact]
    public void OnlyAPsychologistSigns_AndOnlyADraft()
    {
        var complete = new CarePlanFacts(CarePlanStatus.Draft, [], null);
        Assert.Empty(CarePlanLifecycle.CanSign(complete, Roles(StaffRole.Psychologist)));
        Assert.Empty(CarePlanLifecycle.CanSign(complete, Roles(StaffRole.ClinicalLead)));
        Assert.Single(CarePlanLifecycle.CanSign(complete, Roles(StaffRole.OffenderManager)));
        Assert.Single(CarePlanLifecycle.CanSign(complete with { Status = CarePlanStatus.Active }, Roles(StaffRole.Psychologist)));
    }

    [Fact]
    public void CountersigningYourOwnPlan_IsRefused()
    {
        var signed = new CarePlanFacts(CarePlanStatus.AwaitingCountersignature, [], Psychologist);
        Assert.Equal("You signed this plan: someone else must countersign it",
            Assert.Single(CarePlanLifecycle.CanCountersign(signed, Psychologist, Roles(StaffRole.Psychologist, StaffRole.OffenderManager))).Message);
        Assert.Empty(CarePlanLifecycle.CanCountersign(signed, Guid.NewGuid(), Roles(StaffRole.OffenderManager)));
        Assert.Single(CarePlanLifecycle.CanCountersign(signed, Guid.NewGuid(), Roles(StaffRole.ApprovedPremisesStaff)));
        Assert.Single(CarePlanLifecycle.CanCountersign(signed with { Status = CarePlanStatus.Draft }, Guid.NewGuid(), Roles(StaffRole.OffenderManager)));
    }

    [Fact]
    public void OnlyDraftsAreEdited_AndOneReviewDraftAtATime()
    {
        Assert.Empty(CarePlanLifecycle.CanEdit(CarePlanStatus.Draft));
        Assert.Single(CarePlanLifecycle.CanEdit(CarePlanStatus.Active));
        Assert.Empty(CarePlanLifecycle.CanStartReview(CarePlanStatus.Active, draftExists: false));
        Assert.Single(CarePlanLifecycle.CanStartReview(CarePlanStatus.Active, draftExists: true));
        Assert.Single(CarePlanLifecycle.CanStartReview(CarePlanStatus.Superseded, draftExists: false));
    }

    [Theory]
    [InlineData(-1, ReviewState.Overdue)]
    [InlineData(0, ReviewState.DueSoon)]
    [InlineData(14, ReviewState.DueSoon)]
    [InlineData(15, ReviewState.NotDue)]
    public void ReviewPrompts_At14Days(int daysAway, ReviewState expected)
    {
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal(expected, CarePlanReviews.State(today.AddDays(daysAway), today));
    }

    [Theory]
    [InlineData(StaffRole.Psychologist, CarePlanView.FullWithRestricted)]
    [InlineData(StaffRole.ClinicalLead, CarePlanView.FullWithRestricted)]
    [InlineData(StaffRole.OffenderManager, CarePlanView.FullWithRestricted)]
    [InlineData(StaffRole.SeniorProbationOfficer, CarePlanView.FullWithRestricted)]
    [InlineData(StaffRole.ApprovedPremisesStaff, CarePlanView.Summary)]
    [InlineData(StaffRole.PublicProtectionOfficer, CarePlanView.Summary)]
    [InlineData(StaffRole.PartnerAgency, CarePlanView.None)]
    [InlineData(StaffRole.Administrator, CarePlanView.None)]
    public void EachRole_SeesWhatItShould(StaffRole role, CarePlanView expected) =>
        Assert.Equal(expected, CarePlanSections.ViewFor(Roles(role)));

    [Fact]
    public void TheSummary_IsTriggersWhatHelpsAndContingency_AndNeverTheRestrictedSection()
    {
        var visible = Enum.GetValues<CarePlanSection>().Where(s => CarePlanSections.CanSee(CarePlanView.Summary, s)).ToList();
        Assert.Equal([CarePlanSection.TriggersAndEarlyWarningSigns, CarePlanSection.WhatHelps, CarePlanSection.ContingencyPlan], visible);
        Assert.False(CarePlanSections.CanSee(CarePlanView.Full, CarePlanSection.NotToBeDisclosed));
        Assert.True(CarePlanSections.CanSee(CarePlanView.FullWithRestricted, CarePlanSection.NotToBeDisclosed));
        Assert.False(CarePlanSections.CanSee(CarePlanView.None, CarePlanSection.WhatHelps));
    }

    [Fact]
    public void Goals_ChangeOnlyWhileActive_AndRemovalNeedsAReason()
    {
        Assert.Empty(Goals.CanChangeStatus(GoalStatus.Active, GoalStatus.Achieved, null));
        Assert.Equal("Enter why the goal is being removed", Assert.Single(Goals.CanChangeStatus(GoalStatus.Active, GoalStatus.Removed, " ")).Message);
        Assert.Single(Goals.CanChangeStatus(GoalStatus.Active, GoalStatus.NotAchieved, null));
        Assert.Single(Goals.CanChangeStatus(GoalStatus.Achieved, GoalStatus.Active, null));
    }

    [Fact]
    public void PersonsInvolvement_NeedsAReasonUnlessAgreed()
    {
        Assert.Empty(Goals.ValidateAgreement(PersonAgreement.Agreed, null));
        Assert.Single(Goals.ValidateAgreement(PersonAgreement.Disagreed, null));
        Assert.Single(Goals.ValidateAgreement(PersonAgreement.CouldNotBeAsked, ""));
        Assert.Single(Goals.ValidateAgreement(null, null));
    }

    [Fact]
    public void DbtSkills_CoverTheFourModules_WithUniqueCodes()
    {
        Assert.Equal(Enum.GetValues<DbtModule>(), DbtSkills.All.Select(s => s.Module).Distinct().Order());
        Assert.Equal(DbtSkills.All.Count, DbtSkills.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal("DEAR MAN", DbtSkills.Find("dear-man")!.Name);
        Assert.Null(DbtSkills.Find("nonsense"));
    }
}
