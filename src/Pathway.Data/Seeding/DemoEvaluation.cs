using Pathway.Data.Entities;
using Pathway.Domain.Licences;

namespace Pathway.Data.Seeding;

/// <summary>
/// What the demo evaluation needs beyond the cases themselves: an OGRS3 score for everyone (so the adjusted Cox model has
/// it), an earlier licence period for most people, released before the service started and recalled more often than
/// today's licences (so previous recalls vary and the before-and-after comparison has two sides), and some Southbridge
/// cases allocated to an offender manager who has not done the DBT-based training. Everything is invented; it uses its
/// own <see cref="Random"/>, so the people the demo makes do not change.
/// </summary>
public static class DemoEvaluation
{
    private static readonly string[] Reasons =
    [
        "Failed to keep in touch", "Failed to reside at approved address", "Non-compliance with licence conditions", "Further charge",
        "Drug or alcohol use linked to risk",
    ];

    /// <summary>Every sixth case from the sixth on (all Southbridge's) goes to the untrained offender manager.</summary>
    public static void AllocateUntrained(IReadOnlyList<CaseRecord> cases, Guid untrainedOffenderManagerId)
    {
        for (var i = 5; i < cases.Count; i += 6) cases[i].OffenderManagerId = untrainedOffenderManagerId;
    }

    /// <summary>Earlier licence periods (some recalled), before the cases are added to the context.</summary>
    internal static void AddHistory(IReadOnlyList<CaseRecord> cases, Personas.DemoStory story)
    {
        var rng = new Random(20261129);
        foreach (var c in cases)
            if (rng.NextDouble() < 0.7) AddEarlierLicence(rng, c, story.Today, story.Now);
    }

    /// <summary>
    /// An OGRS3 score for each case that has none yet, dated shortly before the latest release: a covariate measured
    /// before follow-up starts.
    /// </summary>
    public static void AddScores(PathwayDbContext db, IReadOnlyList<CaseRecord> cases, Guid psychologistId, DateOnly today)
    {
        var rng = new Random(20261130);
        var scored = db.Ogrs3Scores.Local.Select(s => s.CaseId).ToHashSet();
        foreach (var c in cases)
            if (!scored.Contains(c.Id) && SyntheticOgrs3.Score(rng, c, psychologistId, today) is { } score) db.Ogrs3Scores.Add(score);
    }

    private static void AddEarlierLicence(Random rng, CaseRecord c, DateOnly today, DateTimeOffset now)
    {
        var earliest = c.Licences.Count == 0 ? today : c.Licences.Min(l => l.ReleaseDate);
        var months = rng.Next(0, 3) switch { 0 => 6, 1 => 9, _ => 12 };
        var led = earliest.AddDays(-rng.Next(30, 180));
        var release = DemoTime.Weekday(led.AddMonths(-months));
        // Only within the evaluation page's default three years, and never before the person was an adult.
        if (release < today.AddYears(-3).AddDays(30) || release < c.DateOfBirth.AddYears(18)) return;
        var licence = new Licence
        {
            CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = months * 2, IndexOffence = "Assault occasioning actual bodily harm",
            ReleaseDate = release, LicenceExpiryDate = led, SentenceExpiryDate = led, StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
            CreatedAt = DemoTime.Working(release.AddDays(-3)),
        };
        // Before the service, about half of these licences ended in recall, most within the first months.
        if (rng.NextDouble() < 0.5)
        {
            var days = led.DayNumber - release.DayNumber;
            var recallDate = release.AddDays(Math.Min(days - 1, 7 + (int)(-Math.Log(1 - rng.NextDouble()) * 120)));
            licence.Recalls.Add(new Recall
            {
                LicenceId = licence.Id, CaseId = c.Id, RecallDate = recallDate, Type = RecallType.Standard, Reason = Reasons[rng.Next(Reasons.Length)],
                ReturnToCustodyDate = recallDate.AddDays(rng.Next(0, 5)), CreatedAt = DemoTime.Working(recallDate),
            });
        }
        c.Licences.Add(licence);
    }
}
