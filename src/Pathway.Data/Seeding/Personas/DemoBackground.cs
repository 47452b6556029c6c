using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Seeding.Personas;

/// <summary>
/// The rest of the caseload, around the named personas: each person's referral (if any) follows from where they stand
/// with their licence today. Someone recalled and still in custody had their referral withdrawn when they were recalled;
/// someone whose licence has ended had it withdrawn then; everyone else on licence is at an early stage of the
/// pathway, referred around their release (from custody, or in the first weeks out) or, if newly referred, waiting
/// in the queue. Weekly contacts are kept only while the person is on licence in the community.
/// </summary>
internal static class DemoBackground
{
    private static readonly PathwayStage[] OpenStages =
    [
        PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Screening, PathwayStage.Consultation, PathwayStage.NotSuitable,
        PathwayStage.Assessment, PathwayStage.Consultation,
    ];

    public static void Write(DemoStory s, CaseRecord c, int index, bool referred, Random rng)
    {
        s.WeeklyContacts(c, rng);
        if (!referred) return;
        var latest = c.Licences.MaxBy(l => l.ReleaseDate)!;
        var release = s.Today.DayNumber - latest.ReleaseDate.DayNumber;
        var standing = DemoTime.Standing(c, s.Today);
        switch (standing.Status)
        {
            case LicenceStatus.Recalled:
            {
                var recall = latest.Recalls.Where(r => r.ReReleaseDate is null).MaxBy(r => r.RecallDate)!;
                var recalled = s.Today.DayNumber - recall.RecallDate.DayNumber;
                var referredAgo = Math.Min(release + 30, recalled + rng.Next(40, 200));
                var consulted = Math.Max(recalled + 1, referredAgo - rng.Next(7, 21));
                s.Refer(c, rng, PathwayStage.Withdrawn, [referredAgo, Math.Min(consulted, referredAgo - 1), Math.Max(1, recalled - 2)], "Recalled to custody.");
                break;
            }
            case LicenceStatus.LicenceEnded or LicenceStatus.TopUpSupervisionOnly:
            {
                var ended = s.Today.DayNumber - latest.LicenceExpiryDate.DayNumber - 1;
                var referredAgo = Math.Min(release + 30, ended + rng.Next(60, 300));
                var consulted = Math.Max(ended + 1, referredAgo - rng.Next(7, 21));
                s.Refer(c, rng, PathwayStage.Withdrawn, [referredAgo, Math.Min(consulted, referredAgo - 1), Math.Max(1, ended)],
                    standing.Status == LicenceStatus.TopUpSupervisionOnly ? "Licence ended; top-up supervision continues with probation." : "Licence ended.");
                break;
            }
            default:
            {
                var stage = OpenStages[index % OpenStages.Length];
                if (stage == PathwayStage.Referred)
                {
                    s.Refer(c, rng, stage, [rng.Next(2, 20)]);
                    break;
                }
                // Some were referred during an earlier licence, recalled on it while on the pathway and re-released
                // onto this one: the evaluation follows both periods on the pathway, one ending in recall.
                var earlier = stage != PathwayStage.NotSuitable && (index % 2 == 0 || c.Gender != Domain.Cases.Gender.Male) && release < 530
                    ? EarlierPathwayLicence(c, latest, rng) : null;
                var path = stage == PathwayStage.NotSuitable
                    ? new[] { PathwayStage.Referred, PathwayStage.Consultation, PathwayStage.Screening, PathwayStage.NotSuitable }
                    : PathwayStages.Route.TakeWhile(x => x <= stage).ToArray();
                // Referred around release: from custody up to six weeks before, or in the first ten weeks out.
                var around = earlier is null ? release : s.Today.DayNumber - earlier.ReleaseDate.DayNumber;
                var referredAgo = Math.Clamp(around - rng.Next(-40, 60), 25 * path.Length, 1000);
                // Consultation starts within weeks of the referral and goes on; screening and assessment, where
                // reached, are recent, so nobody sits for a year in a stage that has a record to show for it.
                var days = new int[path.Length];
                days[0] = referredAgo;
                days[1] = referredAgo - rng.Next(7, 21);
                var last = stage == PathwayStage.NotSuitable ? days[1] - rng.Next(10, 30) : rng.Next(5, 45);
                for (var i = 2; i < path.Length; i++)
                    days[i] = Math.Max(path.Length - i, Math.Min(days[i - 1] - 1, i == path.Length - 1 ? last : last + (days[1] - last) * (path.Length - 1 - i) / (path.Length - 2)));
                s.Refer(c, rng, stage, days);
                if (path.Contains(PathwayStage.Screening)) s.Screenings.Add((c, s.At(days[Array.IndexOf(path, PathwayStage.Screening)], 3)));
                break;
            }
        }
    }

    /// <summary>
    /// A licence released 11 to 17 months before <paramref name="current"/>, recalled 100 days or more after release
    /// (so after the evaluation's three-month landmark) and at least two months before the current release.
    /// </summary>
    private static Licence EarlierPathwayLicence(CaseRecord c, Licence current, Random rng)
    {
        var gap = rng.Next(330, 520);
        var release = DemoTime.Weekday(current.ReleaseDate.AddDays(-gap));
        c.Licences.RemoveAll(l => l != current && (l.TopUpSupervisionEndDate ?? l.LicenceExpiryDate) >= release.AddDays(-30));
        var led = release.AddMonths(18);
        var recallDate = release.AddDays(rng.Next(100, gap - 60));
        var licence = new Licence
        {
            CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 36, IndexOffence = current.IndexOffence,
            ReleaseDate = release, LicenceExpiryDate = led, SentenceExpiryDate = led, StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
        };
        licence.Recalls.Add(new Recall
        {
            LicenceId = licence.Id, CaseId = c.Id, RecallDate = recallDate, ReturnToCustodyDate = recallDate.AddDays(rng.Next(0, 4)),
            Type = RecallType.Standard, Reason = rng.NextDouble() < 0.5 ? "Failed to keep in touch" : "Non-compliance with licence conditions",
            CreatedAt = DemoTime.Working(recallDate), UpdatedAt = DemoTime.Working(recallDate),
        });
        c.Licences.Add(licence);
        return licence;
    }
}
