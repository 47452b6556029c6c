using Pathway.Domain.Cases;
using Pathway.Domain.Statistics;

namespace Pathway.Domain.Evaluation;

/// <summary>
/// One (start, stop] row of a licence period's follow-up, in days from the period's <see cref="OutcomePeriod.Origin"/>:
/// whether the period was in the comparison's group during it, and whether it ends in the period's recall.
/// </summary>
public sealed record FollowUpInterval(OutcomePeriod Period, int StartDay, int StopDay, bool InCohort, bool Recalled);

/// <summary>
/// An adjusted Cox model of one comparison. <see cref="Periods"/> licence periods of <see cref="People"/> people are in it;
/// <see cref="IncludesOgrs3"/> says whether OGRS3 is a covariate (it is when at least half the periods have a score, and
/// the model then uses those periods only). <see cref="Clustered"/>: some person has more than one period in the model,
/// so the fit's standard errors, CIs and p are robust ones clustered on the person (<see cref="CoxCoefficient.RobustStdErr"/>).
/// <see cref="TimeVarying"/>: the group indicator switches on the day it became true, with rows as (start, stop] intervals.
/// </summary>
public sealed record CoxAnalysis(StatisticsResult<CoxFit> Fit, int Periods, int People, bool IncludesOgrs3, bool Clustered, bool TimeVarying);

/// <summary>
/// The adjusted Cox models of the evaluation (DOMAIN.md §9): age at release, sex, OGRS3, RoSH and previous recalls, and
/// whether the period is in the comparison's group. The primary model follows every period from release and lets the
/// group switch on the day it began (<see cref="Intervals"/>); the landmark model, a sensitivity analysis, judges the
/// group at the landmark and follows from there. Both use robust standard errors clustered on the person whenever a
/// person has more than one period in the model, as R's <c>coxph(..., cluster = id)</c>.
/// </summary>
public static class AdjustedModel
{
    /// <summary>
    /// The day <paramref name="l"/> entered <paramref name="cohort"/>'s group: the referral, the offender manager's training
    /// or the care plan's countersignature; for release after the service started, the release itself (known at release).
    /// Null when it has not happened.
    /// </summary>
    public static DateOnly? SwitchOn(LicencePeriod l, Cohort cohort, DateOnly serviceStartedOn) => cohort == Cohort.ServiceStart
        ? (l.ReleaseDate >= serviceStartedOn ? l.ReleaseDate : null)
        : Outcomes.JoinedOn(l, cohort);

    /// <summary>
    /// A period's follow-up as (start, stop] rows in days from its origin. A switch on or before the origin: one row in the
    /// group. A switch strictly inside follow-up: (0, s] out of the group and not recalled, then (s, end] in it with the
    /// period's recall. Otherwise (never, or on or after the last day followed) one row out of the group: a switch on the
    /// recall day counts as not yet switched, so no time before it is credited to the group (no immortal time). A period
    /// with no follow-up (recalled or ended on the day it began) has no time at risk and gives no rows.
    /// </summary>
    public static IReadOnlyList<FollowUpInterval> Intervals(OutcomePeriod p, DateOnly? switchOn)
    {
        if (p.Days <= 0) return [];
        if (switchOn is not { } s || s >= p.End) return [new(p, 0, p.Days, false, p.Recalled)];
        if (s <= p.Origin) return [new(p, 0, p.Days, true, p.Recalled)];
        var day = s.DayNumber - p.Origin.DayNumber;
        return [new(p, 0, day, false, false), new(p, day, p.Days, true, p.Recalled)];
    }

    /// <summary>
    /// Every period followed from release (<paramref name="fromRelease"/>, from <see cref="Outcomes.PrepareFromRelease"/>),
    /// split where the group switches on.
    /// </summary>
    public static IReadOnlyList<FollowUpInterval> TimeVaryingRows(IEnumerable<OutcomePeriod> fromRelease, Cohort cohort, DateOnly serviceStartedOn) =>
        fromRelease.SelectMany(p => Intervals(p, SwitchOn(p.Licence, cohort, serviceStartedOn))).ToList();

    /// <summary>The primary model: every period from release, the group switching on the day it began.</summary>
    public static CoxAnalysis TimeVarying(IReadOnlyList<OutcomePeriod> fromRelease, Cohort cohort, DateOnly serviceStartedOn, string groupName, CoxTies ties) =>
        Fit(TimeVaryingRows(fromRelease, cohort, serviceStartedOn), groupName, ties, timeVarying: true);

    /// <summary>The sensitivity analysis: periods still followed at the landmark, in the group they were in that day, from it.</summary>
    public static CoxAnalysis Landmark(IReadOnlyList<OutcomePeriod> atLandmark, string groupName, CoxTies ties) =>
        Fit(atLandmark.Where(p => p.Days > 0).Select(p => new FollowUpInterval(p, 0, p.Days, p.InCohort, p.Recalled)).ToList(), groupName, ties, timeVarying: false);

    private static CoxAnalysis Fit(IReadOnlyList<FollowUpInterval> rows, string groupName, CoxTies ties, bool timeVarying)
    {
        // OGRS3 is in the model when at least half the periods have a score (complete cases); otherwise it is left out
        // and the model uses every period, rather than fitting on a handful.
        var periods = rows.Select(r => r.Period).Distinct<OutcomePeriod>(ReferenceEqualityComparer.Instance).ToList();
        var scored = periods.Count(p => p.Licence.Ogrs3 is not null);
        var withOgrs3 = scored > 0 && scored * 2 >= periods.Count;
        var modelled = withOgrs3 ? rows.Where(r => r.Period.Licence.Ogrs3 is not null).ToList() : rows;
        var periodCount = withOgrs3 ? scored : periods.Count;
        var people = modelled.Select(r => r.Period.Licence.CaseId).Distinct().Count();
        var clustered = periodCount > people;

        var columns = new List<double[]>
        {
            modelled.Select(r => (double)r.Period.AgeAtRelease).ToArray(),
            modelled.Select(r => r.Period.Licence.Gender == Gender.Male ? 1.0 : 0.0).ToArray(),
        };
        if (withOgrs3) columns.Add(modelled.Select(r => r.Period.Licence.Ogrs3!.Value * 100).ToArray());
        columns.Add(modelled.Select(r => (double)(int)r.Period.Licence.Rosh).ToArray());
        columns.Add(modelled.Select(r => (double)r.Period.PreviousRecalls).ToArray());
        columns.Add(modelled.Select(r => r.InCohort ? 1.0 : 0.0).ToArray());
        var names = Outcomes.CoxCovariates.Where(n => withOgrs3 || n != Outcomes.Ogrs3Covariate).Append(groupName).ToList();
        var fit = modelled.Count == 0
            ? StatisticsResult<CoxFit>.Failed("there are no licence periods to model")
            : CoxModel.Fit(modelled.Select(r => r.StopDay / Outcomes.DaysPerMonth).ToArray(), modelled.Select(r => r.Recalled).ToArray(), columns, names,
                ties: ties,
                start: timeVarying ? modelled.Select(r => r.StartDay / Outcomes.DaysPerMonth).ToArray() : null,
                cluster: clustered ? modelled.Select(r => r.Period.Licence.CaseId.ToString()).ToArray() : null);
        return new CoxAnalysis(fit, periodCount, people, withOgrs3, clustered, timeVarying);
    }
}
