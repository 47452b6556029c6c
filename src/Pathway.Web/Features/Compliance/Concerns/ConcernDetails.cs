using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Compliance.Concerns;

/// <summary>A behaviour of concern as typed or sent, before it is checked.</summary>
/// <param name="CarePlanSignKey">A sign chosen from the active care plan (<see cref="CarePlanSignChoices"/>).</param>
/// <param name="MatchedEarlyWarningSign">A sign described in words, when it is not in the plan (or there is none).</param>
public sealed record ConcernDetails(DateOnly? Date, ConcernType? Type, string? Description, string? MatchedEarlyWarningSign, IReadOnlyList<string> ConditionRefs,
    string? CarePlanSignKey = null)
{
    public const int DescriptionMaxLength = 4000;
    public const int SignMaxLength = 500;

    public List<FieldError> Validate(DateOnly today, IReadOnlySet<string> alreadyInvalid)
    {
        var errors = new List<FieldError>();
        if (Date is null) errors.Add(new(nameof(Date), "Enter the date the behaviour happened or was noticed"));
        else if (Date > today) errors.Add(new(nameof(Date), "The date must be today or in the past"));
        if (Type is null) errors.Add(new(nameof(Type), "Select the kind of behaviour"));
        var d = Description?.Trim() ?? "";
        if (d.Length == 0) errors.Add(new(nameof(Description), "Describe what happened"));
        else if (d.Length > DescriptionMaxLength) errors.Add(new(nameof(Description), $"Description must be {DescriptionMaxLength} characters or fewer"));
        if (MatchedEarlyWarningSign?.Trim().Length > SignMaxLength)
            errors.Add(new(nameof(MatchedEarlyWarningSign), $"The early warning sign must be {SignMaxLength} characters or fewer"));
        else if (!string.IsNullOrWhiteSpace(MatchedEarlyWarningSign) && !string.IsNullOrWhiteSpace(CarePlanSignKey))
            errors.Add(new(nameof(MatchedEarlyWarningSign), "Choose a sign from the care plan or describe one that is not in it, not both"));
        return errors.Where(e => !alreadyInvalid.Contains(e.Field)).ToList();
    }

    public BehaviourOfConcern ToConcern(Guid caseId, IReadOnlyList<LinkedCondition> conditions, CarePlanSign? sign, Guid? planId, Guid recordedBy, DateTimeOffset now) => new()
    {
        CaseId = caseId, Date = Date!.Value, Type = Type!.Value, Description = Description!.Trim(),
        MatchedEarlyWarningSign = sign is not null ? Clip(sign.Sign)
            : string.IsNullOrWhiteSpace(MatchedEarlyWarningSign) ? null : MatchedEarlyWarningSign.Trim(),
        CarePlanId = sign is null ? null : planId, CarePlanSignKey = sign?.Key,
        Conditions = conditions.ToList(), RecordedById = recordedBy, CreatedAt = now,
    };

    private static string Clip(string s) => s.Length <= SignMaxLength ? s : s[..(SignMaxLength - 1)] + "…";
}
