using System.Globalization;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;

namespace Pathway.Web.Features.Cases.Import;

/// <summary>
/// The columns of a case extract (docs/import.md), named the same in CSV headers and JSON keys, and how each cell is read.
/// A column missing from the file, or a blank cell, leaves what Pathway holds alone; only <see cref="Crn"/> is required
/// in every row, and a new case needs <see cref="RequiredForNewCase"/>.
/// </summary>
public static class ImportColumns
{
    public const string Crn = "crn";
    public const string Pnc = "pnc";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string DateOfBirth = "date_of_birth";
    public const string Gender = "gender";
    public const string Ethnicity = "ethnicity";
    public const string Team = "team";
    public const string OffenderManagerEmail = "offender_manager_email";
    public const string Rosh = "rosh";
    public const string MappaCategory = "mappa_category";
    public const string MappaLevel = "mappa_level";
    public const string Flags = "flags";
    public const string LicenceStart = "licence_start";
    public const string LicenceEnd = "licence_end";
    public const string SentenceExpiry = "sentence_expiry";
    public const string SentenceType = "sentence_type";
    public const string SentenceLengthMonths = "sentence_length_months";

    public static readonly IReadOnlyList<string> All = [
        Crn, Pnc, GivenName, FamilyName, DateOfBirth, Gender, Ethnicity, Team, OffenderManagerEmail, Rosh, MappaCategory,
        MappaLevel, Flags, LicenceStart, LicenceEnd, SentenceExpiry, SentenceType, SentenceLengthMonths,
    ];

    public static readonly IReadOnlyList<string> RequiredForNewCase = [GivenName, FamilyName, DateOfBirth, Gender, Ethnicity, Team, Rosh];

    /// <summary>The licence columns: given, they describe the licence that starts on <see cref="LicenceStart"/>.</summary>
    public static readonly IReadOnlyList<string> Licence = [LicenceStart, LicenceEnd, SentenceExpiry, SentenceType, SentenceLengthMonths];

    /// <summary>A header as written in a file: case and spaces, hyphens and underscores do not matter.</summary>
    public static string? Known(string header)
    {
        var key = Key(header);
        return All.FirstOrDefault(c => Key(c) == key);
    }

    private static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static DateOnly? Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static int? Number(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static Gender? GenderOf(string value) => Lookup(value, Enum.GetValues<Gender>(), Genders.DisplayName);

    public static Ethnicity? EthnicityOf(string value) => Lookup(value, Enum.GetValues<Ethnicity>(), Ethnicities.DisplayName);

    public static RoshLevel? RoshOf(string value) => Lookup(value, Enum.GetValues<RoshLevel>(), RoshLevels.DisplayName);

    public static SentenceType? SentenceTypeOf(string value) => Lookup(value, Enum.GetValues<SentenceType>(), SentenceTypes.DisplayName);

    /// <summary>0–4 or <c>none</c>, or the name (<c>Category1</c>).</summary>
    public static MappaCategory? MappaCategoryOf(string value) =>
        Number(value) is { } n ? (n is >= 0 and <= 4 ? (MappaCategory)n : null) : Lookup(value, Enum.GetValues<MappaCategory>(), c => c.ToString());

    /// <summary>0–3 or <c>none</c>, or the name (<c>Level2</c>).</summary>
    public static MappaLevel? MappaLevelOf(string value) =>
        Number(value) is { } n ? (n is >= 0 and <= 3 ? (MappaLevel)n : null) : Lookup(value, Enum.GetValues<MappaLevel>(), l => l.ToString());

    /// <summary>Flags by their API names, separated by <c>;</c> (or <c>|</c>); <c>none</c> clears them.</summary>
    public static RiskFlag? FlagsOf(string value)
    {
        if (Key(value) == "none") return RiskFlag.None;
        var flags = RiskFlag.None;
        foreach (var part in value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!RiskFlags.TryParseApiName(part, out var f)) return null;
            flags |= f;
        }
        return flags;
    }

    private static T? Lookup<T>(string value, IEnumerable<T> values, Func<T, string> display) where T : struct, Enum
    {
        var key = Key(value);
        foreach (var v in values)
            if (Key(v.ToString()) == key || Key(display(v)) == key) return v;
        return null;
    }
}
