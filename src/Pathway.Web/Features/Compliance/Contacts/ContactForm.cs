using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Contacts;

/// <summary>The contact form's fields as typed.</summary>
public sealed class ContactForm
{
    public DateParts Date { get; set; } = new();
    public string? Kind { get; set; }
    public string? Outcome { get; set; }
    public string? Reason { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }

    public ContactDetails Parse(List<FieldError> errors)
    {
        var error = Date.TryParse("Date of the contact", out var date);
        if (error is not null) errors.Add(new(nameof(Date), error));
        return new ContactDetails(
            date,
            Enum.TryParse<ContactKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null,
            Enum.TryParse<ContactOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : null,
            Reason, Notes);
    }

    public static ContactForm From(ContactDetails d, int version) => new()
    {
        Date = DateParts.From(d.Date), Kind = d.Kind?.ToString(), Outcome = d.Outcome?.ToString(), Reason = d.Reason, Notes = d.Notes, Version = version,
    };
}
