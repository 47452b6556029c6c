using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Referrals;

/// <summary>One agreed action as written on the form.</summary>
public sealed record ActionDetails(string? Description, Guid? OwnerId, DateOnly? DueOn)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && OwnerId is null && DueOn is null;
}

/// <summary>Someone at the consultation who is not a Pathway user.</summary>
/// <param name="Details">What followed the name on the form, such as "PPU, West Police"; the role is read from it.</param>
public sealed record OtherAttendee(string Name, AttendeeRole Role, string? Details);

/// <summary>A consultation as written: when, who, what was asked and advised, what was agreed, and when next.</summary>
public sealed record ConsultationDetails(
    DateOnly? HeldOn, IReadOnlyList<Guid> StaffAttendees, IReadOnlyList<OtherAttendee> OtherAttendees, string? Questions,
    string? Advice, DateOnly? NextConsultationOn, IReadOnlyList<ActionDetails> Actions);

public static class ConsultationRules
{
    public const int TextMaxLength = 8000;
    public const int ActionMaxLength = 500;
    public const int NameMaxLength = 200;

    /// <summary>
    /// Checks a consultation. Action fields are reported as <c>Actions[i].Field</c>. <paramref name="today"/> stops a
    /// consultation being recorded before it has happened.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(ConsultationDetails d, DateOnly today, IReadOnlySet<string>? alreadyWrong = null)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message)
        {
            if (alreadyWrong?.Contains(field) != true) errors.Add(new(field, message));
        }

        if (d.HeldOn is null) Add(nameof(d.HeldOn), "Enter the date of the consultation");
        else if (d.HeldOn > today) Add(nameof(d.HeldOn), "Date of the consultation must be today or in the past");
        if (d.StaffAttendees.Count == 0 && d.OtherAttendees.Count == 0)
            Add(nameof(d.StaffAttendees), "Select who attended, or add the names of others who attended");
        foreach (var o in d.OtherAttendees)
        {
            if (o.Name.Length > NameMaxLength || (o.Details?.Length ?? 0) > NameMaxLength)
                Add(nameof(d.OtherAttendees), $"Each name, role and agency must be {NameMaxLength} characters or fewer");
        }
        if (d.Questions is { } q && q.Trim().Length > TextMaxLength) Add(nameof(d.Questions), $"Questions must be {TextMaxLength} characters or fewer");
        if (string.IsNullOrWhiteSpace(d.Advice)) Add(nameof(d.Advice), "Enter the psychologist's advice");
        else if (d.Advice.Trim().Length > TextMaxLength) Add(nameof(d.Advice), $"Advice must be {TextMaxLength} characters or fewer");
        if (d.NextConsultationOn is { } next && d.HeldOn is { } held && next <= held)
            Add(nameof(d.NextConsultationOn), "Next consultation date must be after the date of this consultation");

        for (var i = 0; i < d.Actions.Count; i++)
        {
            var a = d.Actions[i];
            if (a.IsBlank) continue;
            var p = $"Actions[{i}].";
            if (string.IsNullOrWhiteSpace(a.Description)) Add(p + nameof(a.Description), $"Enter what action {i + 1} is");
            else if (a.Description.Trim().Length > ActionMaxLength) Add(p + nameof(a.Description), $"Action {i + 1} must be {ActionMaxLength} characters or fewer");
            if (a.OwnerId is null) Add(p + nameof(a.OwnerId), $"Select who owns action {i + 1}");
            if (a.DueOn is null) Add(p + nameof(a.DueOn), $"Enter when action {i + 1} is due");
            else if (d.HeldOn is { } h && a.DueOn < h) Add(p + nameof(a.DueOn), $"Action {i + 1} cannot be due before the consultation");
        }
        return errors;
    }

    /// <summary>Overdue when past its due date and not done; due soon when due within <paramref name="soonDays"/> days.</summary>
    public static bool IsOverdue(DateOnly dueOn, bool completed, DateOnly today) => !completed && dueOn < today;

    public static bool IsDueSoon(DateOnly dueOn, bool completed, DateOnly today, int soonDays = 7) =>
        !completed && dueOn >= today && dueOn <= today.AddDays(soonDays);

    /// <summary>
    /// Parses one "Name, role and agency" line per person who is not a Pathway user. The role is read loosely from
    /// the words after the name ("PPU", "approved premises", "police"); anything unrecognised is Other.
    /// </summary>
    public static IReadOnlyList<OtherAttendee> ParseOthers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var result = new List<OtherAttendee>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(',', 2, StringSplitOptions.TrimEntries);
            var details = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            result.Add(new OtherAttendee(parts[0], details is null ? AttendeeRole.Other : RoleFromText(details), details));
        }
        return result;
    }

    public static string FormatOthers(IEnumerable<OtherAttendee> others) =>
        string.Join("\n", others.Select(o => o.Details is null ? o.Name : $"{o.Name}, {o.Details}"));

    private static AttendeeRole RoleFromText(string s)
    {
        var t = s.Trim().ToLowerInvariant();
        if (t.Contains("ppu", StringComparison.Ordinal) || t.Contains("police", StringComparison.Ordinal) || t.Contains("public protection", StringComparison.Ordinal)) return AttendeeRole.PublicProtectionUnit;
        if (t is "ap" || t.StartsWith("ap ", StringComparison.Ordinal) || t.Contains("approved premises", StringComparison.Ordinal)) return AttendeeRole.ApprovedPremisesStaff;
        if (t.Contains("senior probation", StringComparison.Ordinal) || t is "spo") return AttendeeRole.SeniorProbationOfficer;
        if (t.Contains("offender manager", StringComparison.Ordinal) || t.Contains("probation", StringComparison.Ordinal) || t is "om" || t.StartsWith("om ", StringComparison.Ordinal)) return AttendeeRole.OffenderManager;
        if (t.Contains("psycholog", StringComparison.Ordinal)) return AttendeeRole.Psychologist;
        if (t.Contains("partner", StringComparison.Ordinal)) return AttendeeRole.PartnerAgency;
        return AttendeeRole.Other;
    }
}
