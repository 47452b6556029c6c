using System.Globalization;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;

namespace Pathway.Web.Features.Instruments.ConfigureWomen;

/// <summary>One row of the women's OPD screen form: an item, which part of the screen it counts towards, or removed.</summary>
public sealed class ItemRow
{
    public string? LinkId { get; set; }
    public string? Text { get; set; }
    /// <summary><c>personality</c>, <c>indicators</c>, or <c>remove</c>.</summary>
    public string? Part { get; set; }
}

/// <summary>
/// Builds the next version of the women's OPD screen from the clinical lead's form. Link ids stay stable: an existing
/// item keeps its id, a new item gets an id never used by any earlier version, so answers keep their meaning.
/// </summary>
public static class WomensOpdConfiguration
{
    public const string Key = "opd-screen-women";
    public const string Personality = "personality";
    public const string Indicators = "indicators";
    private static readonly ResponseOption[] YesNo = [new("Y", "Yes", 1), new("N", "No", 0)];

    public static (InstrumentDefinition? Next, List<FieldError> Errors) Build(
        InstrumentDefinition latest, IReadOnlyCollection<string> usedLinkIds, IReadOnlyList<ItemRow> rows, string? personalityThreshold, string? indicatorsThreshold)
    {
        var errors = new List<FieldError>();
        var items = new List<InstrumentItem>();
        var used = usedLinkIds.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var text = row.Text?.Trim();
            var existing = latest.Items.FirstOrDefault(x => x.LinkId == row.LinkId);
            if (row.Part == "remove" || (existing is null && string.IsNullOrEmpty(text))) continue;
            if (row.Part is not (Personality or Indicators))
            {
                errors.Add(new($"Items[{i}].Part", $"Choose whether item {i + 1} counts as a personality item or an indicator, or remove it"));
                continue;
            }
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(new($"Items[{i}].Text", $"Enter the text of item {i + 1}, or remove it"));
                continue;
            }
            if (text.Length > 300) errors.Add(new($"Items[{i}].Text", $"Item {i + 1} must be 300 characters or fewer"));
            var linkId = existing?.LinkId ?? NewLinkId(row.Part == Personality ? "p" : "i", used);
            used.Add(linkId);
            items.Add(new InstrumentItem(linkId, text, Required: true, Subscales: [row.Part], Options: YesNo,
                Section: row.Part == Personality ? "Personality items" : "Indicators"));
        }
        items = items.OrderBy(i => i.SubscaleKeys[0] == Personality ? 0 : 1).ToList();
        var p = Threshold(personalityThreshold, nameof(personalityThreshold), "personality", errors);
        var ind = Threshold(indicatorsThreshold, nameof(indicatorsThreshold), "indicators", errors);
        var pCount = items.Count(i => i.SubscaleKeys[0] == Personality);
        var iCount = items.Count - pCount;
        if (pCount == 0) errors.Add(new("Items", "Keep at least one personality item"));
        if (iCount == 0) errors.Add(new("Items", "Keep at least one indicator"));
        if (p is { } pv && pCount > 0 && pv > pCount) errors.Add(new("PersonalityThreshold", $"The personality threshold cannot be more than the {pCount} personality items"));
        if (ind is { } iv && iCount > 0 && iv > iCount) errors.Add(new("IndicatorsThreshold", $"The indicators threshold cannot be more than the {iCount} indicators"));
        if (errors.Count > 0) return (null, errors);

        var next = latest with
        {
            Version = latest.Version + 1,
            Items = items,
            Bands = [.. Bands(Personality, p!.Value, pCount), .. Bands(Indicators, ind!.Value, iCount)],
            ScreenedIn = new ScreeningRule([new(Personality, p.Value), new(Indicators, ind.Value)], AllowOverride: true),
        };
        return (next, errors);
    }

    public static int? CurrentThreshold(InstrumentDefinition def, string subscale) =>
        def.ScreenedIn?.AnyOf.FirstOrDefault(t => t.Subscale == subscale)?.AtLeast;

    private static IEnumerable<Band> Bands(string subscale, int threshold, int count) =>
        threshold > 0
            ? [new(subscale, 0, threshold - 1, "Below threshold"), new(subscale, threshold, count, "At or above threshold")]
            : [new(subscale, 0, count, "At or above threshold")];

    private static string NewLinkId(string prefix, HashSet<string> used)
    {
        var n = 1;
        while (used.Contains(prefix + n.ToString(CultureInfo.InvariantCulture))) n++;
        return prefix + n.ToString(CultureInfo.InvariantCulture);
    }

    private static int? Threshold(string? value, string field, string name, List<FieldError> errors)
    {
        var f = char.ToUpperInvariant(field[0]) + field[1..];
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(f, $"Enter the {name} threshold"));
            return null;
        }
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            errors.Add(new(f, $"The {name} threshold must be a whole number, like 7"));
            return null;
        }
        return n;
    }
}
