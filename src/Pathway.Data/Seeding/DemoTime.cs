using Pathway.Data.Entities;
using Pathway.Domain.Licences;

namespace Pathway.Data.Seeding;

/// <summary>
/// Times and days for the demo's story. Staff record things in working hours on working days, at times that differ
/// from record to record, so a seeded time never gives away the moment the seed ran. Every day is relative to the
/// seed's own clock, so the demo stays true whenever it is seeded.
/// </summary>
public static class DemoTime
{
    /// <summary>Earliest and latest hours (UTC) at which the demo's staff record anything.</summary>
    public const int FirstHour = 8, LastHour = 18;

    /// <summary>A time between 08:30 and 17:29 on <paramref name="day"/>, varied by the day and by <paramref name="record"/>.</summary>
    public static DateTimeOffset Working(DateOnly day, int record = 0)
    {
        var minutes = 8 * 60 + 30 + (int)((uint)(day.DayNumber * 7919 + record * 104_729 + 13) % (9 * 60));
        return At(day, minutes / 60, minutes % 60);
    }

    public static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    /// <summary>The day itself, or the Friday before when it falls at a weekend.</summary>
    public static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    /// <summary>Where the person stands with their licence on <paramref name="day"/>, from every licence period and its recalls.</summary>
    public static LicenceOnDate Standing(CaseRecord c, DateOnly day) => LicenceStanding.On(
        c.Licences.Select(l => new Domain.Licences.LicencePeriod(l.Id,
            new LicenceDates(l.ReleaseDate, l.LicenceExpiryDate, l.SentenceExpiryDate, l.TopUpSupervisionEndDate),
            l.Recalls.Select(r => (r.RecallDate, r.ReReleaseDate)).ToList())).ToList(), day);

    /// <summary>On licence in the community on <paramref name="day"/>: released, not recalled, licence not ended.</summary>
    public static bool OnLicence(CaseRecord c, DateOnly day) => Standing(c, day).Status == LicenceStatus.OnLicence;
}
