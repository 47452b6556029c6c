using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Licences.Recalls;

/// <summary>A recall to record against a licence: when it was revoked, how, why, and the custody dates so far.</summary>
public sealed record NewRecall(DateOnly? RecallDate, RecallType? Type, string? Reason, DateOnly? ReturnToCustodyDate, DateOnly? ReReleaseDate)
{
    public const int ReasonMaxLength = 2000;

    /// <param name="alreadyInvalid">Fields that already failed to parse; the rules would only repeat "enter a date" for them.</param>
    public List<FieldError> Validate(Licence licence, IReadOnlySet<string> alreadyInvalid)
    {
        var errors = new List<FieldError>();
        errors.AddRange(LicenceRules.ValidateRecall(RecallDate, ReturnToCustodyDate, ReReleaseDate, LicenceDetails.From(licence).Dates));
        if (Type is null) errors.Add(new(nameof(Type), "Select the type of recall"));
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0) errors.Add(new(nameof(Reason), "Enter the reason for the recall"));
        else if (reason.Length > ReasonMaxLength) errors.Add(new(nameof(Reason), $"Reason must be {ReasonMaxLength} characters or fewer"));
        return errors.Where(e => !alreadyInvalid.Contains(e.Field)).ToList();
    }

    public Recall ToRecall(Licence licence, DateTimeOffset now) => new()
    {
        LicenceId = licence.Id, CaseId = licence.CaseId, RecallDate = RecallDate!.Value, Type = Type!.Value, Reason = Reason!.Trim(),
        ReturnToCustodyDate = ReturnToCustodyDate, ReReleaseDate = ReReleaseDate, CreatedAt = now,
    };
}
