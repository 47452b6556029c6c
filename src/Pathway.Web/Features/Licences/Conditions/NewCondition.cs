using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>An additional condition to add to a licence. For a bespoke condition the text is the whole condition.</summary>
public sealed record NewCondition(AdditionalConditionCategory? Category, string? Text)
{
    public const int TextMaxLength = 2000;

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Category is null) errors.Add(new(nameof(Category), "Select the category of the condition"));
        var text = Text?.Trim() ?? "";
        if (text.Length == 0)
            errors.Add(new(nameof(Text), Category == AdditionalConditionCategory.Bespoke ? "Enter the wording of the bespoke condition" : "Enter the condition"));
        else if (text.Length > TextMaxLength)
            errors.Add(new(nameof(Text), $"Condition must be {TextMaxLength} characters or fewer"));
        return errors;
    }

    public AdditionalCondition ToCondition(Guid licenceId, DateTimeOffset now) =>
        new() { LicenceId = licenceId, Category = Category!.Value, Text = Text!.Trim(), CreatedAt = now };
}
