using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Compliance;

/// <summary>How a planned contact with the person on licence happens.</summary>
public enum ContactKind
{
    OfficeAppointment,
    HomeVisit,
    TelephoneContact,
    VideoCall,
    ApprovedPremisesKeyworkSession,
}

/// <summary>What happened at a planned contact. <see cref="Pending"/> until the officer records it.</summary>
public enum ContactOutcome
{
    Pending,
    Attended,
    /// <summary>Failed to attend with a reason the officer accepts (illness with evidence, a court date…). Not counted against the person.</summary>
    AcceptableAbsence,
    /// <summary>Failed to attend without an acceptable reason: counts against compliance and may be a breach of licence condition 3.</summary>
    UnacceptableAbsence,
    /// <summary>Moved to another date by agreement; the new appointment is a contact of its own.</summary>
    Rescheduled,
}

/// <summary>One planned contact as the compliance arithmetic needs it.</summary>
public sealed record ContactFact(DateOnly Date, ContactOutcome Outcome);

public static class ContactRules
{
    /// <summary>
    /// Checks an outcome before it is recorded: nobody can have attended, or failed to attend, a contact that has not
    /// happened yet; an absence needs its reason.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateOutcome(DateOnly contactDate, ContactOutcome outcome, string? reason, DateOnly today)
    {
        var errors = new List<FieldError>();
        if ((outcome is ContactOutcome.Attended or ContactOutcome.AcceptableAbsence or ContactOutcome.UnacceptableAbsence) && contactDate > today)
            errors.Add(new("Outcome", $"The contact is on {contactDate:d MMMM yyyy}, in the future: record what happened on or after that day"));
        if ((outcome is ContactOutcome.AcceptableAbsence or ContactOutcome.UnacceptableAbsence) && string.IsNullOrWhiteSpace(reason))
            errors.Add(new("AbsenceReason", "Enter the reason the person gave for not attending, or that they gave none"));
        return errors;
    }
}
