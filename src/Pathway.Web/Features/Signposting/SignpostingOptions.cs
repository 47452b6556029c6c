namespace Pathway.Web.Features.Signposting;

/// <summary>
/// Settings for signposting (section <c>Signposting</c>). Bank holidays decide the 10-working-day partner reminder; the
/// defaults are England and Wales for 2026 and 2027 — extend the list in configuration for later years.
/// </summary>
public sealed class SignpostingOptions
{
    public const string Section = "Signposting";

    public List<DateOnly> BankHolidays { get; set; } =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),
    ];

    public IReadOnlySet<DateOnly> Holidays => BankHolidays.ToHashSet();
}
