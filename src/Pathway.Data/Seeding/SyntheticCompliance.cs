using Pathway.Data.Entities;
using Pathway.Domain.Compliance;

namespace Pathway.Data.Seeding;

/// <summary>Synthetic contacts and behaviours of concern for the demo and for national-scale generation.</summary>
public static class SyntheticCompliance
{
    /// <summary>
    /// A contact every <paramref name="everyDays"/> days over the last <paramref name="weeks"/> weeks, plus the next one
    /// planned. Mostly kept; <paramref name="unacceptableShare"/> of them missed without a reason the officer accepts.
    /// With <paramref name="when"/>, only on the days it allows (the demo: working days while on licence in the
    /// community), each recorded on its day in working hours.
    /// </summary>
    public static IEnumerable<Contact> Contacts(Guid caseId, Random rng, DateOnly today, DateTimeOffset now, int weeks, int everyDays, double unacceptableShare,
        Func<DateOnly, bool>? when = null)
    {
        var first = today.AddDays(-7 * weeks + 1 + rng.Next(everyDays));
        if (when is not null) first = DemoTime.Weekday(first);
        for (var d = first; d <= today.AddDays(everyDays); d = d.AddDays(everyDays))
        {
            var roll = rng.NextDouble();
            if (when is not null && !when(d)) continue;
            // A kept or missed contact is recorded on its day; one still to come was booked at the one before (never today).
            var recordedOn = d < today ? d : d.AddDays(-everyDays) < today ? d.AddDays(-everyDays) : today.AddDays(-1);
            var recorded = when is null ? now : DemoTime.Working(recordedOn, rng.Next(1000));
            var outcome = d > today || when is not null && d == today ? ContactOutcome.Pending
                : roll < unacceptableShare ? ContactOutcome.UnacceptableAbsence
                : roll < unacceptableShare + 0.05 ? ContactOutcome.AcceptableAbsence
                : roll < unacceptableShare + 0.08 ? ContactOutcome.Rescheduled
                : ContactOutcome.Attended;
            yield return new Contact
            {
                CaseId = caseId, Date = d, Kind = rng.NextDouble() < 0.75 ? ContactKind.OfficeAppointment : ContactKind.HomeVisit, Outcome = outcome,
                Reason = outcome switch
                {
                    ContactOutcome.UnacceptableAbsence => "No contact and no reason given",
                    ContactOutcome.AcceptableAbsence => "Medical appointment, letter provided",
                    ContactOutcome.Rescheduled => "Moved by agreement",
                    _ => null,
                },
                CreatedAt = recorded, UpdatedAt = recorded, Version = 1,
            };
        }
    }
}
