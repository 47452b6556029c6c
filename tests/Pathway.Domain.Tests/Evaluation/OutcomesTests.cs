using Pathway.Domain.Cases;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;

namespace Pathway.Domain.Tests.Evaluation;

/// <summary>
/// Outcome arithmetic on five licence periods worked by hand (today 1 Jan 2026, service started 1 Jan 2025):
/// A 90 days to recall (referred during the period); B censored at licence end after 181 days; C censored today after
/// 549 days (referred only later, care plan from the second month); D 120 days to recall; E, the same person as D released
/// again, 184 days to recall (referred before release, one previous recall). F is released after today and left out.
/// At the 91-day landmark A has already been recalled, so the landmark comparisons have B, C, D and E, followed from then.
/// </summary>
public sealed class OutcomesTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly DateOnly ServiceStart = new(2025, 1, 1);
    private static readonly Guid Person = Guid.NewGuid();

    private static LicencePeriod Period(string release, string end, string? recall, string? referral = null, Guid? caseId = null, double? ogrs = 0.4,
        string? trained = null, string? carePlan = null, Gender gender = Gender.Male) =>
        new(Guid.NewGuid(), caseId ?? Guid.NewGuid(), DateOnly.Parse(release), DateOnly.Parse(end), recall is null ? null : DateOnly.Parse(recall),
            new DateOnly(1990, 6, 15), gender, ogrs, RoshLevel.High, Date(referral), Date(trained), Date(carePlan));

    private static DateOnly? Date(string? s) => s is null ? null : DateOnly.Parse(s);

    private static readonly LicencePeriod[] Data =
    [
        Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-02-01", trained: "2024-12-01"),
        Period("2025-01-01", "2025-07-01", null, gender: Gender.Female, trained: "2025-06-01"),
        Period("2024-07-01", "2027-01-01", null, referral: "2026-06-01", ogrs: null, carePlan: "2024-08-10"),
        Period("2024-01-01", "2026-01-01", "2024-04-30", caseId: Person, carePlan: "2025-01-01"),
        Period("2025-03-01", "2026-03-01", "2025-09-01", referral: "2025-01-15", caseId: Person, trained: "2024-12-01"),
        Period("2026-02-01", "2027-02-01", null),
    ];

    [Fact]
    public void Prepare_EndsEachPeriodAtRecallLicenceEndOrToday_AndLeavesOutFutureReleases()
    {
        var p = Outcomes.Prepare(Data, Cohort.ServiceStart, Today, ServiceStart);
        Assert.Equal([90, 181, 549, 120, 184], p.Select(x => x.Days));
        Assert.All(p, x => Assert.Equal(x.Licence.ReleaseDate, x.Origin));
        Assert.Equal([true, false, false, true, true], p.Select(x => x.Recalled));
        Assert.Equal([new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), Today, new DateOnly(2024, 4, 30), new DateOnly(2025, 9, 1)], p.Select(x => x.End));
        Assert.Equal([0, 0, 0, 0, 1], p.Select(x => x.PreviousRecalls));
        Assert.Equal(34, p[0].AgeAtRelease);
        Assert.Equal(33, p[3].AgeAtRelease); // 1 Jan 2024, before the June birthday
    }

    [Theory]
    // B, C, D, E at the landmark: E was referred before release; B's offender manager trained after its landmark (1 Apr
    // 2025), E's before; C's plan began before its landmark, D's (1 Jan 2025) long after D's recall.
    [InlineData(Cohort.Pathway, new[] { false, false, false, true })]
    [InlineData(Cohort.TrainedOffenderManager, new[] { false, false, false, true })]
    [InlineData(Cohort.CarePlan, new[] { false, true, false, false })]
    // Release before or after the service started is known at release: all five, from release.
    [InlineData(Cohort.ServiceStart, new[] { true, true, false, false, true })]
    public void Cohorts_AreAssignedFromWhatWasTrueAtTheLandmark_OrAtReleaseForTheServiceStart(Cohort cohort, bool[] expected) =>
        Assert.Equal(expected, Outcomes.Prepare(Data, cohort, Today, ServiceStart).Select(x => x.InCohort));

    [Fact]
    public void LandmarkComparisons_LeaveOutPeriodsOverByTheLandmark_AndCountFromIt()
    {
        var p = Outcomes.Prepare(Data, Cohort.Pathway, Today, ServiceStart);
        // A, recalled on day 90, is out; the rest are followed from day 91.
        Assert.Equal([181 - 91, 549 - 91, 120 - 91, 184 - 91], p.Select(x => x.Days));
        Assert.Equal([false, false, true, true], p.Select(x => x.Recalled));
        Assert.All(p, x => Assert.Equal(x.Licence.ReleaseDate.AddDays(91), x.Origin));
        // A period released less than 91 days ago is not yet in a landmark comparison; a referral on the landmark day counts.
        var recent = Period("2025-11-01", "2026-11-01", null, referral: "2025-10-01");
        var onTheDay = Period("2025-01-01", "2026-11-01", null, referral: "2025-04-02");
        var q = Outcomes.Prepare([recent, onTheDay], Cohort.Pathway, Today, ServiceStart);
        Assert.True(Assert.Single(q).InCohort);
    }

    [Fact]
    public void Overall_PersonMonthsRateAndShares_MatchTheHandCalculation()
    {
        var r = Outcomes.Build(Data, Cohort.ServiceStart, Today, ServiceStart);
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
        var r = Outcomes.Build(Data, Cohort.ServiceStart, Today, ServiceStart);
        var after = r.Groups[0];
        var before = r.Groups[1];
        // After: A (recalled at 90 days, 2.96 months), B (censored at 181), E (recalled at 184, 6.05 months, 1 at risk).
        Assert.Equal(("Released after the service started", 3, 2), (after.Group, after.People, after.Recalls));
        Assert.Equal(455 / 30.4375, after.PersonMonths, 9);
        Assert.Equal(1 / 3.0, after.RecalledWithin6Months!.Value, 12);
        Assert.Equal(1.0, after.RecalledWithin12Months!.Value, 12); // the last one followed was recalled at 6.05 months
        // Before: C (censored at 549 days), D (recalled at 120, 2 at risk).
        Assert.Equal(("Released before the service started", 2, 1), (before.Group, before.People, before.Recalls));
        Assert.Equal(0.5, before.RecalledWithin6Months!.Value, 12);
        Assert.Equal(0.5, before.RecalledWithin12Months!.Value, 12);
        Assert.Equal(2, r.Curves.Count);
        Assert.True(r.LogRank.Succeeded);
        Assert.Equal(4, r.TimeVaryingCox.Periods); // C has no OGRS3 score: complete cases only
        Assert.True(r.TimeVaryingCox.IncludesOgrs3);
        Assert.Null(r.LandmarkCox); // known at release: no landmark to test it against
    }

    [Fact]
    public void LandmarkGroups_CountTimeAndRecallsFromTheLandmark()
    {
        var r = Outcomes.Build(Data, Cohort.Pathway, Today, ServiceStart);
        var on = r.Groups[0];
        var off = r.Groups[1];
        // On the pathway at the landmark: E only, recalled 93 days after it.
        Assert.Equal(("On the pathway", 1, 1), (on.Group, on.People, on.Recalls));
        Assert.Equal(93 / 30.4375, on.PersonMonths, 9);
        Assert.Equal(1.0, on.RecalledWithin6Months!.Value, 12);
        // Not: B (censored 90 days after), C (458 days after), D (recalled 29 days after, 3 at risk).
        Assert.Equal(("Not on the pathway", 3, 1), (off.Group, off.People, off.Recalls));
        Assert.Equal(577 / 30.4375, off.PersonMonths, 9);
        Assert.Equal(1 / 3.0, off.RecalledWithin6Months!.Value, 12);
        Assert.Equal(1 / 3.0, off.RecalledWithin12Months!.Value, 12);
        Assert.Equal(4, r.Overall.People);
    }

    [Fact]
    public void RecalledWithin_IsUnknownWhenNobodyWasFollowedThatLong()
    {
        var r = Outcomes.Build([Period("2025-11-01", "2026-11-01", null)], Cohort.ServiceStart, Today, ServiceStart);
        Assert.Null(r.Overall.RecalledWithin6Months);
        Assert.Equal(0, r.Overall.RatePer100PersonMonths);
    }

    [Fact]
    public void Cox_WithoutEventsOrScores_SaysWhyInsteadOfNumbers()
    {
        var noRecalls = Outcomes.Build([Period("2025-01-01", "2025-07-01", null), Period("2025-02-01", "2025-08-01", null, referral: "2025-01-01")], Cohort.Pathway, Today, ServiceStart);
        Assert.False(noRecalls.TimeVaryingCox.Fit.Succeeded);
        Assert.Contains("no events", noRecalls.TimeVaryingCox.Fit.Failure, StringComparison.Ordinal);
        Assert.Contains("no events", noRecalls.LandmarkCox!.Fit.Failure, StringComparison.Ordinal);
        Assert.False(noRecalls.LogRank.Succeeded);

        // Without scores for at least half the periods, OGRS3 is left out and every period is modelled.
        var fewScores = Outcomes.Build([.. Data.Select(d => d with { Ogrs3 = null }), Data[0]], Cohort.ServiceStart, Today, ServiceStart);
        Assert.False(fewScores.TimeVaryingCox.IncludesOgrs3);
        Assert.Equal(6, fewScores.TimeVaryingCox.Periods);
        if (fewScores.TimeVaryingCox.Fit.Value is { } fit) Assert.DoesNotContain(fit.Coefficients, c => c.Name == Outcomes.Ogrs3Covariate);
        else Assert.NotNull(fewScores.TimeVaryingCox.Fit.Failure);
    }

    [Fact]
    public void Publish_HidesSmallGroupsAndTheirRates_AndCurvesUnderTheThreshold()
    {
        var r = Outcomes.Build(Data, Cohort.ServiceStart, Today, ServiceStart);
        var exact = r.Publish(DisclosurePolicy.Exact);
        Assert.Equal((3, 2), (exact[0].People, exact[0].Recalls));
        Assert.Equal(5, exact[2].People);

        var hidden = r.Publish(DisclosurePolicy.Default);
        Assert.All(hidden, m => Assert.Null(m.Recalls));
        Assert.All(hidden.Take(2), m => Assert.Null(m.People));
        Assert.All(hidden, m => Assert.Null(m.RatePer100PersonMonths));
        Assert.Empty(r.PublishedCurves(DisclosurePolicy.Default));
        Assert.Equal(2, r.PublishedCurves(DisclosurePolicy.Exact).Count);
    }
}
