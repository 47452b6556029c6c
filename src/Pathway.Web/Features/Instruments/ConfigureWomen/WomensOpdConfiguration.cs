using System.Globalization;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

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
/// item keeps its id, a new item gets an id never used by any earlier version, so answers keep their meaning. The
/// shipped version is guidance only (NEON's criteria); the first version the lead publishes here switches scoring on.
/// Every configured version asks the clinical-link question and screens in only with a "yes", as NEON's criteria
/// include a link between the likely personality disorder and the risk.
/// </summary>
public static class WomensOpdConfiguration
{
    public const string Key = "opd-screen-women";
    public const string Personality = "personality";
    public const string Indicators = "indicators";
    public const string LinkId = "link";
    private static readonly ResponseOption[] YesNo = [new("Y", "Yes", 1), new("N", "No", 0)];

    /// <summary>The clinical-link question, as the men's screens ask it.</summary>
    public static readonly InstrumentItem Link = new(LinkId,
        "There is a clinically justifiable link between the likely personality disorder and the risk",
        Required: true, Options: YesNo, Section: "Clinical link", ReasonRequired: true,
        Hint: "Say why there is, or is not, a link between the person's likely personality difficulties and their risk of serious harm.");

    /// <summary>The items the form edits: those counted towards a score. Other items (the clinical link) are kept as they are.</summary>
    public static IEnumerable<InstrumentItem> Scored(InstrumentDefinition def) => def.Items.Where(i => i.SubscaleKeys.Count > 0);

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
            var existing = Scored(latest).FirstOrDefault(x => x.LinkId == row.LinkId);
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

        var kept = latest.Items.Where(i => i.SubscaleKeys.Count == 0).ToList();
        if (kept.All(i => i.LinkId != LinkId)) kept.Add(Link);
        var next = latest with
        {
            Version = latest.Version + 1,
            Description = "Offender Personality Disorder pathway screen for women as configured locally by the clinical lead: eligibility questions, personality items and indicators (each present or not), and the clinical-link question.",
            Notes = "LOCAL CONFIGURATION, not a published scoring: HMPPS has not published how it scores the women's screen. Items and thresholds are set by the clinical lead; each change publishes a new version. Screened in only with a clinically justifiable link between the likely personality disorder and the risk. Applies when either eligibility question is answered yes.",
            GuidanceOnly = false,
            Items = [.. items, .. kept],
            Subscales = [new(Personality, "Personality"), new(Indicators, "Indicators")],
            Bands = [.. Bands(Personality, p!.Value, pCount), .. Bands(Indicators, ind!.Value, iCount)],
            ScreenedIn = new ScreeningRule([new(Personality, p.Value), new(Indicators, ind.Value)], AllowOverride: true, Requires: [new(Item: LinkId, Answer: "Y")]),
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
