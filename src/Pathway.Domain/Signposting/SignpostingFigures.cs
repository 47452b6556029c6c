using Pathway.Domain.Assessments;

namespace Pathway.Domain.Signposting;

/// <summary>One referral as the reports see it: the need, the service, how far it got and the dates that matter.</summary>
public sealed record SignpostingReferralFacts(
    NeedArea Need,
    Guid ServiceId,
    SignpostingReferralStatus Status,
    DateOnly? ReferredOn,
    DateOnly? FirstAttendedOn);

/// <summary>Uptake and waiting figures for a set of referrals, the evidence commissioners ask for.</summary>
public sealed record UptakeFigures(int Referred, int FirstAttended, double? UptakeRate, double? MedianDaysToFirstAppointment);

/// <summary>
/// Report arithmetic. A referral counts as <em>referred</em> once it was sent (suggestions never sent are not counted), and
/// as <em>attended</em> once a first appointment was recorded — whatever happened after (completed or disengaged).
/// Uptake is attended ÷ referred; the median of days from referral to first appointment is over attended referrals.
/// </summary>
public static class SignpostingFigures
{
    public static bool WasReferred(SignpostingReferralFacts r) => r.ReferredOn is not null && r.Status != SignpostingReferralStatus.Suggested;

    public static bool Attended(SignpostingReferralFacts r) => r.FirstAttendedOn is not null;

    public static UptakeFigures Uptake(IEnumerable<SignpostingReferralFacts> referrals)
    {
        var sent = referrals.Where(WasReferred).ToList();
        var attended = sent.Where(Attended).ToList();
        var days = attended.Select(r => (double)(r.FirstAttendedOn!.Value.DayNumber - r.ReferredOn!.Value.DayNumber)).ToList();
        return new UptakeFigures(
            sent.Count,
            attended.Count,
            sent.Count == 0 ? null : (double)attended.Count / sent.Count,
            Median(days));
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
