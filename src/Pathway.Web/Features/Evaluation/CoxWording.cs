using System.Globalization;
using Pathway.Domain.Evaluation;
using EvaluationOutcomes = Pathway.Domain.Evaluation.Outcomes;

namespace Pathway.Web.Features.Evaluation;

/// <summary>
/// How the page and the pack describe the adjusted models (<see cref="AdjustedModel"/>), in one place so they say the same.
/// Counts of periods and people are given only to readers who see exact figures: under disclosure control they could be
/// set against the published tables to work out a hidden count (those recalled before the landmark, or without a score).
/// </summary>
public static class CoxWording
{
    public const string Heading = "Adjusted model (Cox proportional hazards)";

    public const string HazardRatios = "Hazard ratios: above 1 means recalled sooner, below 1 later.";

    public const string Robust = "The confidence intervals and p allow for people with more than one licence period (robust standard errors clustered on the person).";

    public static string SensitivityHeading => $"Sensitivity analysis: landmark at {EvaluationOutcomes.LandmarkMonths} months";

    /// <summary>The day the group begins, as the time-varying model counts it.</summary>
    private static string? SwitchesOn(Cohort cohort) => cohort switch
    {
        Cohort.Pathway => "Being on the pathway counts from the day of the first referral",
        Cohort.TrainedOffenderManager => "Having a trained offender manager counts from the day the offender manager completed the training",
        Cohort.CarePlan => "Having an active care plan counts from the day the first care plan was countersigned",
        _ => null,
    };

    /// <summary>The primary model: followed from release, the group switching on the day it began.</summary>
    public static string TimeVarying(Cohort cohort, CoxAnalysis cox, bool exact)
    {
        var from = SwitchesOn(cohort) is { } s
            ? $"Every licence period is followed from release. {s}; the time before it counts as not in the group, and a change on the day of the recall does not count (so no time is credited to a group before it began). "
            : "Every licence period is followed from release; release before or after the service started is known that day. ";
        return from + Adjusted(cox, exact);
    }

    /// <summary>The sensitivity analysis: periods still running at the landmark, in the group they were in that day.</summary>
    public static string Landmark(CoxAnalysis cox, bool exact) =>
        $"The same model judged {EvaluationOutcomes.LandmarkDays} days (about {EvaluationOutcomes.LandmarkMonths} months) after release: only licence periods still running and not recalled then, " +
        "each in the group it was in on that day, followed from then (as the rates and curves above). " + Adjusted(cox, exact);

    private static string Adjusted(CoxAnalysis cox, bool exact)
    {
        var size = exact ? string.Create(CultureInfo.InvariantCulture, $" ({cox.Periods} licence periods of {cox.People} {(cox.People == 1 ? "person" : "people")})") : "";
        return cox.IncludesOgrs3
            ? $"Adjusted for age at release, sex, OGRS3, RoSH and previous recalls, with Efron's method for ties. Only licence periods with an OGRS3 score are in the model{size}."
            : $"Adjusted for age at release, sex, RoSH and previous recalls, with Efron's method for ties, over every licence period{size}. OGRS3 is left out: fewer than half the periods have a score.";
    }
}
