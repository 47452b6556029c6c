using System.Text.RegularExpressions;

namespace Pathway.Domain.Signposting;

/// <summary>
/// Postcode areas (<c>NE</c>) and districts (<c>NE6</c>, <c>EC1A</c>) as the directory uses them to say where a service works.
/// A district belongs to its area: <c>NE</c> covers <c>NE6</c> and <c>NE66</c>, but <c>NE6</c> does not cover <c>NE66</c>.
/// </summary>
public static partial class PostcodeAreas
{
    [GeneratedRegex("^[A-Z]{1,2}([0-9][0-9A-Z]?)?$")]
    private static partial Regex AreaOrDistrict();

    public static bool TryNormalise(string? value, out string area)
    {
        area = (value ?? "").Trim().ToUpperInvariant();
        return AreaOrDistrict().IsMatch(area);
    }

    /// <summary>The outward code (district) of a full or partial postcode: <c>ne6 1ab</c> → <c>NE6</c>. Null if it is not one.</summary>
    public static string? DistrictOf(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var compact = postcode.Replace(" ", "").ToUpperInvariant();
        // A full postcode ends with a three-character inward code (digit, letter, letter).
        var outward = compact.Length > 3 && char.IsDigit(compact[^3]) ? compact[..^3] : compact;
        return AreaOrDistrict().IsMatch(outward) && outward.Any(char.IsDigit) ? outward : null;
    }

    /// <summary>Whether <paramref name="areaOrDistrict"/> includes <paramref name="district"/>.</summary>
    public static bool Covers(string areaOrDistrict, string district)
    {
        if (areaOrDistrict == district) return true;
        if (areaOrDistrict.Any(char.IsDigit)) return false; // a district covers only itself
        var letters = new string(district.TakeWhile(char.IsLetter).ToArray());
        return letters == areaOrDistrict;
    }
}
