using Pathway.Domain.Text;

namespace Pathway.Domain.Assessments;

public enum FieldChangeKind
{
    Added,
    Removed,
    Changed,
}

public sealed record FieldChange(string SectionKey, string SectionTitle, string FieldKey, string FieldLabel, FieldChangeKind Kind,
    string? Before, string? After, IReadOnlyList<DiffSegment> Segments);

/// <summary>
/// Section-by-section, field-by-field differences between two versions. Each side is the version's content as text
/// keyed by field (needs and the chosen OGRS3 are rendered to text by the caller, so they diff like any field).
/// </summary>
public static class AssessmentDiff
{
    public static IReadOnlyList<FieldChange> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after,
        bool includeWithheld)
    {
        var changes = new List<FieldChange>();
        foreach (var section in AssessmentSections.All)
        {
            if (section.Key == AssessmentSections.Withheld && !includeWithheld) continue;
            IEnumerable<FieldDefinition> fields = section.Fields;
            if (section.Key == "risk") fields = fields.Prepend(new FieldDefinition(Ogrs3Key, "OGRS3"));
            foreach (var f in fields)
            {
                var b = Clean(before, f.Key);
                var a = Clean(after, f.Key);
                if (b == a) continue;
                var kind = b is null ? FieldChangeKind.Added : a is null ? FieldChangeKind.Removed : FieldChangeKind.Changed;
                changes.Add(new FieldChange(section.Key, section.Title, f.Key, f.Label, kind, b, a, TextDiff.Words(b, a)));
            }
        }
        return changes;
    }

    /// <summary>The pseudo-field under which the OGRS3 chosen for the risk section is compared.</summary>
    public const string Ogrs3Key = "risk.ogrs3";

    private static string? Clean(IReadOnlyDictionary<string, string> d, string key) =>
        d.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim().ReplaceLineEndings("\n") : null;
}
