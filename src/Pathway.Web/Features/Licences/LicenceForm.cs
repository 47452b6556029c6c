using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Licences;

/// <summary>The licence form as posted: text for everything, parsed into <see cref="LicenceDetails"/> with messages.</summary>
public sealed class LicenceForm
{
    public string? SentenceType { get; set; }
    public string? SentenceLengthMonths { get; set; }
    public string? IndexOffence { get; set; }
    public DateParts ReleaseDate { get; set; } = new();
    public DateParts LicenceExpiryDate { get; set; } = new();
    public DateParts SentenceExpiryDate { get; set; } = new();
    public DateParts TopUpSupervisionEndDate { get; set; } = new();
    public string? StandardConditionSetCode { get; set; }
    public int Version { get; set; }

    public static LicenceForm From(LicenceDetails d, int version) => new()
    {
        SentenceType = d.SentenceType?.ToString(),
        SentenceLengthMonths = d.SentenceLengthMonths?.ToString(CultureInfo.InvariantCulture),
        IndexOffence = d.IndexOffence,
        ReleaseDate = DateParts.From(d.ReleaseDate),
        LicenceExpiryDate = DateParts.From(d.LicenceExpiryDate),
        SentenceExpiryDate = DateParts.From(d.SentenceExpiryDate),
        TopUpSupervisionEndDate = DateParts.From(d.TopUpSupervisionEndDate),
        StandardConditionSetCode = d.StandardConditionSetCode,
        Version = version,
    };

    /// <summary>Parses the form. Problems with the typing itself (a date that is not a date) are added to <paramref name="errors"/>.</summary>
    public LicenceDetails Parse(List<FieldError> errors)
    {
        DateOnly? Date(DateParts parts, string field, string label)
        {
            var error = parts.TryParse(label, out var value);
            if (error is not null) errors.Add(new(field, error));
            return value;
        }
        int? months = null;
        if (!string.IsNullOrWhiteSpace(SentenceLengthMonths))
        {
            if (int.TryParse(SentenceLengthMonths.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) months = m;
            else errors.Add(new(nameof(SentenceLengthMonths), "Sentence length must be a whole number of months, like 18"));
        }
        return new LicenceDetails
        {
            SentenceType = Enum.TryParse<SentenceType>(SentenceType, out var t) && Enum.IsDefined(t) ? t : null,
            SentenceLengthMonths = months,
            IndexOffence = IndexOffence,
            ReleaseDate = Date(ReleaseDate, nameof(ReleaseDate), "Release date"),
            LicenceExpiryDate = Date(LicenceExpiryDate, nameof(LicenceExpiryDate), "Licence expiry date"),
            SentenceExpiryDate = Date(SentenceExpiryDate, nameof(SentenceExpiryDate), "Sentence expiry date"),
            TopUpSupervisionEndDate = Date(TopUpSupervisionEndDate, nameof(TopUpSupervisionEndDate), "Top-up supervision end date"),
            StandardConditionSetCode = StandardConditionSetCode,
        };
    }
}

/// <summary>
/// The standard condition sets a licence can use, newest first, and which one a new licence starts with. A set kept only
/// for licences already recorded with it is listed only on such a licence.
/// </summary>
public sealed record LicenceFormOptions(IReadOnlyList<Govuk.Option> ConditionSets, string? NewestInForce)
{
    public static LicenceFormOptions For(DateOnly today, string? savedSetCode)
    {
        var sets = StandardConditionSets.All.Where(s => s.OfferedForNewLicences || s.Code == savedSetCode).Reverse();
        return new LicenceFormOptions(
            sets.Select(s => new Govuk.Option(s.Code, $"{s.Name} ({Start(s)})")).ToList(),
            StandardConditionSets.Newest(today)?.Code);
    }

    private static string Start(StandardConditionSetDefinition s) =>
        s.InForceFrom is { } from ? $"in force from {Display.Date(from)}"
        : !s.OfferedForNewLicences ? "not offered for new licences"
        : s.LaterThan is { } after ? $"in force from a date not recorded, after {Display.Date(after)}"
        : "in force from a date not recorded";
}
