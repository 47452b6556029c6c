using System.Globalization;

namespace Pathway.Web.Infrastructure.Forms;

/// <summary>GOV.UK date and time formats ("26 November 2026").</summary>
public static class Display
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly? d) => d?.ToString("d MMMM yyyy", UkCulture) ?? "Not recorded";
    public static string ShortDate(DateOnly? d) => d?.ToString("d MMM yyyy", UkCulture) ?? "–";

    /// <summary>Stored in UTC, shown in UK time.</summary>
    public static string DateTime(DateTimeOffset? t) => t is { } v
        ? TimeZoneInfo.ConvertTime(v, UkTime).ToString("d MMMM yyyy 'at' h:mmtt", UkCulture).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal)
        : "–";

    public static int AgeOn(DateOnly dob, DateOnly day) => Domain.Cases.Age.On(dob, day);
}
