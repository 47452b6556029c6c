using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>A warning letter as typed or sent, before it is checked.</summary>
public sealed record WarningDetails(WarningLevel? Level, DateOnly? IssuedOn, string? Circumstances, IReadOnlyList<string> ConditionRefs)
{
    public const int CircumstancesMaxLength = 4000;

    public List<FieldError> Validate(DateOnly today, Licence? licence, IReadOnlySet<string> alreadyInvalid)
    {
        var errors = new List<FieldError>();
        if (licence is null) errors.Add(new("Conditions", "Add the person's licence first: a warning letter names the licence conditions breached"));
        if (Level is null) errors.Add(new(nameof(Level), "Select a first or final warning"));
        if (IssuedOn is null) errors.Add(new(nameof(IssuedOn), "Enter the date the letter was issued"));
        else if (IssuedOn > today) errors.Add(new(nameof(IssuedOn), "The date the letter was issued must be today or in the past"));
        var text = Circumstances?.Trim() ?? "";
        if (text.Length == 0) errors.Add(new(nameof(Circumstances), "Describe what the person did that breached their licence"));
        else if (text.Length > CircumstancesMaxLength) errors.Add(new(nameof(Circumstances), $"The description must be {CircumstancesMaxLength} characters or fewer"));
        if (licence is not null && ConditionRefs.Count == 0) errors.Add(new("Conditions", "Select the licence conditions that were breached"));
        return errors.Where(e => !alreadyInvalid.Contains(e.Field)).ToList();
    }

    public WarningLetter ToLetter(Guid caseId, Licence licence, IReadOnlyList<LinkedCondition> conditions, Guid issuedBy, DateTimeOffset now) => new()
    {
        CaseId = caseId, LicenceId = licence.Id, Level = Level!.Value, IssuedOn = IssuedOn!.Value, Circumstances = Circumstances!.Trim(),
        Conditions = conditions.ToList(), IssuedById = issuedBy, CreatedAt = now,
    };
}

/// <summary>A breach as typed or sent, before it is checked.</summary>
public sealed record BreachDetails(DateOnly? OccurredOn, string? Description, IReadOnlyList<string> ConditionRefs)
{
    public const int DescriptionMaxLength = 4000;

    public List<FieldError> Validate(DateOnly today, Licence? licence, IReadOnlySet<string> alreadyInvalid)
    {
        var errors = new List<FieldError>();
        if (licence is null) errors.Add(new("Conditions", "Add the person's licence first: a breach is of conditions of the current licence"));
        if (OccurredOn is null) errors.Add(new(nameof(OccurredOn), "Enter the date of the breach"));
        else if (OccurredOn > today) errors.Add(new(nameof(OccurredOn), "The date of the breach must be today or in the past"));
        else if (licence is not null && OccurredOn < licence.ReleaseDate)
            errors.Add(new(nameof(OccurredOn), "The breach must be on or after the licence's release date"));
        var text = Description?.Trim() ?? "";
        if (text.Length == 0) errors.Add(new(nameof(Description), "Describe the breach"));
        else if (text.Length > DescriptionMaxLength) errors.Add(new(nameof(Description), $"The description must be {DescriptionMaxLength} characters or fewer"));
        if (licence is not null && ConditionRefs.Count == 0) errors.Add(new("Conditions", "Select the licence conditions that were breached"));
        return errors.Where(e => !alreadyInvalid.Contains(e.Field)).ToList();
    }

    public Breach ToBreach(Guid caseId, Licence licence, IReadOnlyList<LinkedCondition> conditions, Guid recordedBy, DateTimeOffset now) => new()
    {
        CaseId = caseId, LicenceId = licence.Id, OccurredOn = OccurredOn!.Value, Description = Description!.Trim(),
        Conditions = conditions.ToList(), RecordedById = recordedBy, CreatedAt = now,
    };
}

public static class WarningLevels
{
    public static string DisplayName(WarningLevel l) => l == WarningLevel.Final ? "Final warning" : "First warning";
}
