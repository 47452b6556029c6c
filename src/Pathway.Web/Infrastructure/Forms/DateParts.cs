using System.Globalization;

namespace Pathway.Web.Infrastructure.Forms;

/// <summary>The GOV.UK date input: day, month and year typed separately.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? d) => d is { } v
        ? new DateParts { Day = v.Day.ToString(CultureInfo.InvariantCulture), Month = v.Month.ToString(CultureInfo.InvariantCulture), Year = v.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>Parses the parts; returns a GOV.UK-style message naming what is wrong, or null.</summary>
    public string? TryParse(string label, out DateOnly? value)
    {
        value = null;
        if (IsEmpty) return null;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day)) missing.Add("day");
        if (string.IsNullOrWhiteSpace(Month)) missing.Add("month");
        if (string.IsNullOrWhiteSpace(Year)) missing.Add("year");
        if (missing.Count > 0) return $"{label} must include a {string.Join(" and ", missing)}";
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            return $"{label} must be a real date, written in numbers";
        if (Year!.Trim().Length != 4) return $"Year must include 4 numbers";
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return $"{label} must be a real date";
        value = new DateOnly(y, m, d);
        return null;
    }
}
