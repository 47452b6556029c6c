using System.Globalization;
using Pathway.Domain.Disclosure;
using Pathway.Web.Infrastructure.Forms;
using EvaluationOutcomes = Pathway.Domain.Evaluation.Outcomes;

namespace Pathway.Web.Features.Evaluation.Pack;

/// <summary>
/// The pack's "Method notes": how each figure is made and what it cannot show, in plain words for commissioners. Kept
/// beside the computations they describe (<see cref="EvaluationOutcomes"/>, the statistics library, <see cref="SmallCellSuppression"/>):
/// change one, change the other.
/// </summary>
public static class PackMethodNotes
{
    public static IEnumerable<(string Heading, string Text)> For(PackData d, DisclosurePolicy policy)
    {
        yield return ("Source", $"Pathway's own case records: licences, recalls, referrals, risk scores, contacts, signposting referrals and training records, read on {Display.Date(d.ProducedOn)}. " +
            "Figures can change as records are added or corrected, so a pack produced later for the same quarter may differ.");
        yield return ("Licence period", $"Each licence released in the window is one period. It starts on the release date and ends at the earliest of the first recall on that licence " +
            $"(the event), the end of the licence (the end of top-up supervision where there is one) and {Display.Date(d.AsAt)}, the day the figures are taken " +
            "(both censored: the person had not been recalled by then). A person released twice in the window counts twice; \"people on licence\" counts these periods.");
        yield return ("Person-months and the recall rate", $"Person-months are the days in all periods divided by {EvaluationOutcomes.DaysPerMonth.ToString("0.####", CultureInfo.InvariantCulture)} " +
            "(365.25 / 12). The recall rate is recalls ÷ person-months × 100. The shares recalled within 6 and 12 months are 1 − S(t) from the Kaplan–Meier curve, " +
            "so people still on licence count for the time they have been followed.");
        yield return ("Kaplan–Meier curves", "The product-limit estimate S(t) of the share not yet recalled t months after release, with Greenwood's standard error. " +
            "The 95% confidence interval is computed on the log scale, exp(log S(t) ± 1.96 × se), capped at 1 — the default of R's survival package (survfit, conf.type = \"log\"), " +
            "which Pathway's statistics are tested against. Ticks on a curve mark censored periods; the row under each chart is the number still followed (at risk) at each time.");
        yield return ("Log-rank test", "Compares the recalls observed in each group with those expected if all groups had the same hazard of recall at every time; " +
            "the statistic is χ² with (groups − 1) degrees of freedom (as R's survdiff). It tests whether the curves differ, not by how much, and it does not adjust for differences between the people in each group.");
        yield return ("Cox proportional hazards model", "Time to recall modelled by Newton–Raphson partial likelihood with Efron's method for tied recall times (R's coxph default). " +
            $"Covariates: {string.Join(", ", EvaluationOutcomes.CoxCovariates)}, and whether the period is on the pathway. " +
            "OGRS3 (the latest one-year score held, in per cent) is included only when at least half the periods have a score, and the model then uses those periods only. " +
            "The model follows every licence period from release, split into (start, stop] intervals: being on the pathway counts from the day of the first referral, " +
            "the time before it counts as not on the pathway, and a referral on the day of the recall does not count, so no time is credited to the pathway before it began (as R's coxph(Surv(start, stop, event) ~ …)). " +
            "One person can have several licence periods, which are not independent: when anyone has more than one, the confidence intervals and p use robust (sandwich) standard errors clustered on the person " +
            "(R's cluster = id), and the model's overall test is the robust Wald test. " +
            $"As a sensitivity analysis, the same model is fitted at the landmark used for the rates and curves ({EvaluationOutcomes.LandmarkDays} days after release: only periods still running then, in the group they were in that day); " +
            "if the two disagree, the answer depends on how the time before a referral is treated. " +
            "The hazard ratio for a covariate compares otherwise similar people; it assumes each covariate's effect is constant over time. " +
            "Where the data cannot support a model (no recalls, only one group, a covariate that does not vary, or a group in which everyone or nobody is recalled) the pack says so instead of printing numbers.");
        yield return ("Disclosure control (suppression)", $"Any count of 1 to {policy.Threshold - 1} people is hidden and printed as [c] (primary suppression); zero is shown. " +
            "Secondary suppression then hides further counts so that no hidden count can be worked out by adding or subtracting the published counts and totals of its table. " +
            "A rate, person-months figure or share is hidden whenever its group's count of people or of recalls is hidden, and an engagement share whenever its numerator or remainder is a small count. " +
            $"Curves are drawn only for groups of at least {policy.Threshold} and stop before fewer than {policy.Threshold} remain at risk; a number at risk after that point is [c]. " +
            "Observed and expected recalls are printed only when the recall counts are, and the numbers of periods and people in a model are not printed. This pack is always produced this way, whoever downloads it.");
        yield return ("Cohorts and their limits", $"On the pathway: the person had been referred to the personality-disorder pathway by {EvaluationOutcomes.LandmarkDays} days (about 3 months) after release. " +
            "A referral can come part way through a licence, and people have to stay on licence long enough to be referred, so counting the weeks before a referral as time on the pathway would favour the pathway group (immortal-time bias). " +
            "So the rates, curves and log-rank test compare the groups at that landmark (the adjusted model instead counts the pathway from the referral day; see above): only periods still running and not recalled 3 months after release are compared, each in the group it was in on that day, and time, person-months and recalls count from then. " +
            "Recalls in the first 3 months are therefore outside it (they are in the before-and-after comparison), and a referral after the landmark counts as not on the pathway. " +
            "People are referred because of concern about them, so the groups differ before the service does anything: a difference between them is not, on its own, the effect of the service. " +
            $"Before or after the service started: released before, or on or after, {Display.Date(d.ServiceStartedOn)}; known at release, so counted from release. Other changes over time (in policy, practice or the people released) also differ between these groups, " +
            "and recent releases have been followed for less time. On the evaluation page, the trained-offender-manager and care-plan comparisons use the same landmark.");
        yield return ("Engagement", "Contacts kept are attended contacts divided by attended contacts and unacceptable absences, dated within the licence periods. " +
            "Signposting uptake is the share of signposting referrals sent within the periods whose first appointment was attended. " +
            "Training coverage is the share of periods whose case's offender manager had completed the DBT-based training by the end of the period.");
        yield return ("Recall reasons and alternatives", "Recall decisions recorded in Pathway's recall workflow in the window, by team: the concern behind each recall, " +
            "and the alternatives to recall tried before each decision. One decision can record several alternatives.");
    }
}
