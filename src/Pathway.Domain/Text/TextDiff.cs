namespace Pathway.Domain.Text;

public enum DiffOp
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of text (word mode) or one line (line mode) that is the same in both versions, added, or removed.</summary>
public sealed record DiffSegment(DiffOp Op, string Text);

/// <summary>
/// The one diff Pathway shows between two versions of what someone wrote: longest common subsequence over words (with the
/// whitespace between them, so joining a side's segments gives its text back) or over lines. Common leading and trailing
/// tokens are stripped first, so typical edits to long text stay cheap; a rewrite too large to compare is shown as all
/// removed, then all added.
/// </summary>
public static class TextDiff
{
    private const long MaxCells = 4_000_000;

    /// <summary>Words: adjacent segments of the same kind merge, so the output reads as runs of text (assessments).</summary>
    public static IReadOnlyList<DiffSegment> Words(string? before, string? after) =>
        Diff(Tokens(before ?? ""), Tokens(after ?? ""), merge: true);

    /// <summary>Lines, one segment each, trailing spaces and line-ending style ignored (care-plan versions).</summary>
    public static IReadOnlyList<DiffSegment> Lines(string? before, string? after) =>
        Diff(SplitLines(before), SplitLines(after), merge: false);

    /// <summary>Whether two texts differ by more than line endings and trailing spaces.</summary>
    public static bool Changed(string? before, string? after) =>
        !SplitLines(before).SequenceEqual(SplitLines(after), StringComparer.Ordinal);

    private static List<DiffSegment> Diff(List<string> a, List<string> b, bool merge)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        var result = new List<DiffSegment>();
        Add(result, DiffOp.Same, a.Take(prefix), merge);
        var midA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var midB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            Add(result, DiffOp.Removed, midA, merge);
            Add(result, DiffOp.Added, midB, merge);
        }
        else
        {
            Lcs(midA, midB, result, merge);
        }
        Add(result, DiffOp.Same, a.Skip(a.Count - suffix), merge);
        return result;
    }

    private static void Lcs(List<string> a, List<string> b, List<DiffSegment> result, bool merge)
    {
        var n = a.Count;
        var m = b.Count;
        var len = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                len[i, j] = a[i] == b[j] ? len[i + 1, j + 1] + 1 : Math.Max(len[i + 1, j], len[i, j + 1]);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[x] == b[y]) { Add(result, DiffOp.Same, [a[x]], merge); x++; y++; }
            else if (len[x + 1, y] >= len[x, y + 1]) { Add(result, DiffOp.Removed, [a[x]], merge); x++; }
            else { Add(result, DiffOp.Added, [b[y]], merge); y++; }
        }
        Add(result, DiffOp.Removed, a.Skip(x), merge);
        Add(result, DiffOp.Added, b.Skip(y), merge);
    }

    private static void Add(List<DiffSegment> result, DiffOp op, IEnumerable<string> tokens, bool merge)
    {
        if (!merge)
        {
            result.AddRange(tokens.Select(t => new DiffSegment(op, t)));
            return;
        }
        var text = string.Concat(tokens);
        if (text.Length == 0) return;
        if (result.Count > 0 && result[^1].Op == op) result[^1] = result[^1] with { Text = result[^1].Text + text };
        else result.Add(new DiffSegment(op, text));
    }

    /// <summary>Words and the whitespace runs between them, so joining the tokens gives the text back.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]) != char.IsWhiteSpace(text[i - 1]))
            {
                if (i > start) tokens.Add(text[start..i]);
                start = i;
            }
        }
        return tokens;
    }

    private static List<string> SplitLines(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : [.. s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())];
}
