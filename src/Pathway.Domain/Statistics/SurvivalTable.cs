using System.Globalization;

namespace Pathway.Domain.Statistics;

/// <summary>
/// Which CSV columns hold what. Group, strata and cluster are labels; covariates are numbers. With <see cref="Start"/>,
/// each row is a (start, stop] interval and <see cref="Time"/> is its stop.
/// </summary>
public sealed record SurvivalColumns(string Time, string Event, string? Group = null, IReadOnlyList<string>? Covariates = null, string? Strata = null,
    string? Start = null, string? Cluster = null);

/// <summary>Survival data read from a CSV: one row per person or period, validated.</summary>
public sealed record SurvivalTable(
    IReadOnlyList<double> Time,
    IReadOnlyList<bool> Event,
    IReadOnlyList<string>? Group,
    IReadOnlyList<string> CovariateNames,
    IReadOnlyList<IReadOnlyList<double>> Covariates,
    IReadOnlyList<string>? Strata,
    IReadOnlyList<double>? Start = null,
    IReadOnlyList<string>? Cluster = null)
{
    public int Count => Time.Count;

    /// <summary>
    /// Reads a comma-separated file with a header row (RFC 4180 quoting). Fails on the first bad value, naming the row
    /// (data rows counted from 1; the file line is given too) and the column: a missing column, an empty or non-numeric
    /// value, a negative or non-finite time, a start not before its stop, an event that is not 0 or 1.
    /// </summary>
    public static StatisticsResult<SurvivalTable> Parse(TextReader reader, SurvivalColumns columns)
    {
        var header = ReadRecord(reader, out var headerError);
        if (headerError is not null) return Fail($"line 1: {headerError}");
        if (header is null || header.Count == 0 || (header.Count == 1 && header[0].Length == 0))
            return Fail("the file is empty: expected a header row naming the columns");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++) index.TryAdd(header[i].Trim(), i);

        var covariateNames = columns.Covariates ?? [];
        foreach (var name in new[] { columns.Start, columns.Time, columns.Event, columns.Group, columns.Strata, columns.Cluster }.Concat(covariateNames))
        {
            if (name is not null && !index.ContainsKey(name))
                return Fail($"column '{name}' is not in the header (columns are: {string.Join(", ", header.Select(h => h.Trim()))})");
        }

        var time = new List<double>();
        var evt = new List<bool>();
        var group = columns.Group is null ? null : new List<string>();
        var strata = columns.Strata is null ? null : new List<string>();
        var start = columns.Start is null ? null : new List<double>();
        var cluster = columns.Cluster is null ? null : new List<string>();
        var covariates = covariateNames.Select(_ => new List<double>()).ToArray();
        var row = 0;
        var line = 1;
        while (true)
        {
            var fields = ReadRecord(reader, out var error);
            line++;
            if (error is not null) return Fail($"row {row + 1} (line {line}): {error}");
            if (fields is null) break;
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            row++;
            string Where(string column) => $"row {row} (line {line}), column '{column}'";
            string? Cell(string column, out string? problem)
            {
                var i = index[column];
                problem = null;
                if (i >= fields.Count)
                {
                    problem = $"{Where(column)}: the row has {fields.Count} values but the header has {header.Count} columns";
                    return null;
                }
                var v = fields[i].Trim();
                if (v.Length == 0) problem = $"{Where(column)}: the value is empty";
                return v;
            }

            var tText = Cell(columns.Time, out var p);
            if (p is not null) return Fail(p);
            if (!TryNumber(tText!, out var t)) return Fail($"{Where(columns.Time)}: '{tText}' is not a number");
            if (t < 0) return Fail($"{Where(columns.Time)}: the time {tText} is negative");
            time.Add(t);

            if (columns.Start is not null)
            {
                var sText = Cell(columns.Start, out p);
                if (p is not null) return Fail(p);
                if (!TryNumber(sText!, out var s)) return Fail($"{Where(columns.Start)}: '{sText}' is not a number");
                if (s >= t) return Fail($"{Where(columns.Start)}: the start {sText} is not before the stop {tText} (column '{columns.Time}'), so the interval is empty");
                start!.Add(s);
            }

            var eText = Cell(columns.Event, out p);
            if (p is not null) return Fail(p);
            if (eText is not ("0" or "1")) return Fail($"{Where(columns.Event)}: the event must be 0 (censored) or 1 (event), not '{eText}'");
            evt.Add(eText == "1");

            if (columns.Group is not null)
            {
                var g = Cell(columns.Group, out p);
                if (p is not null) return Fail(p);
                group!.Add(g!);
            }
            if (columns.Strata is not null)
            {
                var s = Cell(columns.Strata, out p);
                if (p is not null) return Fail(p);
                strata!.Add(s!);
            }
            if (columns.Cluster is not null)
            {
                var c = Cell(columns.Cluster, out p);
                if (p is not null) return Fail(p);
                cluster!.Add(c!);
            }
            for (var k = 0; k < covariateNames.Count; k++)
            {
                var c = Cell(covariateNames[k], out p);
                if (p is not null) return Fail(p);
                if (!TryNumber(c!, out var x)) return Fail($"{Where(covariateNames[k])}: '{c}' is not a number");
                covariates[k].Add(x);
            }
        }
        if (row == 0) return Fail("the file has a header but no data rows");
        return StatisticsResult<SurvivalTable>.Ok(new SurvivalTable(time, evt, group, covariateNames.ToArray(), covariates, strata, start, cluster));
    }

    private static StatisticsResult<SurvivalTable> Fail(string message) => StatisticsResult<SurvivalTable>.Failed(message);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>One CSV record (quoted fields may hold commas, doubled quotes and line breaks); null at end of input.</summary>
    private static List<string>? ReadRecord(TextReader reader, out string? error)
    {
        error = null;
        var first = reader.Peek();
        if (first < 0) return null;
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            var ch = reader.Read();
            if (ch < 0)
            {
                if (quoted)
                {
                    error = "a quoted value is not closed";
                    return null;
                }
                fields.Add(field.ToString());
                return fields;
            }
            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    if (reader.Peek() == '\n') reader.Read();
                    fields.Add(field.ToString());
                    return fields;
                case '\n':
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(c);
                    break;
            }
        }
    }
}
