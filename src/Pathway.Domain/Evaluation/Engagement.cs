using Pathway.Domain.Compliance;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Signposting;

namespace Pathway.Domain.Evaluation;

/// <summary>A share with its numerator and denominator; <see cref="Rate"/> is null when the denominator is zero.</summary>
public sealed record Share(int Count, int Of)
{
    public double? Rate => Of == 0 ? null : (double)Count / Of;

    /// <summary>
    /// The rate a reader may see: exact readers always; under suppression only when neither the count nor the remainder is
    /// a small non-zero number (either would let a small group be worked out from the rate).
    /// </summary>
    public double? Published(DisclosurePolicy policy) =>
        policy == DisclosurePolicy.Exact || (!policy.IsPrimary(Count) && !policy.IsPrimary(Of - Count)) ? Rate : null;
}

/// <summary>Engagement while on licence, for one group of licence periods.</summary>
/// <param name="Compliance">Contacts kept of contacts expected (attended ÷ attended + unacceptable absences), dated within the periods.</param>
/// <param name="SignpostingUptake">Signposting referrals sent during the periods whose first appointment was attended.</param>
/// <param name="TrainedOffenderManager">Periods whose case's offender manager had completed the training by the period's end (training coverage).</param>
public sealed record EngagementMeasures(string Group, int Periods, Share Compliance, Share SignpostingUptake, Share TrainedOffenderManager);

/// <summary>
/// Compliance, signposting uptake and training coverage alongside the recall outcomes, per cohort group, counted over each
/// licence period (release to its end) with the same rules as the compliance view (<see cref="ComplianceFigures"/>) and
/// the signposting reports (<see cref="SignpostingFigures"/>).
/// </summary>
public static class Engagement
{
    public static IReadOnlyList<EngagementMeasures> Measure(OutcomeReport report, ILookup<Guid, ContactFact> contacts, ILookup<Guid, SignpostingReferralFacts> signposting)
    {
        var (inName, outName) = Outcomes.Groups(report.Cohort);
        return
        [
            Group(inName, report.Periods.Where(p => p.InCohort).ToList()),
            Group(outName, report.Periods.Where(p => !p.InCohort).ToList()),
            Group("All", report.Periods),
        ];

        EngagementMeasures Group(string name, IReadOnlyList<OutcomePeriod> periods)
        {
            int kept = 0, expected = 0, referred = 0, attended = 0;
            foreach (var p in periods)
            {
                bool During(DateOnly d) => d >= p.Licence.ReleaseDate && d <= p.End;
                foreach (var c in contacts[p.Licence.CaseId].Where(c => During(c.Date)))
                {
                    if (c.Outcome == ContactOutcome.Attended) { kept++; expected++; }
                    else if (c.Outcome == ContactOutcome.UnacceptableAbsence) expected++;
                }
                foreach (var r in signposting[p.Licence.CaseId].Where(r => SignpostingFigures.WasReferred(r) && During(r.ReferredOn!.Value)))
                {
                    referred++;
                    if (SignpostingFigures.Attended(r)) attended++;
                }
            }
            return new EngagementMeasures(name, periods.Count, new Share(kept, expected), new Share(attended, referred),
                new Share(periods.Count(p => p.Licence.OffenderManagerTrainedOn is { } t && t <= p.End), periods.Count));
        }
    }
}
