using System.Globalization;
using System.Text;
using Pathway.Domain.Disclosure;

namespace Pathway.Web.Infrastructure;

/// <summary>
/// CSV downloads (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break).
/// A field that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is prefixed with an
/// apostrophe, so a name typed into Pathway can never become a formula in someone's spreadsheet. Numbers go through
/// <see cref="Number"/> so they are never mistaken for formulas.
/// </summary>
public static class Csv
{
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(Field(row[i]));
            }
            sb.Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>A suppressed table as CSV: a header row, then each row with its total, then the totals row; hidden entries as <c>[c]</c>.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(SuppressedTable t, string rowHeader)
    {
        yield return [rowHeader, .. t.ColumnLabels, "Total"];
        for (var i = 0; i <= t.RowCount; i++)
        {
            var row = new List<string> { i < t.RowCount ? t.RowLabels[i] : "All" };
            for (var j = 0; j <= t.ColumnCount; j++) row.Add(t.Entry(i, j).Published is { } n ? n.ToString(CultureInfo.InvariantCulture) : "[c]");
            yield return row;
        }
    }

    public static string Number(double? value, int decimals = 1) =>
        value is { } v ? Math.Round(v, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : "[c]";

    private static string Field(string value)
    {
        var v = value;
        if (v.Length > 0 && (v[0] is '=' or '+' or '@' or '\t' or '\r' || (v[0] == '-' && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))))
            v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}

/// <summary>A CSV file to download, with the name the browser should save it under.</summary>
public static class CsvResults
{
    public static Microsoft.AspNetCore.Mvc.FileContentResult File(string csv, string fileName) =>
        new(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
