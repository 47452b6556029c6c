namespace Pathway.Domain.Licences;

/// <summary>Where a person stands with their licence on a given day.</summary>
public enum LicenceStatus
{
    NoLicenceRecorded,
    NotYetReleased,
    OnLicence,
    /// <summary>Recalled and not yet re-released: the licence is revoked.</summary>
    Recalled,
    /// <summary>The licence has ended; top-up supervision (CJA 2003 s.256AA) continues, and it cannot be recalled from.</summary>
    TopUpSupervisionOnly,
    LicenceEnded,
}

/// <summary>One licence period and the recalls from it, as the decision needs them.</summary>
public sealed record LicencePeriod(Guid LicenceId, LicenceDates Dates, IReadOnlyList<(DateOnly RecallDate, DateOnly? ReReleaseDate)> Recalls);

public sealed record LicenceOnDate(LicenceStatus Status, Guid? LicenceId, string Description)
{
    /// <summary>A recall is possible only while the person is on licence in the community.</summary>
    public bool CanBeRecalled => Status == LicenceStatus.OnLicence;
}

public static class LicenceStanding
{
    /// <summary>
    /// The person's licence standing on <paramref name="day"/>: the latest licence period released by then decides.
    /// Licence and top-up end dates are the last day in force.
    /// </summary>
    public static LicenceOnDate On(IReadOnlyList<LicencePeriod> periods, DateOnly day)
    {
        if (periods.Count == 0)
            return new(LicenceStatus.NoLicenceRecorded, null, "No licence is recorded for this person");
        var latest = periods.Where(p => p.Dates.ReleaseDate is { } r && r <= day).MaxBy(p => p.Dates.ReleaseDate);
        if (latest is null)
        {
            var next = periods.Where(p => p.Dates.ReleaseDate is not null).MinBy(p => p.Dates.ReleaseDate);
            return new(LicenceStatus.NotYetReleased, next?.LicenceId, next?.Dates.ReleaseDate is { } r
                ? $"Not yet released on {Day(day)}: the licence starts on {Day(r)}"
                : $"Not yet released on {Day(day)}");
        }
        var d = latest.Dates;
        var expiry = d.LicenceExpiryDate;
        if (expiry is null || day <= expiry)
        {
            var recalled = latest.Recalls.Any(x => x.RecallDate <= day && (x.ReReleaseDate is not { } rr || day < rr));
            return recalled
                ? new(LicenceStatus.Recalled, latest.LicenceId, $"Recalled on {Day(day)}: the licence is revoked until re-release")
                : new(LicenceStatus.OnLicence, latest.LicenceId, expiry is { } until ? $"On licence on {Day(day)}, until {Day(until)}" : $"On licence on {Day(day)}");
        }
        if (d.TopUpSupervisionEndDate is { } topUp && day <= topUp)
            return new(LicenceStatus.TopUpSupervisionOnly, latest.LicenceId,
                $"The licence ended on {Day(expiry.Value)}: top-up supervision only on {Day(day)}, and top-up supervision cannot be recalled from");
        return new(LicenceStatus.LicenceEnded, latest.LicenceId, $"The licence ended on {Day(expiry.Value)}");
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
