using Pathway.Data.Entities;
using Pathway.Domain.Compliance;

namespace Pathway.Data.Seeding;

/// <summary>Synthetic contacts and behaviours of concern for the demo and for national-scale generation.</summary>
public static class SyntheticCompliance
{
    /// <summary>
    /// A contact every <paramref name="everyDays"/> days over the last <paramref name="weeks"/> weeks, plus the next one
    /// planned. Mostly kept; <paramref name="unacceptableShare"/> of them missed without a reason the officer accepts.
    /// </summary>
    public static IEnumerable<Contact> Contacts(Guid caseId, Random rng, DateOnly today, DateTimeOffset now, int weeks, int everyDays, double unacceptableShare)
    {
        var first = today.AddDays(-7 * weeks + 1 + rng.Next(everyDays));
        for (var d = first; d <= today.AddDays(everyDays); d = d.AddDays(everyDays))
        {
            var roll = rng.NextDouble();
            var outcome = d > today ? ContactOutcome.Pending
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
                CreatedAt = now, UpdatedAt = now, Version = 1,
            };
        }
    }
}
