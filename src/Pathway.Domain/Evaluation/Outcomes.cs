using Pathway.Domain.Cases;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Statistics;

namespace Pathway.Domain.Evaluation;

/// <summary>
/// The comparisons the evaluation offers: each splits licence periods into two groups. Release before or after the
/// service started is known on the day of release. The other three can begin part-way through a licence: the adjusted
/// model lets them switch on the day they began (<see cref="AdjustedModel.Intervals"/>), while the rates, curves and the
/// model's sensitivity analysis judge them at a landmark (<see cref="Outcomes.LandmarkDays"/> after release; see
/// <see cref="Outcomes.Prepare"/>).
/// </summary>
public enum Cohort
{
    /// <summary>Referred to the PD pathway by the landmark, or not.</summary>
    Pathway,
    /// <summary>Released on or after the day the service started, or before it.</summary>
    ServiceStart,
    /// <summary>The case's allocated offender manager had completed the DBT-based training by the landmark, or not (or none allocated).</summary>
    TrainedOffenderManager,
    /// <summary>The case had a countersigned (active) care plan by the landmark, or not.</summary>
    CarePlan,
}

/// <summary>
/// What the evaluation needs to know about one licence: when it began and ended, the first recall on it, the person's
/// characteristics at release and the facts that put it in a cohort. <see cref="Ogrs3"/> is the one-year OGRS3 probability
/// (as a fraction) of the latest score held for the case, or null; <see cref="FirstReferral"/> the day of the case's first
/// referral to the pathway; <see cref="OffenderManagerTrainedOn"/> the day the allocated offender manager completed every
/// course their group requires (refresher lapses are not counted); <see cref="CarePlanFrom"/> the day the case's first care
/// plan was countersigned. Each is null when it has not happened.
/// </summary>
public sealed record LicencePeriod(
    Guid LicenceId,
    Guid CaseId,
    DateOnly ReleaseDate,
    DateOnly LicenceEnd,
    DateOnly? RecallDate,
    DateOnly DateOfBirth,
    Gender Gender,
    double? Ogrs3,
    RoshLevel Rosh,
    DateOnly? FirstReferral,
    DateOnly? OffenderManagerTrainedOn,
    DateOnly? CarePlanFrom);

/// <summary>
/// One licence period ready for analysis. It is followed from <see cref="Origin"/> (release, or the landmark for a
/// comparison judged there) to the earliest of the first recall, the end of the licence and today; it ends in an event
/// only when the recall came first (otherwise it is censored). <see cref="Days"/> counts from the origin. Months are
/// <see cref="Outcomes.DaysPerMonth"/> days.
/// </summary>
public sealed record OutcomePeriod(
    LicencePeriod Licence,
    DateOnly Origin,
    DateOnly End,
    bool Recalled,
    int Days,
    int AgeAtRelease,
    int PreviousRecalls,
    bool InCohort)
{
    public double Months => Days / Outcomes.DaysPerMonth;
}

/// <summary>The headline figures for one group: periods, recalls, time at risk and the rates derived from them.</summary>
/// <param name="RatePer100PersonMonths">Recalls per 100 person-months on licence; null when there is no time at risk.</param>
/// <param name="RecalledWithin6Months">1 − S(6 months) from the Kaplan–Meier curve; null when nobody was followed that long.</param>
public sealed record OutcomeMeasures(
    string Group,
    int People,
    int Recalls,
    double PersonMonths,
    double? RatePer100PersonMonths,
    double? RecalledWithin6Months,
    double? RecalledWithin12Months);

/// <summary>
/// Everything the evaluation page shows for one comparison: measures per group and overall, Kaplan–Meier curves (time in
/// months) and the log-rank test, all from <see cref="Periods"/> (followed from the landmark for a landmark comparison),
/// and two adjusted Cox models (<see cref="AdjustedModel"/>). <see cref="TimeVaryingCox"/>, the primary one, follows every
/// period from release with the group switching on the day it began; <see cref="LandmarkCox"/>, the sensitivity analysis,
/// judges the group at the landmark (null for a comparison known at release, where there is no landmark). A model the
/// data cannot support carries the library's reason.
/// </summary>
public sealed record OutcomeReport(
    Cohort Cohort,
    IReadOnlyList<OutcomePeriod> Periods,
    IReadOnlyList<OutcomeMeasures> Groups,
    OutcomeMeasures Overall,
    IReadOnlyList<KaplanMeierCurve> Curves,
    StatisticsResult<LogRankResult> LogRank,
    CoxAnalysis TimeVaryingCox,
    CoxAnalysis? LandmarkCox)
{
    /// <summary>
    /// People and recalls per group as a table of counts (columns Recalled / Not recalled, totals = people) under the
    /// given disclosure policy, so a small group or a small number of recalls is hidden along with whatever would reveal it.
    /// </summary>
    public SuppressedTable CountTable(DisclosurePolicy policy)
    {
        var counts = new int[Groups.Count, 2];
        for (var i = 0; i < Groups.Count; i++)
        {
            counts[i, 0] = Groups[i].Recalls;
            counts[i, 1] = Groups[i].People - Groups[i].Recalls;
        }
        return SmallCellSuppression.Apply(Groups.Select(g => g.Group).ToList(), ["Recalled", "Not recalled"], counts, policy);
    }

    /// <summary>
    /// The measures as a reader may see them: where the group's people or recalls are hidden by <paramref name="policy"/>,
    /// so are the rate and the shares (they would give the hidden count away). Row <see cref="Groups"/>.Count is "All".
    /// </summary>
    public IReadOnlyList<PublishedMeasures> Publish(DisclosurePolicy policy)
    {
        var t = CountTable(policy);
        var rows = new List<PublishedMeasures>();
        for (var i = 0; i <= Groups.Count; i++)
        {
            var m = i < Groups.Count ? Groups[i] : Overall;
            var people = t.Entry(i, 2).Published;
            var recalls = t.Entry(i, 0).Published;
            var open = people is not null && recalls is not null;
            rows.Add(new PublishedMeasures(i < Groups.Count ? m.Group : "All", people, recalls,
                open ? m.PersonMonths : null, open ? m.RatePer100PersonMonths : null,
                open ? m.RecalledWithin6Months : null, open ? m.RecalledWithin12Months : null));
        }
        return rows;
    }

    /// <summary>
    /// Curves a reader may see: for suppressed readers, a group with fewer than the threshold at the start is not drawn,
    /// and each curve stops before its number at risk falls under the threshold.
    /// </summary>
    public IReadOnlyList<KaplanMeierCurve> PublishedCurves(DisclosurePolicy policy) =>
        policy == DisclosurePolicy.Exact ? Curves
        : Curves.Where(c => c.N >= policy.Threshold)
            .Select(c => c with { Points = c.Points.Where(p => p.NRisk >= policy.Threshold).ToList() })
            .Where(c => c.Points.Count > 0).ToList();
}

/// <summary>Measures after disclosure control: null means hidden.</summary>
public sealed record PublishedMeasures(string Group, int? People, int? Recalls, double? PersonMonths, double? RatePer100PersonMonths,
    double? RecalledWithin6Months, double? RecalledWithin12Months);

/// <summary>
/// Outcome measures from Pathway's own licence and recall records (DOMAIN.md §9): recall rate per 100 person-months on
/// licence, the share recalled within 6 and 12 months of release (Kaplan–Meier, 1 − S(t), so censored periods count for
/// the time they were followed), time to recall by cohort with the log-rank test, and Cox models adjusted for age at
/// release, sex, OGRS3, RoSH and previous recalls (<see cref="AdjustedModel"/>). Periods released after today are left out.
/// </summary>
public static class Outcomes
{
    /// <summary>An average month: 365.25 / 12 days.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    public const string Ogrs3Covariate = "OGRS3 one-year (%)";

    public static readonly IReadOnlyList<string> CoxCovariates =
        ["Age at release (years)", "Male", Ogrs3Covariate, "RoSH (0 low – 3 very high)", "Previous recalls"];

    /// <summary>
    /// Where a comparison's grouping can start part-way through a licence (a referral, the offender manager's training, a
    /// care plan), it is judged at this many days (about three months) after release. Counting the time before, say, a
    /// referral as time "on the pathway" would credit the pathway with weeks in which the person had to stay on licence
    /// to be referred at all (immortal time); a landmark avoids that. See <see cref="Prepare"/>. The time-varying model
    /// avoids it too, without leaving out the first three months (<see cref="AdjustedModel"/>).
    /// </summary>
    public const int LandmarkDays = 91;

    /// <summary>The landmark in whole months, for labels ("landmark at 3 months").</summary>
    public static int LandmarkMonths => (int)Math.Round(LandmarkDays / DaysPerMonth);

    /// <summary>The days after release at which <paramref name="cohort"/> is judged and follow-up starts: 0 for release before or after the service started.</summary>
    public static int Landmark(Cohort cohort) => cohort == Cohort.ServiceStart ? 0 : LandmarkDays;

    /// <summary>What time counts from in a comparison, for labels: "release" or "the landmark".</summary>
    public static string TimeFrom(Cohort cohort) => Landmark(cohort) == 0 ? "release" : "3 months after release";

    /// <summary>The day a period's case entered a comparison's group when that can begin part-way through a licence (null: never, or not such a comparison).</summary>
    public static DateOnly? JoinedOn(LicencePeriod l, Cohort cohort) => cohort switch
    {
        Cohort.Pathway => l.FirstReferral,
        Cohort.TrainedOffenderManager => l.OffenderManagerTrainedOn,
        Cohort.CarePlan => l.CarePlanFrom,
        _ => null,
    };

    public static string Name(Cohort cohort) => cohort switch
    {
        Cohort.Pathway => "On the pathway or not",
        Cohort.ServiceStart => "Released before or after the service started",
        Cohort.TrainedOffenderManager => "Offender manager trained or not",
        _ => "Care plan active or not",
    };

    /// <summary>The two group labels for a cohort: (in the cohort, not in it).</summary>
    public static (string In, string Out) Groups(Cohort cohort) => cohort switch
    {
        Cohort.Pathway => ("On the pathway", "Not on the pathway"),
        Cohort.ServiceStart => ("Released after the service started", "Released before the service started"),
        Cohort.TrainedOffenderManager => ("Offender manager trained", "Offender manager not trained"),
        _ => ("Care plan active", "No active care plan"),
    };

    /// <summary>
    /// Periods with their origin, end, event, age, previous recalls and cohort. Previous recalls are the case's recalls
    /// dated before this release: from <paramref name="allRecalls"/> when given (every recall on the case's licences,
    /// including licences outside the period analysed), otherwise from the first recalls of <paramref name="licences"/>.
    /// For a landmark comparison (<see cref="Landmark"/>), only periods still on licence and not recalled at the landmark
    /// take part; the group is what was true on the landmark day, and follow-up runs from it.
    /// </summary>
    public static IReadOnlyList<OutcomePeriod> Prepare(IReadOnlyList<LicencePeriod> licences, Cohort cohort, DateOnly today, DateOnly serviceStartedOn,
        IEnumerable<(Guid CaseId, DateOnly Date)>? allRecalls = null) =>
        Prepare(licences, cohort, today, serviceStartedOn, allRecalls, Landmark(cohort));

    /// <summary>
    /// Every period followed from release, whatever the comparison, each in the group it was in on the day of release:
    /// the periods of the time-varying model (<see cref="AdjustedModel.TimeVarying"/>), which splits them where the group began.
    /// </summary>
    public static IReadOnlyList<OutcomePeriod> PrepareFromRelease(IReadOnlyList<LicencePeriod> licences, Cohort cohort, DateOnly today, DateOnly serviceStartedOn,
        IEnumerable<(Guid CaseId, DateOnly Date)>? allRecalls = null) =>
        Prepare(licences, cohort, today, serviceStartedOn, allRecalls, 0);

    private static List<OutcomePeriod> Prepare(IReadOnlyList<LicencePeriod> licences, Cohort cohort, DateOnly today, DateOnly serviceStartedOn,
        IEnumerable<(Guid CaseId, DateOnly Date)>? allRecalls, int landmark)
    {
        var recallsByCase = (allRecalls ?? licences.Where(l => l.RecallDate is not null).Select(l => (l.CaseId, l.RecallDate!.Value)))
            .ToLookup(r => r.Item1, r => r.Item2);
        var result = new List<OutcomePeriod>(licences.Count);
        foreach (var l in licences)
        {
            if (l.ReleaseDate > today) continue;
            var end = Min(l.LicenceEnd, today);
            var recalled = l.RecallDate is { } r && r >= l.ReleaseDate && r <= end;
            if (recalled) end = l.RecallDate!.Value;
            if (end < l.ReleaseDate) end = l.ReleaseDate;
            var origin = l.ReleaseDate.AddDays(landmark);
            // Recalled, finished or not yet followed by the landmark: not part of a landmark comparison.
            if (landmark > 0 && end <= origin) continue;
            var inCohort = cohort == Cohort.ServiceStart
                ? l.ReleaseDate >= serviceStartedOn
                : JoinedOn(l, cohort) is { } joined && joined <= origin;
            result.Add(new OutcomePeriod(l, origin, end, recalled, end.DayNumber - origin.DayNumber, Age(l.DateOfBirth, l.ReleaseDate),
                recallsByCase[l.CaseId].Count(d => d < l.ReleaseDate), inCohort));
        }
        return result;
    }

    public static OutcomeReport Build(IReadOnlyList<LicencePeriod> licences, Cohort cohort, DateOnly today, DateOnly serviceStartedOn,
        IEnumerable<(Guid CaseId, DateOnly Date)>? allRecalls = null, CoxTies ties = CoxTies.Efron)
    {
        var recalls = allRecalls?.ToList();
        var periods = Prepare(licences, cohort, today, serviceStartedOn, recalls);
        var (inName, outName) = Groups(cohort);
        var label = periods.Select(p => p.InCohort ? inName : outName).ToArray();
        var time = periods.Select(p => p.Months).ToArray();
        var evt = periods.Select(p => p.Recalled).ToArray();
        var curves = KaplanMeier.FitGroups(time, evt, label);
        var groups = new[] { inName, outName }
            .Select(g => Measure(g, periods.Where(p => (p.InCohort ? inName : outName) == g).ToList())).ToList();
        var logRank = LogRank.Test(time, evt, label);

        var landmark = Landmark(cohort) > 0;
        var fromRelease = landmark ? PrepareFromRelease(licences, cohort, today, serviceStartedOn, recalls) : periods;
        var timeVarying = AdjustedModel.TimeVarying(fromRelease, cohort, serviceStartedOn, inName, ties);
        var atLandmark = landmark ? AdjustedModel.Landmark(periods, inName, ties) : null;
        return new OutcomeReport(cohort, periods, groups, Measure("All", periods), curves, logRank, timeVarying, atLandmark);
    }

    /// <summary>People, recalls, person-months, the rate per 100 person-months and the 6- and 12-month shares for a set of periods.</summary>
    public static OutcomeMeasures Measure(string group, IReadOnlyList<OutcomePeriod> periods)
    {
        var recalls = periods.Count(p => p.Recalled);
        var personMonths = periods.Sum(p => p.Days) / DaysPerMonth;
        double? rate = personMonths > 0 ? recalls / personMonths * 100 : null;
        var curve = KaplanMeier.Fit(periods.Select(p => p.Months).ToArray(), periods.Select(p => p.Recalled).ToArray(), group: group);
        return new OutcomeMeasures(group, periods.Count, recalls, personMonths, rate, RecalledBy(curve, 6), RecalledBy(curve, 12));
    }

    /// <summary>1 − S(t) from a Kaplan–Meier curve; null when no period was followed to <paramref name="months"/> (unless all were recalled before it).</summary>
    public static double? RecalledBy(KaplanMeierCurve curve, double months)
    {
        if (curve.Points.Count == 0) return null;
        if (curve.Points[^1].Time < months) return curve.Points[^1].Survival == 0 ? 1 : null;
        var s = 1.0;
        foreach (var p in curve.Points)
        {
            if (p.Time > months) break;
            s = p.Survival;
        }
        return 1 - s;
    }

    public static int Age(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        if (on < born.AddYears(age)) age--;
        return age;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
