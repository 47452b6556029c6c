using System.Globalization;
using System.Text.RegularExpressions;

namespace Pathway.Domain.Cases;

/// <summary>
/// Police National Computer number, <c>YYYY/NNNNNNNL</c>: the year, a serial of up to seven digits and a
/// check letter. The check letter is (two-digit year × 10⁷ + serial) mod 23, indexed into
/// <c>ZABCDEFGHJKLMNPQRTUVWXY</c> — the published PNC check-character scheme (I, O and S are not used).
/// </summary>
public static partial class PncNumber
{
    private const string CheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";

    [GeneratedRegex("^(?<year>[0-9]{4}|[0-9]{2})/(?<serial>[0-9]{1,7})(?<check>[A-Z])$")]
    private static partial Regex Pattern();

    public static char CheckLetter(int year, int serial)
    {
        var value = (long)(year % 100) * 10_000_000L + serial;
        return CheckLetters[(int)(value % 23)];
    }

    /// <summary>Formats as <c>YYYY/NNNNNNNL</c> with the serial padded to seven digits.</summary>
    public static string Format(int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{serial:0000000}{CheckLetter(year, serial)}");

    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var m = Pattern().Match(value.Trim().ToUpperInvariant());
        if (!m.Success) return value.Trim().ToUpperInvariant();
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Value.Length == 2) year += year > 50 ? 1900 : 2000;
        var serial = int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{serial:0000000}{m.Groups["check"].Value}");
    }

    /// <summary>Returns an error message, or null when the value is empty (PNC is optional) or valid.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var m = Pattern().Match(value.Trim().ToUpperInvariant());
        if (!m.Success) return "Enter a PNC number in the format 2004/0012345X (year, up to seven digits, check letter)";
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var serial = int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture);
        return CheckLetter(year, serial) == m.Groups["check"].Value[0]
            ? null
            : "The PNC number's check letter does not match: check it has been copied correctly";
    }
}
