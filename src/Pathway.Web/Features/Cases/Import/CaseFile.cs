using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Cases.Import;

/// <summary>One row of an extract: its number as the person reading the file would count it, and its non-blank cells by column.</summary>
public sealed record CaseFileRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) ? v : null;
}

/// <summary>
/// Reads an extract, CSV (a header row, then one case a row; CsvHelper) or JSON (an array of objects with the same
/// keys), into rows. Problems with the file as a whole (no CRN column, a column Pathway does not know, a cell that
/// cannot be read) are field errors on <c>File</c>; problems with a value are the import's, by row.
/// </summary>
public static class CaseFile
{
    public const string Field = "File";

    public sealed record Contents(IReadOnlyList<string> Columns, IReadOnlyList<CaseFileRow> Rows);

    public static (Contents? File, IReadOnlyList<FieldError> Errors) Read(string name, Stream content)
    {
        try
        {
            using var reader = new StreamReader(content, leaveOpen: true);
            var text = reader.ReadToEnd();
            var isJson = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && text.TrimStart().StartsWith('['));
            var (columns, rows) = isJson ? ReadJson(text) : ReadCsv(text);
            var unknown = columns.Where(c => ImportColumns.Known(c) is null).ToList();
            var errors = new List<FieldError>();
            if (unknown.Count > 0)
                errors.Add(new(Field, $"The file has columns Pathway does not know: {string.Join(", ", unknown)}. Use the names in the column list"));
            if (!columns.Any(c => ImportColumns.Known(c) == ImportColumns.Crn))
                errors.Add(new(Field, "The file must have a crn column"));
            if (rows.Count == 0) errors.Add(new(Field, "The file has no rows to import"));
            return errors.Count > 0 ? (null, errors) : (new Contents(columns, rows), []);
        }
        catch (Exception e) when (e is CsvHelperException or JsonException or FormatException)
        {
            return (null, [new(Field, "The file could not be read: save it as CSV (UTF-8, with a header row) or as a JSON array of objects")]);
        }
    }

    private static (List<string>, List<CaseFileRow>) ReadCsv(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectDelimiter = false };
        using var csv = new CsvReader(new StringReader(text), config);
        var rows = new List<CaseFileRow>();
        if (!csv.Read()) return ([], rows);
        csv.ReadHeader();
        var headers = csv.HeaderRecord ?? [];
        var map = headers.Select(h => ImportColumns.Known(h)).ToArray();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                var value = csv.GetField(i);
                if (map[i] is { } column && !string.IsNullOrWhiteSpace(value)) cells[column] = value.Trim();
            }
            // A spreadsheet's row number: the header is row 1.
            if (cells.Count > 0) rows.Add(new CaseFileRow(csv.Parser.Row, cells));
        }
        return (headers.ToList(), rows);
    }

    private static (List<string>, List<CaseFileRow>) ReadJson(string text)
    {
        using var doc = JsonDocument.Parse(text);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("Not an array");
        var columns = new List<string>();
        var rows = new List<CaseFileRow>();
        var n = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            n++;
            if (item.ValueKind != JsonValueKind.Object) throw new JsonException("Not an object");
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in item.EnumerateObject())
            {
                if (!columns.Contains(p.Name)) columns.Add(p.Name);
                var value = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    JsonValueKind.Array => string.Join(";", p.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
                if (ImportColumns.Known(p.Name) is { } column && !string.IsNullOrWhiteSpace(value)) cells[column] = value.Trim();
            }
            rows.Add(new CaseFileRow(n, cells));
        }
        return (columns, rows);
    }
}
