namespace Pathway.Domain.Training;

/// <summary>Where one person stands on one required course.</summary>
public enum CoverageStatus { Trained, InProgress, NotStarted, RefresherOverdue }

public static class Coverage
{
    public static readonly IReadOnlyList<CoverageStatus> Order = [CoverageStatus.Trained, CoverageStatus.InProgress, CoverageStatus.NotStarted, CoverageStatus.RefresherOverdue];

    public static string Name(CoverageStatus s) => s switch
    {
        CoverageStatus.Trained => "Trained",
        CoverageStatus.InProgress => "In progress",
        CoverageStatus.NotStarted => "Not started",
        _ => "Refresher overdue",
    };

    /// <summary>
    /// From the latest completion (if any) and whether an attempt is open: a completion whose refresher has fallen due is
    /// overdue even while the refresher is in progress, because the person is not currently trained.
    /// </summary>
    public static CoverageStatus StatusOf(DateOnly? lastCompletedOn, int? refresherMonths, bool attemptOpen, DateOnly today) =>
        lastCompletedOn is { } done
            ? (Refresher.IsDue(done, refresherMonths, today) ? CoverageStatus.RefresherOverdue : CoverageStatus.Trained)
            : attemptOpen ? CoverageStatus.InProgress : CoverageStatus.NotStarted;

    /// <summary>Reminders: a refresher due within <paramref name="days"/> days (or already overdue) for a completed course.</summary>
    public static bool RefresherDueSoon(DateOnly? lastCompletedOn, int? refresherMonths, DateOnly today, int days = 30) =>
        Refresher.DueOn(lastCompletedOn, refresherMonths) is { } due && due <= today.AddDays(days);
}
