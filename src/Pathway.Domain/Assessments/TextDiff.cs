namespace Pathway.Domain.Assessments;

public enum DiffOp
{
    Same,
    Added,
    Removed,
}

public sealed record DiffSegment(DiffOp Op, string Text);

/// <summary>
/// A word-level diff (longest common subsequence over words and the spaces between them). Common leading and trailing
/// words are stripped first, so typical edits to long text stay cheap; a very large rewrite is shown as removed-then-added.
/// </summary>
public static class TextDiff
{
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Words(string? before, string? after)
    {
        var a = Tokens(before ?? "");
        var b = Tokens(after ?? "");
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        var result = new List<DiffSegment>();
        Add(result, DiffOp.Same, a.Take(prefix));
        var midA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var midB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            Add(result, DiffOp.Removed, midA);
            Add(result, DiffOp.Added, midB);
        }
        else
        {
            Lcs(midA, midB, result);
        }
        Add(result, DiffOp.Same, a.Skip(a.Count - suffix));
        return result;
    }

    private static void Lcs(List<string> a, List<string> b, List<DiffSegment> result)
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
            if (a[x] == b[y]) { Add(result, DiffOp.Same, [a[x]]); x++; y++; }
            else if (len[x + 1, y] >= len[x, y + 1]) { Add(result, DiffOp.Removed, [a[x]]); x++; }
            else { Add(result, DiffOp.Added, [b[y]]); y++; }
        }
        Add(result, DiffOp.Removed, a.Skip(x));
        Add(result, DiffOp.Added, b.Skip(y));
    }

    // Adjacent segments of the same kind merge, so the output reads as runs of text.
    private static void Add(List<DiffSegment> result, DiffOp op, IEnumerable<string> tokens)
    {
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
}
