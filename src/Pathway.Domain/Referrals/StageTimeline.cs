namespace Pathway.Domain.Referrals;

/// <summary>One period at a stage: when it started, when it ended (null while current) and how long it lasted.</summary>
public sealed record StagePeriod(PathwayStage Stage, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, TimeSpan Duration)
{
    public bool IsCurrent => LeftAt is null;
}

/// <summary>Turns a referral's stage entries into periods with the time spent in each.</summary>
public static class StageTimeline
{
    /// <param name="entries">Each stage the referral entered and when, in any order.</param>
    /// <param name="now">The time a current stage is measured to. A terminal stage has no duration: the referral ended there.</param>
    public static IReadOnlyList<StagePeriod> Periods(IEnumerable<(PathwayStage Stage, DateTimeOffset EnteredAt)> entries, DateTimeOffset now)
    {
        var ordered = entries.OrderBy(e => e.EnteredAt).ToList();
        var periods = new List<StagePeriod>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (stage, entered) = ordered[i];
            DateTimeOffset? left = i + 1 < ordered.Count ? ordered[i + 1].EnteredAt : null;
            var end = left ?? (stage.IsTerminal() ? entered : now);
            periods.Add(new StagePeriod(stage, entered, left, end > entered ? end - entered : TimeSpan.Zero));
        }
        return periods;
    }

    /// <summary>Total time at each stage, adding up repeated visits (a review that went back to care plan).</summary>
    public static IReadOnlyDictionary<PathwayStage, TimeSpan> TotalByStage(IEnumerable<StagePeriod> periods) =>
        periods.GroupBy(p => p.Stage).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (t, p) => t + p.Duration));

    /// <summary>"3 days", "1 day", "less than a day", "5 weeks" (whole weeks after 8 weeks read better as weeks).</summary>
    public static string Describe(TimeSpan t)
    {
        var days = (int)Math.Floor(t.TotalDays);
        if (days < 1) return "less than a day";
        if (days < 56) return days == 1 ? "1 day" : $"{days} days";
        return $"{days / 7} weeks";
    }
}
