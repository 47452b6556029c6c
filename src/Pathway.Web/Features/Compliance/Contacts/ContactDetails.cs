using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>A contact as typed on the form or sent to the API, before it is checked.</summary>
public sealed record ContactDetails(DateOnly? Date, ContactKind? Kind, ContactOutcome? Outcome, string? Reason, string? Notes)
{
    public const int ReasonMaxLength = 1000;
    public const int NotesMaxLength = 4000;
    /// <summary>Contacts are planned weeks ahead, not years: a date further out is almost certainly a typing slip.</summary>
    public const int PlanAheadDays = 366;

    public List<FieldError> Validate(DateOnly today, IReadOnlySet<string> alreadyInvalid)
    {
        var errors = new List<FieldError>();
        if (Date is null) errors.Add(new(nameof(Date), "Enter the date of the contact"));
        else if (Date > today.AddDays(PlanAheadDays)) errors.Add(new(nameof(Date), "The contact must be within a year from today"));
        if (Kind is null) errors.Add(new(nameof(Kind), "Select the kind of contact"));
        if (Outcome is null) errors.Add(new(nameof(Outcome), "Select what happened, or 'not happened yet'"));
        if (Date is { } d && Outcome is { } o)
            errors.AddRange(ContactRules.ValidateOutcome(d, o, Reason, today).Select(e => e.Field == "AbsenceReason" ? e with { Field = nameof(Reason) } : e));
        if (Reason?.Trim().Length > ReasonMaxLength) errors.Add(new(nameof(Reason), $"Reason must be {ReasonMaxLength} characters or fewer"));
        if (Notes?.Trim().Length > NotesMaxLength) errors.Add(new(nameof(Notes), $"Notes must be {NotesMaxLength} characters or fewer"));
        return errors.Where(e => !alreadyInvalid.Contains(e.Field)).ToList();
    }

    public void Apply(Contact c)
    {
        c.Date = Date!.Value;
        c.Kind = Kind!.Value;
        c.Outcome = Outcome!.Value;
        c.Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        c.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }

    public static ContactDetails From(Contact c) => new(c.Date, c.Kind, c.Outcome, c.Reason, c.Notes);
}

public static class ContactText
{
    public static string Kind(ContactKind k) => k switch
    {
        ContactKind.OfficeAppointment => "Office appointment",
        ContactKind.HomeVisit => "Home visit",
        ContactKind.TelephoneContact => "Telephone contact",
        ContactKind.VideoCall => "Video call",
        ContactKind.ApprovedPremisesKeyworkSession => "Approved premises keywork session",
        _ => k.ToString(),
    };

    public static string Outcome(ContactOutcome o) => o switch
    {
        ContactOutcome.Pending => "Not happened yet",
        ContactOutcome.Attended => "Attended",
        ContactOutcome.AcceptableAbsence => "Failed to attend – acceptable absence",
        ContactOutcome.UnacceptableAbsence => "Failed to attend – unacceptable absence",
        ContactOutcome.Rescheduled => "Rescheduled",
        _ => o.ToString(),
    };

    public static string OutcomeTagClass(ContactOutcome o) => o switch
    {
        ContactOutcome.Attended => "govuk-tag--green",
        ContactOutcome.UnacceptableAbsence => "govuk-tag--red",
        ContactOutcome.AcceptableAbsence => "govuk-tag--yellow",
        ContactOutcome.Rescheduled => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };
}
