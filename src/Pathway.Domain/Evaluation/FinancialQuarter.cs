using System.Globalization;

namespace Pathway.Domain.Evaluation;

/// <summary>
/// A quarter of the UK financial year, the period NHS commissioners report on: Q1 is April to June, Q4 January to March.
/// <see cref="Year"/> is the year the financial year starts (2026 for 2026/27). Written as <c>2026-Q1</c> in queries.
/// </summary>
public sealed record FinancialQuarter(int Year, int Number) : IComparable<FinancialQuarter>
{
    public DateOnly Start => new DateOnly(Year, 4, 1).AddMonths(3 * (Number - 1));

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>"2026-Q1": the value a form or query carries.</summary>
    public string Key => $"{Year.ToString(CultureInfo.InvariantCulture)}-Q{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"Q1 2026/27 (April to June 2026)".</summary>
    public string Label => $"Q{Number} {Year}/{(Year + 1) % 100:00} ({Start.ToString("MMMM", CultureInfo.InvariantCulture)} to {End.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})";

    public FinancialQuarter Previous => Number == 1 ? new FinancialQuarter(Year - 1, 4) : new FinancialQuarter(Year, Number - 1);

    public static FinancialQuarter Containing(DateOnly day)
    {
        var year = day.Month >= 4 ? day.Year : day.Year - 1;
        var number = ((day.Month + 8) % 12) / 3 + 1;
        return new FinancialQuarter(year, number);
    }

    /// <summary>The quarter a reader may choose: the current one (still running) and the <paramref name="completed"/> before it, newest first.</summary>
    public static IReadOnlyList<FinancialQuarter> Choices(DateOnly today, int completed = 8)
    {
        var list = new List<FinancialQuarter> { Containing(today) };
        for (var i = 0; i < completed; i++) list.Add(list[^1].Previous);
        return list;
    }

    /// <summary>Parses "2026-Q1"; null for anything else (including years outside 2000–2999).</summary>
    public static FinancialQuarter? Parse(string? key)
    {
        if (key is not { Length: 7 } || key[4] != '-' || key[5] != 'Q') return null;
        if (!int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2999) return null;
        var number = key[6] - '0';
        return number is >= 1 and <= 4 ? new FinancialQuarter(year, number) : null;
    }

    public int CompareTo(FinancialQuarter? other) =>
        other is null ? 1 : Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public override string ToString() => Key;
}
