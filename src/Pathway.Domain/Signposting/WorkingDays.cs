namespace Pathway.Domain.Signposting;

/// <summary>
/// Working days for response reminders: Monday to Friday, less the bank holidays given (a configurable list, since the
/// dates change each year).
/// </summary>
public static class WorkingDays
{
    /// <summary>A partner that has not answered a referral in this many working days is chased.</summary>
    public const int PartnerResponseDays = 10;

    public static bool IsWorkingDay(DateOnly d, IReadOnlySet<DateOnly> bankHolidays) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !bankHolidays.Contains(d);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public static DateOnly Add(DateOnly start, int days, IReadOnlySet<DateOnly> bankHolidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = start;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d, bankHolidays)) days--;
        }
        return d;
    }

    /// <summary>Whether a referral sent on <paramref name="referredOn"/> and still unanswered is overdue a response on <paramref name="today"/>.</summary>
    public static bool ResponseOverdue(DateOnly referredOn, DateOnly today, IReadOnlySet<DateOnly> bankHolidays) =>
        today >= Add(referredOn, PartnerResponseDays, bankHolidays);
}
