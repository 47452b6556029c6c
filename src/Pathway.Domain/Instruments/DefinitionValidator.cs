using System.Text.RegularExpressions;

namespace Pathway.Domain.Instruments;

/// <summary>Checks a definition's internal consistency and says exactly what is wrong and where.</summary>
public static partial class DefinitionValidator
{
    public static IReadOnlyList<string> Validate(InstrumentDefinition d)
    {
        var e = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Key) || !KeyPattern().IsMatch(d.Key))
            e.Add($"key '{d.Key}' must be lower-case letters, digits and hyphens, starting with a letter (at most 60)");
        if (d.Version < 1) e.Add($"version must be 1 or more (got {d.Version})");
        if (string.IsNullOrWhiteSpace(d.Title)) e.Add("title is required");
        if (string.IsNullOrWhiteSpace(d.Citation)) e.Add("citation is required: say where the instrument comes from");
        if (string.IsNullOrWhiteSpace(d.Licence)) e.Add("licence is required: state the copyright and licence terms");
        if (d.Items.Count == 0 && !d.GuidanceOnly) e.Add("items: a definition needs at least one item");
        if (d.GuidanceOnly)
        {
            if (d.Guidance.Count == 0) e.Add("guidance: a guidance-only definition must give its criteria or advice under guidance");
            if (d.ScreenedIn is not null || d.Subscales.Count > 0 || d.Bands.Count > 0)
                e.Add("guidanceOnly: a guidance-only definition is not scored, so it cannot have subscales, bands or a screening rule");
        }
        foreach (var (g, i) in d.Guidance.Select((g, i) => (g, i)).Where(x => string.IsNullOrWhiteSpace(x.g)))
            e.Add($"guidance[{i}]: a guidance line cannot be empty");

        var linkIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in d.Gates)
        {
            CheckLinkId(g.LinkId, "gates", e);
            if (!linkIds.Add(g.LinkId)) e.Add($"gates: duplicate link id '{g.LinkId}'");
            if (string.IsNullOrWhiteSpace(g.Text)) e.Add($"gates['{g.LinkId}']: text is required");
        }

        var subscales = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in d.Subscales)
        {
            if (!subscales.Add(s.Key)) e.Add($"subscales: duplicate subscale key '{s.Key}'");
            if (string.IsNullOrWhiteSpace(s.Title)) e.Add($"subscales['{s.Key}']: title is required");
        }

        if (d.Kind == InstrumentKind.RatingSheet)
        {
            if (d.RatingScales.Count == 0) e.Add("ratingScales: a rating sheet needs at least one rating scale (e.g. presence)");
            var scaleKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in d.RatingScales)
            {
                if (!scaleKeys.Add(r.Key)) e.Add($"ratingScales: duplicate key '{r.Key}'");
                CheckOptions(r.Options, $"ratingScales['{r.Key}']", e);
            }
        }
        else if (d.RatingScales.Count > 0)
        {
            e.Add("ratingScales: only a rating sheet has rating scales; give a questionnaire's items their own options");
        }

        foreach (var item in d.Items)
        {
            var at = $"items['{item.LinkId}']";
            CheckLinkId(item.LinkId, "items", e);
            if (!linkIds.Add(item.LinkId)) e.Add($"items: duplicate link id '{item.LinkId}'");
            if (string.IsNullOrWhiteSpace(item.Text)) e.Add($"{at}: text is required");
            if (d.Kind == InstrumentKind.Questionnaire) CheckOptions(item.OptionList, at, e);
            else if (item.OptionList.Count > 0) e.Add($"{at}: a rating-sheet item is rated on the sheet's rating scales, not its own options");
            if (item.Reverse && d.Kind == InstrumentKind.RatingSheet) e.Add($"{at}: reverse scoring needs options; a rating-sheet item has none");
            if (item.ReasonRequired && d.Kind == InstrumentKind.RatingSheet) e.Add($"{at}: only a questionnaire item can ask for a written reason");
            foreach (var s in item.SubscaleKeys.Where(s => !subscales.Contains(s)))
                e.Add($"{at}: unknown subscale '{s}'. Declare it under subscales");
            if (item.SubscaleKeys.Distinct().Count() != item.SubscaleKeys.Count) e.Add($"{at}: a subscale is listed twice");
        }

        if (d.NoAutomaticScore)
        {
            if (d.Subscales.Count > 0 || d.Bands.Count > 0 || d.ScreenedIn is not null || d.Items.Any(i => i.SubscaleKeys.Count > 0))
                e.Add("noAutomaticScore: a licensed tool that is not scored automatically cannot have subscales, bands or a screening rule");
        }
        foreach (var s in d.Subscales.Where(s => d.Items.All(i => !i.SubscaleKeys.Contains(s.Key))))
            e.Add($"subscales['{s.Key}']: no item belongs to it");

        foreach (var group in d.Bands.GroupBy(b => b.Subscale))
        {
            if (!subscales.Contains(group.Key))
            {
                e.Add($"bands: band on nonexistent subscale '{group.Key}'");
                continue;
            }
            var ordered = group.OrderBy(b => b.Min).ToList();
            foreach (var b in ordered.Where(b => b.Min > b.Max))
                e.Add($"bands['{group.Key}']: band '{b.Label}' runs from {b.Min} down to {b.Max}; min must not exceed max");
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Min <= ordered[i - 1].Max)
                    e.Add($"bands['{group.Key}']: bands '{ordered[i - 1].Label}' ({ordered[i - 1].Min}–{ordered[i - 1].Max}) and '{ordered[i].Label}' ({ordered[i].Min}–{ordered[i].Max}) overlap, so a score would have two meanings");
            }
            foreach (var b in ordered.Where(b => string.IsNullOrWhiteSpace(b.Label)))
                e.Add($"bands['{group.Key}']: a band from {b.Min} to {b.Max} has no label");
        }

        if (d.ScreenedIn is { } rule)
        {
            if (rule.AnyOf.Count == 0 && !rule.AllowOverride) e.Add("screenedIn: give at least one threshold in anyOf");
            foreach (var t in rule.AnyOf) CheckCondition(d, t, "screenedIn", subscales, e);
            foreach (var t in rule.RequiresList) CheckCondition(d, t, "screenedIn.requires", subscales, e);
        }
        return e;
    }

    /// <summary>A condition names a subscale with a score (atLeast) or an item with one of its option codes (answer), never both.</summary>
    private static void CheckCondition(InstrumentDefinition d, Threshold t, string at, HashSet<string> subscales, List<string> e)
    {
        if (t.Subscale is not null && t.Item is not null)
        {
            e.Add($"{at}: a condition names a subscale or an item, not both (got subscale '{t.Subscale}' and item '{t.Item}')");
            return;
        }
        if (t.Item is { } linkId)
        {
            if (t.AtLeast is not null) e.Add($"{at}: a condition on item '{linkId}' gives an answer, not atLeast");
            var item = d.Items.FirstOrDefault(i => i.LinkId == linkId);
            if (item is null || d.Kind == InstrumentKind.RatingSheet) e.Add($"{at}: condition on nonexistent questionnaire item '{linkId}'");
            else if (t.Answer is null || item.OptionList.All(o => o.Code != t.Answer))
                e.Add($"{at}: the answer '{t.Answer}' is not an option of item '{linkId}'. Use one of: {string.Join(", ", item.OptionList.Select(o => o.Code))}");
            return;
        }
        if (t.Subscale is null)
        {
            e.Add($"{at}: a condition needs a subscale with atLeast, or an item with an answer");
            return;
        }
        if (t.Answer is not null) e.Add($"{at}: a condition on subscale '{t.Subscale}' gives atLeast, not an answer");
        if (!subscales.Contains(t.Subscale)) e.Add($"{at}: threshold on nonexistent subscale '{t.Subscale}'");
        else if (t.AtLeast is not { } atLeast) e.Add($"{at}: threshold on '{t.Subscale}' needs atLeast");
        else if (atLeast < 0) e.Add($"{at}: threshold on '{t.Subscale}' must be 0 or more");
        else if (atLeast > MaxScore(d, t.Subscale))
            e.Add($"{at}: threshold {atLeast} on '{t.Subscale}' can never be met (the highest possible score is {MaxScore(d, t.Subscale)})");
    }

    private static int MaxScore(InstrumentDefinition d, string subscale) =>
        d.Items.Where(i => i.SubscaleKeys.Contains(subscale) && i.OptionList.Count > 0).Sum(i => i.OptionList.Max(o => o.Value));

    private static void CheckLinkId(string linkId, string where, List<string> e)
    {
        if (string.IsNullOrWhiteSpace(linkId) || !LinkIdPattern().IsMatch(linkId))
            e.Add($"{where}: link id '{linkId}' must be letters, digits and hyphens (at most 40), with no dots");
    }

    private static void CheckOptions(IReadOnlyList<ResponseOption> options, string at, List<string> e)
    {
        if (options.Count < 2) e.Add($"{at}: needs at least two response options");
        foreach (var dup in options.GroupBy(o => o.Code).Where(g => g.Count() > 1))
            e.Add($"{at}: duplicate option code '{dup.Key}'");
        foreach (var o in options.Where(o => string.IsNullOrWhiteSpace(o.Code) || string.IsNullOrWhiteSpace(o.Display)))
            e.Add($"{at}: every option needs a code and display text");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex LinkIdPattern();
}
