using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;

namespace Pathway.Data.Seeding;

/// <summary>
/// Recall considerations for generated people: a decided, countersigned consideration behind every recall in the licence
/// history (so the licence and the decision agree), about 2% decided not to recall, and about 1% still being
/// considered. Uses its own <see cref="Random"/>, so adding it does not change the people a seed makes.
/// </summary>
public static class SyntheticRecall
{
    private static readonly RecallConcern[] Concerns = [RecallConcern.ContactStopped, RecallConcern.ContactStopped, RecallConcern.RiskIncreased, RecallConcern.Both];

    public static int Add(PathwayDbContext db, Random rng, CaseRecord c, DateOnly today, DateTimeOffset now)
    {
        var added = 0;
        foreach (var licence in c.Licences)
        {
            foreach (var recall in licence.Recalls)
            {
                var at = new DateTimeOffset(recall.RecallDate.AddDays(-2).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
                var r = Make(rng, c, licence, at);
                r.Status = RecallConsiderationStatus.Decided;
                r.Decision = recall.Type == RecallType.Standard ? RecallDecisionKind.StandardRecall : RecallDecisionKind.FixedTermRecall;
                r.OversightRationale = "Risk could no longer be managed in the community.";
                r.DecidedAt = at.AddHours(4);
                r.CountersignedAt = at.AddHours(6);
                r.RecallId = recall.Id;
                r.FixedTermDays = recall.Type switch { RecallType.FixedTerm14Day => 14, RecallType.FixedTerm28Day => 28, RecallType.FixedTerm56Day => 56, _ => null };
                db.RecallConsiderations.Add(r);
                added++;
            }
        }
        var current = c.Licences.Where(l => l.IsCurrentOn(today)).MaxBy(l => l.ReleaseDate);
        if (current is null) return added;
        var roll = rng.NextDouble();
        if (roll < 0.03)
        {
            var r = Make(rng, c, current, now.AddDays(-rng.Next(1, 60)));
            if (roll < 0.01) r.Status = RecallConsiderationStatus.InProgress;
            else
            {
                r.Status = RecallConsiderationStatus.Decided;
                r.Decision = RecallDecisionKind.NoRecall;
                r.OversightRationale = "Agreed alternatives not yet tried; risk manageable with increased contact.";
                r.DecidedAt = r.CreatedAt.AddDays(2);
            }
            db.RecallConsiderations.Add(r);
            added++;
        }
        return added;
    }

    private static RecallConsideration Make(Random rng, CaseRecord c, Licence licence, DateTimeOffset at)
    {
        var set = StandardConditionSets.All.FirstOrDefault(s => s.Code == licence.StandardConditionSetCode) ?? StandardConditionSets.All[0];
        var keepInTouch = set.About(StandardConditionTopic.KeepInTouch)!;
        var r = new RecallConsideration
        {
            CaseId = c.Id, LicenceId = licence.Id, Concern = Concerns[rng.Next(Concerns.Length)], StartedById = c.OffenderManagerId ?? Guid.Empty,
            Circumstances = "Missed appointments and not at the approved address.", RiskSummary = "See the risk assessment.",
            BreachedConditions = [new LinkedCondition { Ref = "S:" + keepInTouch.Code, Text = $"Standard condition 3: {keepInTouch.Text}" }],
            CreatedAt = at, UpdatedAt = at, Version = 1,
        };
        // The original eight only: "none" cannot sit with others, and keeping the list keeps seeded data as it was.
        var alternatives = Enum.GetValues<AlternativeToRecall>().Where(a => a is not (AlternativeToRecall.RiskEscalation or AlternativeToRecall.None)).ToArray();
        foreach (var a in alternatives.OrderBy(_ => rng.Next()).Take(rng.Next(0, 3)))
            r.AlternativesTried.Add(new RecallAlternativeTried { Alternative = a, Outcome = (AlternativeOutcome)rng.Next(0, 4), Details = a == AlternativeToRecall.Other ? "Three-way meeting" : null });
        if (r.AlternativesTried.Count == 0) r.NoAlternativesReason = "Risk escalated too quickly";
        if (c.ReferredToServiceOn is not null) r.ConsultationNotPossibleReason = "Recorded in the consultation notes";
        return r;
    }
}
