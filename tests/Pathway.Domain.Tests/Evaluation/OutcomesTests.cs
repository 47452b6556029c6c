using Pathway.Domain.Cases;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;

namespace Pathway.Domain.Tests.Evaluation;

/// <summary>
/// Outcome arithmetic on five licence periods worked by hand (today 1 Jan 2026, service started 1 Jan 2025):
/// A 90 days to recall (referred during the period); B censored at licence end after 181 days; C censored today after
/// 549 days (referred only later); D 120 days to recall; E, the same person as D released again, 184 days to recall
/// (referred before release, one previous recall). F is released after today and left out.
/// </summary>
public sealed class OutcomesTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly DateOnly ServiceStart = new(2025, 1, 1);
    private static readonly Guid Person = Guid.NewGuid();

    private static LicencePeriod Period(string release, string end, string? recall, string? referral = null, Guid? caseId = null, double? ogrs = 0.4,
        bool trained = false, bool carePlan = false, Gender gender = Gender.Male) =>
        new(Guid.NewGuid(), caseId ?? Guid.NewGuid(), DateOnly.Parse(release), DateOnly.Parse(end), recall is null ? null : DateOnly.Parse(recall),
            new DateOnly(1990, 6, 15), gender, ogrs, RoshLevel.High, referral is null ? null : DateOnly.Parse(referral), trained, carePlan);

    private static readonly LicencePeriod[] Data =
    [
        Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-02-01", trained: true),
        Period("2025-01-01", "2025-07-01", null, gender: Gender.Female),
        Period("2024-07-01", "2027-01-01", null, referral: "2026-06-01", ogrs: null, carePlan: true),
        Period("2024-01-01", "2026-01-01", "2024-04-30", caseId: Person),
        Period("2025-03-01", "2026-03-01", "2025-09-01", referral: "2025-01-15", caseId: Person, trained: true),
        Period("2026-02-01", "2027-02-01", null),
    ];

    [Fact]
    public void Prepare_EndsEachPeriodAtRecallLicenceEndOrToday_AndLeavesOutFutureReleases()
    {
        var p = Outcomes.Prepare(Data, Cohort.Pathway, Today, ServiceStart);
        Assert.Equal([90, 181, 549, 120, 184], p.Select(x => x.Days));
        Assert.Equal([true, false, false, true, true], p.Select(x => x.Recalled));
        Assert.Equal([new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), Today, new DateOnly(2024, 4, 30), new DateOnly(2025, 9, 1)], p.Select(x => x.End));
        Assert.Equal([0, 0, 0, 0, 1], p.Select(x => x.PreviousRecalls));
        Assert.Equal(34, p[0].AgeAtRelease);
        Assert.Equal(33, p[3].AgeAtRelease); // 1 Jan 2024, before the June birthday
    }

    [Theory]
    [InlineData(Cohort.Pathway, new[] { true, false, false, false, true })]
    [InlineData(Cohort.ServiceStart, new[] { true, true, false, false, true })]
    [InlineData(Cohort.TrainedOffenderManager, new[] { true, false, false, false, true })]
    [InlineData(Cohort.CarePlan, new[] { false, false, true, false, false })]
    public void Cohorts_AreAssignedFromReferralReleaseTrainingAndCarePlan(Cohort cohort, bool[] expected) =>
        Assert.Equal(expected, Outcomes.Prepare(Data, cohort, Today, ServiceStart).Select(x => x.InCohort));

    [Fact]
    public void Overall_PersonMonthsRateAndShares_MatchTheHandCalculation()
    {
        var r = Outcomes.Build(Data, Cohort.Pathway, Today, ServiceStart);
        var all = r.Overall;
        Assert.Equal(5, all.People);
        Assert.Equal(3, all.Recalls);
        Assert.Equal(1124 / 30.4375, all.PersonMonths, 9);
        Assert.Equal(3 / (1124 / 30.4375) * 100, all.RatePer100PersonMonths!.Value, 9);
        // KM: 5 at risk, recall at 2.96 months → 0.8; recall at 3.94 → 0.6; B censored at 5.95; E recalled at 6.05 with 2 at risk → 0.3.
        Assert.Equal(0.4, all.RecalledWithin6Months!.Value, 12);
        Assert.Equal(0.7, all.RecalledWithin12Months!.Value, 12);
    }

    [Fact]
    public void Groups_SplitByCohort_WithSharesFromEachGroupsOwnCurve()
    {
        var r = Outcomes.Build(Data, Cohort.Pathway, Today, ServiceStart);
        var on = r.Groups[0];
        var off = r.Groups[1];
        Assert.Equal(("On the pathway", 2, 2), (on.Group, on.People, on.Recalls));
        Assert.Equal(274 / 30.4375, on.PersonMonths, 9);
        Assert.Equal(0.5, on.RecalledWithin6Months!.Value, 12);
        Assert.Equal(1.0, on.RecalledWithin12Months!.Value, 12); // everyone recalled by 6.05 months
        Assert.Equal(("Not on the pathway", 3, 1), (off.Group, off.People, off.Recalls));
        Assert.Equal(1 / 3.0, off.RecalledWithin6Months!.Value, 12);
        Assert.Equal(1 / 3.0, off.RecalledWithin12Months!.Value, 12);
        Assert.Equal(2, r.Curves.Count);
        Assert.True(r.LogRank.Succeeded);
        Assert.Equal(4, r.CoxPeriods); // C has no OGRS3 score: complete cases only
        Assert.True(r.CoxIncludesOgrs3);
    }

    [Fact]
    public void RecalledWithin_IsUnknownWhenNobodyWasFollowedThatLong()
    {
        var r = Outcomes.Build([Period("2025-11-01", "2026-11-01", null)], Cohort.Pathway, Today, ServiceStart);
        Assert.Null(r.Overall.RecalledWithin6Months);
        Assert.Equal(0, r.Overall.RatePer100PersonMonths);
    }

    [Fact]
    public void Cox_WithoutEventsOrScores_SaysWhyInsteadOfNumbers()
    {
        var noRecalls = Outcomes.Build([Period("2025-01-01", "2025-07-01", null), Period("2025-02-01", "2025-08-01", null, referral: "2025-01-01")], Cohort.Pathway, Today, ServiceStart);
        Assert.False(noRecalls.Cox.Succeeded);
        Assert.Contains("no events", noRecalls.Cox.Failure, StringComparison.Ordinal);
        Assert.False(noRecalls.LogRank.Succeeded);

        // Without scores for at least half the periods, OGRS3 is left out and every period is modelled.
        var fewScores = Outcomes.Build([.. Data.Select(d => d with { Ogrs3 = null }), Data[0]], Cohort.Pathway, Today, ServiceStart);
        Assert.False(fewScores.CoxIncludesOgrs3);
        Assert.Equal(6, fewScores.CoxPeriods);
        if (fewScores.Cox.Value is { } fit) Assert.DoesNotContain(fit.Coefficients, c => c.Name == Outcomes.Ogrs3Covariate);
        else Assert.NotNull(fewScores.Cox.Failure);
    }

    [Fact]
    public void Publish_HidesSmallGroupsAndTheirRates_AndCurvesUnderTheThreshold()
    {
        var r = Outcomes.Build(Data, Cohort.Pathway, Today, ServiceStart);
        var exact = r.Publish(DisclosurePolicy.Exact);
        Assert.Equal((2, 2), (exact[0].People, exact[0].Recalls));
        Assert.Equal(5, exact[2].People);

        var hidden = r.Publish(DisclosurePolicy.Default);
        Assert.All(hidden, m => Assert.Null(m.Recalls));
        Assert.All(hidden.Take(2), m => Assert.Null(m.People));
        Assert.All(hidden, m => Assert.Null(m.RatePer100PersonMonths));
        Assert.Empty(r.PublishedCurves(DisclosurePolicy.Default));
        Assert.Equal(2, r.PublishedCurves(DisclosurePolicy.Exact).Count);
    }
}
