namespace Pathway.Domain.CarePlans;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// A line diff between two versions of a section's text (longest common subsequence), so a reader sees what a new
/// care-plan version changed. Sections are short; the quadratic table is bounded by <see cref="MaxLines"/>.
/// </summary>
public static class TextDiff
{
    public const int MaxLines = 400;

    public static IReadOnlyList<DiffLine> Lines(string? before, string? after)
    {
        var a = Split(before);
        var b = Split(after);
        if (a.Length > MaxLines || b.Length > MaxLines)
            return [.. a.Select(l => new DiffLine(DiffKind.Removed, l)), .. b.Select(l => new DiffLine(DiffKind.Added, l))];
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { result.Add(new(DiffKind.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) result.Add(new(DiffKind.Removed, a[x++]));
            else result.Add(new(DiffKind.Added, b[y++]));
        }
        while (x < a.Length) result.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Length) result.Add(new(DiffKind.Added, b[y++]));
        return result;
    }

    public static bool Changed(string? before, string? after) => Normalise(before) != Normalise(after);

    private static string Normalise(string? s) => string.Join('\n', Split(s));

    private static string[] Split(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToArray();
}
