using System.Text.RegularExpressions;

namespace Pathway.Domain.Cases;

/// <summary>Case reference number: one letter and six digits, e.g. <c>X123456</c>.</summary>
public static partial class Crn
{
    [GeneratedRegex("^[A-Z][0-9]{6}$")]
    private static partial Regex Pattern();

    /// <summary>Upper-cases and trims what a person typed.</summary>
    public static string Normalise(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "Enter a case reference number (CRN)";
        return IsValid(Normalise(value)) ? null : "Enter a CRN as one letter followed by six digits, like X123456";
    }
}
