using Pathway.Domain.Validation;
namespace Pathway.Domain.Licences;

/// <summary>The key dates of a licence period.</summary>
public sealed record LicenceDates(
    DateOnly? ReleaseDate,
    DateOnly? LicenceExpiryDate,
    DateOnly? SentenceExpiryDate,
    DateOnly? TopUpSupervisionEndDate);

public static class LicenceRules
{
    /// <summary>
    /// Refuses dates that cannot be true. Returns every problem so a form can show them all at once.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateDates(LicenceDates d, SentenceType sentenceType, DateOnly dateOfBirth, int? sentenceLengthMonths)
    {
        var errors = new List<FieldError>();
        if (d.ReleaseDate is null) errors.Add(new("ReleaseDate", "Enter the release date"));
        if (d.LicenceExpiryDate is null) errors.Add(new("LicenceExpiryDate", "Enter the licence expiry date"));
        if (!SentenceTypes.IsIndeterminate(sentenceType) && d.SentenceExpiryDate is null)
            errors.Add(new("SentenceExpiryDate", "Enter the sentence expiry date"));
        if (sentenceLengthMonths is < 1 or > 1200)
            errors.Add(new("SentenceLengthMonths", "Sentence length must be between 1 and 1200 months"));

        if (d.ReleaseDate is { } release)
        {
            if (release <= dateOfBirth)
                errors.Add(new("ReleaseDate", "Release date must be after the person's date of birth"));
            else if (release < dateOfBirth.AddYears(10))
                errors.Add(new("ReleaseDate", "Release date must be after the person's 10th birthday"));
            if (d.LicenceExpiryDate is { } led && led < release)
                errors.Add(new("LicenceExpiryDate", "Licence expiry date must be on or after the release date"));
            if (d.SentenceExpiryDate is { } sed && sed < release)
                errors.Add(new("SentenceExpiryDate", "Sentence expiry date must be on or after the release date"));
        }
        if (d.LicenceExpiryDate is { } l && d.SentenceExpiryDate is { } s && s < l)
            errors.Add(new("SentenceExpiryDate", "Sentence expiry date must be on or after the licence expiry date"));
        if (d.TopUpSupervisionEndDate is { } tused)
        {
            if (d.LicenceExpiryDate is { } l2 && tused <= l2)
                errors.Add(new("TopUpSupervisionEndDate", "Top-up supervision must end after the licence expiry date"));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> ValidateRecall(DateOnly? recallDate, DateOnly? returnToCustody, DateOnly? reRelease, LicenceDates licence)
    {
        var errors = new List<FieldError>();
        if (recallDate is null)
        {
            errors.Add(new("RecallDate", "Enter the date the licence was revoked"));
            return errors;
        }
        if (licence.ReleaseDate is { } r && recallDate < r)
            errors.Add(new("RecallDate", "Recall date must be on or after the release date"));
        if (licence.LicenceExpiryDate is { } e && recallDate > e)
            errors.Add(new("RecallDate", "Recall date must be on or before the licence expiry date"));
        if (returnToCustody is { } rtc && rtc < recallDate)
            errors.Add(new("ReturnToCustodyDate", "Return to custody must be on or after the recall date"));
        if (reRelease is { } rr)
        {
            if (returnToCustody is null)
                errors.Add(new("ReReleaseDate", "Enter the return to custody date before a re-release date"));
            else if (rr < returnToCustody)
                errors.Add(new("ReReleaseDate", "Re-release must be on or after the return to custody date"));
        }
        return errors;
    }
}
