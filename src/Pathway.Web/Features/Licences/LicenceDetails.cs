using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Licences;

/// <summary>A licence period as submitted by a form or the API, already parsed into typed values.</summary>
public sealed record LicenceDetails
{
    public SentenceType? SentenceType { get; init; }
    public int? SentenceLengthMonths { get; init; }
    public string? IndexOffence { get; init; }
    public DateOnly? ReleaseDate { get; init; }
    public DateOnly? LicenceExpiryDate { get; init; }
    public DateOnly? SentenceExpiryDate { get; init; }
    public DateOnly? TopUpSupervisionEndDate { get; init; }
    public string? StandardConditionSetCode { get; init; }

    public LicenceDates Dates => new(ReleaseDate, LicenceExpiryDate, SentenceExpiryDate, TopUpSupervisionEndDate);

    public static LicenceDetails From(Licence l) => new()
    {
        SentenceType = l.SentenceType, SentenceLengthMonths = l.SentenceLengthMonths, IndexOffence = l.IndexOffence,
        ReleaseDate = l.ReleaseDate, LicenceExpiryDate = l.LicenceExpiryDate, SentenceExpiryDate = l.SentenceExpiryDate,
        TopUpSupervisionEndDate = l.TopUpSupervisionEndDate, StandardConditionSetCode = l.StandardConditionSetCode,
    };
}

/// <summary>Validates <see cref="LicenceDetails"/> against the licence rules and the reference data, and applies them.</summary>
public static class LicenceDetailsRules
{
    public const int IndexOffenceMaxLength = 500;

    /// <param name="alreadyInvalid">Fields that already failed to parse; the rules would only repeat "enter a date" for them.</param>
    /// <param name="savedSetCode">The set the licence already has (null for a new licence): a licence keeps the set it was issued with.</param>
    public static async Task<List<FieldError>> ValidateAsync(
        LicenceDetails d, DateOnly dateOfBirth, PathwayDbContext db, IReadOnlySet<string> alreadyInvalid, CancellationToken ct, string? savedSetCode = null)
    {
        var errors = new List<FieldError>();
        if (d.SentenceType is null) errors.Add(new(nameof(d.SentenceType), "Select the sentence type"));
        else if (!SentenceTypes.IsIndeterminate(d.SentenceType.Value) && d.SentenceLengthMonths is null)
            errors.Add(new(nameof(d.SentenceLengthMonths), "Enter the sentence length in months"));
        if (d.IndexOffence is { Length: > IndexOffenceMaxLength })
            errors.Add(new(nameof(d.IndexOffence), $"Index offence must be {IndexOffenceMaxLength} characters or fewer"));

        // Until a sentence type is chosen, check the dates as a determinate sentence (most are), which needs a sentence expiry date.
        errors.AddRange(LicenceRules.ValidateDates(d.Dates, d.SentenceType ?? Domain.Licences.SentenceType.Other, dateOfBirth, d.SentenceLengthMonths));

        if (string.IsNullOrWhiteSpace(d.StandardConditionSetCode))
            errors.Add(new(nameof(d.StandardConditionSetCode), "Select the standard conditions"));
        else if (!await db.StandardConditionSets.AnyAsync(s => s.Code == d.StandardConditionSetCode, ct))
            errors.Add(new(nameof(d.StandardConditionSetCode), "Select standard conditions from the list"));
        else if (d.StandardConditionSetCode != savedSetCode && StandardConditionSets.Find(d.StandardConditionSetCode) is { } set)
        {
            // A change of set (or a new licence) must name a set that is offered and that existed when the licence began.
            if (!set.OfferedForNewLicences)
                errors.Add(new(nameof(d.StandardConditionSetCode), $"{set.Name} is kept only for licences already recorded with it: select the set printed on the licence"));
            else if (d.ReleaseDate is { } start && set.WhyNotFrom(start) is { } why)
                errors.Add(new(nameof(d.StandardConditionSetCode), $"{why}: select the set printed on the licence"));
        }

        return errors.Where(e => !alreadyInvalid.Contains(e.Field)).ToList();
    }

    /// <summary>The set a new licence uses unless someone chooses another: the newest that could apply on its release date (or today).</summary>
    public static string? NewestSet(DateOnly? releaseDate, DateOnly today) => StandardConditionSets.Newest(releaseDate ?? today)?.Code;

    /// <summary>Copies validated details onto the licence.</summary>
    public static void Apply(LicenceDetails d, Licence l)
    {
        l.SentenceType = d.SentenceType!.Value;
        l.SentenceLengthMonths = d.SentenceLengthMonths;
        l.IndexOffence = string.IsNullOrWhiteSpace(d.IndexOffence) ? null : d.IndexOffence.Trim();
        l.ReleaseDate = d.ReleaseDate!.Value;
        l.LicenceExpiryDate = d.LicenceExpiryDate!.Value;
        l.SentenceExpiryDate = d.SentenceExpiryDate;
        l.TopUpSupervisionEndDate = d.TopUpSupervisionEndDate;
        l.StandardConditionSetCode = d.StandardConditionSetCode!;
    }

    /// <summary>Fields whose saved value differs from what was submitted: shown when an edit was made on a stale copy.</summary>
    public static IReadOnlyList<(string Field, string Submitted, string Saved)> Differences(LicenceDetails submitted, LicenceDetails saved)
    {
        var list = new List<(string, string, string)>();
        void Cmp(string label, string? a, string? b)
        {
            if (!string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal)) list.Add((label, a ?? "", b ?? ""));
        }
        static string? Type(SentenceType? t) => t is { } v ? SentenceTypes.DisplayName(v) : null;
        static string? Date(DateOnly? d) => d is null ? null : Display.Date(d);
        Cmp("Sentence type", Type(submitted.SentenceType), Type(saved.SentenceType));
        Cmp("Sentence length (months)", submitted.SentenceLengthMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            saved.SentenceLengthMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Cmp("Index offence", submitted.IndexOffence, saved.IndexOffence);
        Cmp("Release date", Date(submitted.ReleaseDate), Date(saved.ReleaseDate));
        Cmp("Licence expiry date", Date(submitted.LicenceExpiryDate), Date(saved.LicenceExpiryDate));
        Cmp("Sentence expiry date", Date(submitted.SentenceExpiryDate), Date(saved.SentenceExpiryDate));
        Cmp("Top-up supervision end date", Date(submitted.TopUpSupervisionEndDate), Date(saved.TopUpSupervisionEndDate));
        Cmp("Standard conditions", submitted.StandardConditionSetCode, saved.StandardConditionSetCode);
        return list;
    }
}
