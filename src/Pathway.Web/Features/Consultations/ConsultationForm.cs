using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Consultations;

/// <summary>One action row on the form. Blank rows are ignored, so the form works without JavaScript.</summary>
public sealed class ActionRow
{
    public Guid? Id { get; set; }
    public string? Description { get; set; }
    public string? OwnerId { get; set; }
    public DateParts DueOn { get; set; } = new();
    public bool Completed { get; set; }
}

/// <summary>The consultation form as posted.</summary>
public sealed class ConsultationForm
{
    /// <summary>How many empty action rows the form offers.</summary>
    public const int BlankActionRows = 3;

    public DateParts HeldOn { get; set; } = new();
    public List<string> StaffAttendees { get; set; } = [];
    public string? OtherAttendees { get; set; }
    public string? Questions { get; set; }
    public string? Advice { get; set; }
    public DateParts NextConsultationOn { get; set; } = new();
    public List<ActionRow> Actions { get; set; } = [];
    public int Version { get; set; }

    public static ConsultationForm Blank(DateOnly today, Guid? me)
    {
        var f = new ConsultationForm { HeldOn = DateParts.From(today) };
        if (me is { } m) f.StaffAttendees.Add(m.ToString());
        f.PadActions();
        return f;
    }

    public static ConsultationForm From(Consultation c)
    {
        var f = new ConsultationForm
        {
            HeldOn = DateParts.From(c.HeldOn),
            StaffAttendees = c.Attendees.Where(a => a.StaffUserId is not null).Select(a => a.StaffUserId!.Value.ToString()).ToList(),
            OtherAttendees = ConsultationRules.FormatOthers(c.Attendees.Where(a => a.StaffUserId is null).Select(a => new OtherAttendee(a.Name ?? "", a.Role, a.Details))),
            Questions = c.Questions,
            Advice = c.Advice,
            NextConsultationOn = DateParts.From(c.NextConsultationOn),
            Actions = c.Actions.OrderBy(a => a.CreatedAt).Select(a => new ActionRow
            {
                Id = a.Id, Description = a.Description, OwnerId = a.OwnerId.ToString(), DueOn = DateParts.From(a.DueOn), Completed = a.CompletedAt is not null,
            }).ToList(),
            Version = c.Version,
        };
        f.PadActions();
        return f;
    }

    /// <summary>Keeps the rows that were filled in, then adds blank ones up to the usual number.</summary>
    public void PadActions()
    {
        var blanks = Actions.Count(a => a.Id is null && string.IsNullOrWhiteSpace(a.Description) && string.IsNullOrWhiteSpace(a.OwnerId) && a.DueOn.IsEmpty);
        for (var i = blanks; i < BlankActionRows; i++) Actions.Add(new ActionRow());
    }

    public (ConsultationDetails Details, IReadOnlyList<Guid?> ActionIds) Parse(List<FieldError> errors)
    {
        DateOnly? Date(DateParts parts, string field, string label)
        {
            var error = parts.TryParse(label, out var value);
            if (error is not null) errors.Add(new(field, error));
            return value;
        }
        var actions = new List<ActionDetails>();
        for (var i = 0; i < Actions.Count; i++)
        {
            var a = Actions[i];
            actions.Add(new ActionDetails(a.Description, Guid.TryParse(a.OwnerId, out var o) ? o : null, Date(a.DueOn, $"Actions[{i}].DueOn", $"Due date of action {i + 1}")));
        }
        return (new ConsultationDetails(
            Date(HeldOn, nameof(HeldOn), "Date of the consultation"),
            StaffAttendees.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList(),
            ConsultationRules.ParseOthers(OtherAttendees), Questions, Advice,
            Date(NextConsultationOn, nameof(NextConsultationOn), "Next consultation date"), actions),
            Actions.Select(a => a.Id).ToList());
    }
}
