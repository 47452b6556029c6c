using Pathway.Domain.Cases;
using Pathway.Domain.Evaluation;
using Pathway.Domain.Statistics;

namespace Pathway.Domain.Tests.Evaluation;

/// <summary>
/// The time-varying model's (start, stop] rows, worked by hand (today 1 Jan 2026, service started 1 Jan 2025; days from
/// release), and when its standard errors are robust ones clustered on the person.
/// </summary>
public sealed class AdjustedModelTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly DateOnly ServiceStart = new(2025, 1, 1);

    private static LicencePeriod Period(string release, string end, string? recall, string? referral = null, string? trained = null,
        string? carePlan = null, Guid? caseId = null) =>
        new(Guid.NewGuid(), caseId ?? Guid.NewGuid(), DateOnly.Parse(release), DateOnly.Parse(end), Date(recall), new DateOnly(1990, 6, 15),
            Gender.Male, 0.4, RoshLevel.High, Date(referral), Date(trained), Date(carePlan));

    private static DateOnly? Date(string? s) => s is null ? null : DateOnly.Parse(s);

    private static (int Start, int Stop, bool In, bool Recalled)[] Rows(Cohort cohort, params LicencePeriod[] licences) =>
        AdjustedModel.TimeVaryingRows(Outcomes.PrepareFromRelease(licences, cohort, Today, ServiceStart), cohort, ServiceStart)
            .Select(r => (r.StartDay, r.StopDay, r.InCohort, r.Recalled)).ToArray();

    [Fact]
    public void AReferralBeforeRelease_IsOneRowOnThePathway_AndOnReleaseDayToo()
    {
        // Released 1 Jan 2025, recalled 1 Apr 2025 (day 90).
        Assert.Equal([(0, 90, true, true)], Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2024-12-01")));
        Assert.Equal([(0, 90, true, true)], Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-01-01")));
    }

    [Fact]
    public void AReferralInsideFollowUp_SplitsThePeriodOnTheDay_WithTheRecallOnTheSecondRow()
    {
        // Referred 1 Feb 2025 (day 31), recalled day 90: 31 days off the pathway, not recalled, then 59 on it ending in the recall.
        Assert.Equal([(0, 31, false, false), (31, 90, true, true)],
            Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-02-01")));
        // The day before the recall still counts: one day on the pathway.
        Assert.Equal([(0, 89, false, false), (89, 90, true, true)],
            Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-03-31")));
    }

    [Fact]
    public void AReferralOnTheRecallDay_CountsAsNotYetOnThePathway()
    {
        // A referral made because of what led to the recall must not credit the pathway with the time before it.
        Assert.Equal([(0, 90, false, true)], Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-04-01")));
        Assert.Equal([(0, 90, false, true)], Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-05-01")));
    }

    [Fact]
    public void NeverReferred_IsOneRowOffThePathway()
    {
        Assert.Equal([(0, 90, false, true)], Rows(Cohort.Pathway, Period("2025-01-01", "2026-06-30", "2025-04-01")));
        // Referred only after today (1 Jan 2026): released 1 Jul 2024, followed 549 days to today, censored.
        Assert.Equal([(0, 549, false, false)], Rows(Cohort.Pathway, Period("2024-07-01", "2027-01-01", null, referral: "2026-06-01")));
    }

    [Fact]
    public void FollowUp_EndsAtTheLicenceEnd_WhereASwitchOnOrAfterItDoesNotCount_AndALaterRecallIsNotAnEvent()
    {
        // Licence 1 Jan to 1 Jul 2025 (181 days); referred 1 Mar (day 59); a recall on 1 Aug is after the licence ended.
        Assert.Equal([(0, 59, false, false), (59, 181, true, false)],
            Rows(Cohort.Pathway, Period("2025-01-01", "2025-07-01", "2025-08-01", referral: "2025-03-01")));
        Assert.Equal([(0, 181, false, false)], Rows(Cohort.Pathway, Period("2025-01-01", "2025-07-01", null, referral: "2025-07-01")));
    }

    [Fact]
    public void TheOtherComparisons_SwitchOnTheTrainingDayAndTheCarePlanDay_AndReleaseAfterTheStartIsKnownAtRelease()
    {
        // Offender manager trained 1 Jun 2025, day 151 of a licence ending day 181; trained before release: one row.
        Assert.Equal([(0, 151, false, false), (151, 181, true, false)],
            Rows(Cohort.TrainedOffenderManager, Period("2025-01-01", "2025-07-01", null, trained: "2025-06-01")));
        Assert.Equal([(0, 184, true, true)], Rows(Cohort.TrainedOffenderManager, Period("2025-03-01", "2026-03-01", "2025-09-01", trained: "2024-12-01")));
        // Care plan countersigned 10 Aug 2024 (day 40), followed to today; a plan after the recall does not count.
        Assert.Equal([(0, 40, false, false), (40, 549, true, false)], Rows(Cohort.CarePlan, Period("2024-07-01", "2027-01-01", null, carePlan: "2024-08-10")));
        Assert.Equal([(0, 120, false, true)], Rows(Cohort.CarePlan, Period("2024-01-01", "2026-01-01", "2024-04-30", carePlan: "2025-01-01")));
        // Released before or after 1 Jan 2025: one row each, whatever happened later.
        Assert.Equal([(0, 90, true, true), (0, 120, false, true)],
            Rows(Cohort.ServiceStart, Period("2025-01-01", "2026-06-30", "2025-04-01", referral: "2025-02-01"), Period("2024-01-01", "2026-01-01", "2024-04-30")));
    }

    [Fact]
    public void APeriodWithNoFollowUp_HasNoRows_AndFutureReleasesAreLeftOut()
    {
        Assert.Empty(Rows(Cohort.Pathway, Period("2026-01-01", "2027-01-01", null, referral: "2025-12-01")));
        Assert.Empty(Rows(Cohort.Pathway, Period("2025-06-01", "2026-06-01", "2025-06-01")));
        Assert.Empty(Rows(Cohort.Pathway, Period("2026-02-01", "2027-02-01", null)));
    }

    /// <summary>
    /// Eighty periods with covariates that vary and recalls from a seeded generator; with <paramref name="repeats"/>, the
    /// first that many people each have a second period (a later release of the same case). Every third person has a
    /// recall from before 2023 on a licence outside the data.
    /// </summary>
    private static (List<LicencePeriod> Licences, List<(Guid, DateOnly)> Recalls) Cohort80(int repeats)
    {
        var random = new Random(20261207);
        var people = Enumerable.Range(0, 80 - repeats).Select(_ => Guid.NewGuid()).ToList();
        var result = new List<LicencePeriod>();
        for (var i = 0; i < 80; i++)
        {
            var release = new DateOnly(2023, 1, 1).AddDays(i * 7);
            var caseId = i >= 80 - repeats ? people[i - (80 - repeats)] : people[i];
            DateOnly? recall = random.NextDouble() < 0.55 ? release.AddDays(5 + random.Next(360)) : null;
            DateOnly? referral = (i % 3) switch { 0 => release.AddDays(-10), 1 => release.AddDays(15 + random.Next(120)), _ => null };
            result.Add(new LicencePeriod(Guid.NewGuid(), caseId, release, release.AddDays(400), recall, new DateOnly(1970 + i % 29, 1 + i % 12, 10),
                i % 5 == 0 ? Gender.Female : Gender.Male, 0.1 + (i % 9) * 0.08, (RoshLevel)(i % 4), referral, null, null));
        }
        var recalls = result.Where(l => l.RecallDate is not null).Select(l => (l.CaseId, l.RecallDate!.Value))
            .Concat(people.Where((_, i) => i % 3 == 1).Select(id => (id, new DateOnly(2021, 6, 1)))).ToList();
        return (result, recalls);
    }

    [Fact]
    public void RobustStandardErrors_AreGivenExactlyWhenSomePersonHasTwoPeriods()
    {
        var (licences, recalls) = Cohort80(repeats: 0);
        var single = Outcomes.Build(licences, Cohort.Pathway, Today, ServiceStart, recalls);
        Assert.Equal(80, single.TimeVaryingCox.People);
        foreach (var model in new[] { single.TimeVaryingCox, single.LandmarkCox! })
        {
            Assert.False(model.Clustered);
            Assert.Equal(model.Periods, model.People);
            var fit = model.Fit.Value ?? throw new Xunit.Sdk.XunitException(model.Fit.Failure);
            Assert.Null(fit.Clusters);
            Assert.All(fit.Coefficients, c => Assert.Null(c.RobustStdErr));
        }

        (licences, recalls) = Cohort80(repeats: 12);
        var repeated = Outcomes.Build(licences, Cohort.Pathway, Today, ServiceStart, recalls);
        var tv = repeated.TimeVaryingCox;
        Assert.True(tv.Clustered);
        Assert.True(tv.TimeVarying);
        Assert.Equal((80, 68), (tv.Periods, tv.People));
        var clustered = tv.Fit.Value ?? throw new Xunit.Sdk.XunitException(tv.Fit.Failure);
        Assert.Equal(68, clustered.Clusters);
        Assert.True(clustered.Counting);
        // One row per period, and a second for each referral inside follow-up; one event per recalled period.
        var periods = Outcomes.PrepareFromRelease(licences, Cohort.Pathway, Today, ServiceStart, recalls);
        Assert.Equal(AdjustedModel.TimeVaryingRows(periods, Cohort.Pathway, ServiceStart).Count, clustered.N);
        Assert.Equal(periods.Count(p => p.Recalled), clustered.Events);
        // The CI and p use the robust standard error.
        var z = Distributions.NormalQuantile(0.975);
        Assert.All(clustered.Coefficients, c =>
        {
            var se = Assert.NotNull(c.RobustStdErr);
            Assert.Equal(Math.Exp(c.Coef - z * se), c.Lower, 12);
            Assert.Equal(Distributions.NormalTwoSided(c.Coef / se), c.P, 12);
        });
        Assert.True(repeated.LandmarkCox!.Clustered || repeated.LandmarkCox.Periods == repeated.LandmarkCox.People);
        Assert.Equal(repeated.LandmarkCox.Clustered, repeated.LandmarkCox.Fit.Value!.Coefficients[0].RobustStdErr is not null);
    }

    [Fact]
    public void WithEveryoneInTheirGroupFromRelease_TheTimeVaryingModelIsTheOrdinaryOne()
    {
        // No switch inside follow-up: (0, t] rows give the right-censored model's coefficients and naive SEs.
        var (all, recalls) = Cohort80(0);
        var licences = all.Select(l => l with { FirstReferral = l.FirstReferral is { } d && d > l.ReleaseDate ? null : l.FirstReferral }).ToList();
        var periods = Outcomes.PrepareFromRelease(licences, Cohort.Pathway, Today, ServiceStart, recalls);
        var tv = AdjustedModel.TimeVarying(periods, Cohort.Pathway, ServiceStart, "On the pathway", CoxTies.Efron).Fit.Value!;
        var plain = AdjustedModel.Landmark(periods, "On the pathway", CoxTies.Efron).Fit.Value!;
        Assert.True(tv.Counting);
        Assert.False(plain.Counting);
        for (var k = 0; k < tv.Coefficients.Count; k++)
        {
            Assert.Equal(plain.Coefficients[k].Coef, tv.Coefficients[k].Coef, 9);
            Assert.Equal(plain.Coefficients[k].StdErr, tv.Coefficients[k].StdErr, 9);
        }
    }
}
