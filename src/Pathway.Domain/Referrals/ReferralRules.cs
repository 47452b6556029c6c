using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Referrals;

/// <summary>What the referrer writes. Null means not given.</summary>
public sealed record ReferralDetails(
    string? Reason, string? Questions, string? ConcernsBehaviour, string? ConcernsEmotions, string? ConcernsThinking,
    string? ConcernsRelationships, ReferralUrgency? Urgency, SharingBasis? SharingBasis, LawfulBasis? LawfulBasis, string? LawfulBasisNote);

/// <summary>The checks on a referral, each naming its field.</summary>
public static class ReferralRules
{
    public const int TextMaxLength = 4000;
    public const int ConcernMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    public static IReadOnlyList<FieldError> Validate(ReferralDetails d, IReadOnlySet<string>? alreadyWrong = null)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message)
        {
            if (alreadyWrong?.Contains(field) != true) errors.Add(new(field, message));
        }
        void Text(string? value, string field, string label, int max, bool required, string missing)
        {
            if (string.IsNullOrWhiteSpace(value)) { if (required) Add(field, missing); }
            else if (value.Trim().Length > max) Add(field, $"{label} must be {max} characters or fewer");
        }

        Text(d.Reason, nameof(d.Reason), "Reason for referral", TextMaxLength, true, "Enter the reason for the referral");
        Text(d.Questions, nameof(d.Questions), "Questions for the psychologist", TextMaxLength, true, "Enter the questions you would like the psychologist to help with");
        Text(d.ConcernsBehaviour, nameof(d.ConcernsBehaviour), "Concerns about behaviour", ConcernMaxLength, false, "");
        Text(d.ConcernsEmotions, nameof(d.ConcernsEmotions), "Concerns about emotions", ConcernMaxLength, false, "");
        Text(d.ConcernsThinking, nameof(d.ConcernsThinking), "Concerns about thinking", ConcernMaxLength, false, "");
        Text(d.ConcernsRelationships, nameof(d.ConcernsRelationships), "Concerns about relationships", ConcernMaxLength, false, "");
        if (new[] { d.ConcernsBehaviour, d.ConcernsEmotions, d.ConcernsThinking, d.ConcernsRelationships }.All(string.IsNullOrWhiteSpace))
            Add(nameof(d.ConcernsBehaviour), "Describe what worries you in at least one area: behaviour, emotions, thinking or relationships");
        if (d.Urgency is null) Add(nameof(d.Urgency), "Select how urgent the referral is");
        if (d.SharingBasis is null) Add(nameof(d.SharingBasis), "Select whether the person agrees to their information being shared");
        if (d.SharingBasis == Referrals.SharingBasis.SharedWithoutAgreement && string.IsNullOrWhiteSpace(d.LawfulBasisNote))
            Add(nameof(d.LawfulBasisNote), "Explain why the information is shared without the person's agreement");
        else if (d.LawfulBasis == Referrals.LawfulBasis.Other && string.IsNullOrWhiteSpace(d.LawfulBasisNote))
            Add(nameof(d.LawfulBasisNote), "Explain the lawful basis for sharing");
        if (d.LawfulBasisNote is { } note && note.Trim().Length > NoteMaxLength)
            Add(nameof(d.LawfulBasisNote), $"Note must be {NoteMaxLength} characters or fewer");
        return errors;
    }
}
