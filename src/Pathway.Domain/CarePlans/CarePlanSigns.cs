namespace Pathway.Domain.CarePlans;

/// <summary>One trigger or early warning sign written in a care plan, as a choice to link a behaviour of concern to.</summary>
/// <param name="Key">Stable within a plan version: the field key and the line's number, e.g. <c>triggers.early-warning:1</c>.</param>
/// <param name="Kind">"Trigger" or "Early warning sign".</param>
/// <param name="Sign">The sign itself: the line up to the first dash that introduces who notices it and what to do.</param>
/// <param name="Line">The whole line as written.</param>
public sealed record CarePlanSign(string Key, string Kind, string Sign, string Line);

/// <summary>
/// Lists the triggers and early warning signs of a care plan version. The plan asks for one per line ("For each: who is
/// likely to notice it and what to do"), so each non-blank line is a sign; a plan version is fixed once signed, so a key
/// names the same words for as long as the version exists.
/// </summary>
public static class CarePlanSigns
{
    public const string TriggersKey = "triggers";
    public const string EarlyWarningKey = "triggers.early-warning";

    private static readonly string[] Dashes = [" – ", " — ", " - "];

    public static IReadOnlyList<CarePlanSign> From(IReadOnlyDictionary<string, string> text)
    {
        var signs = new List<CarePlanSign>();
        foreach (var (field, kind) in new[] { (EarlyWarningKey, "Early warning sign"), (TriggersKey, "Trigger") })
        {
            if (!text.TryGetValue(field, out var value)) continue;
            var lines = value.ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim().TrimStart('-', '•', '*').Trim();
                if (line.Length == 0) continue;
                var cut = Dashes.Select(d => line.IndexOf(d, StringComparison.Ordinal)).Where(x => x > 0).DefaultIfEmpty(line.Length).Min();
                signs.Add(new($"{field}:{i + 1}", kind, line[..cut].Trim().TrimEnd('.'), line));
            }
        }
        return signs;
    }
}
