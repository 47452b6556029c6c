namespace Pathway.Domain.Disclosure;

/// <summary>
/// Small-cell suppression for a two-way table of counts with row, column and grand totals.
/// <para>Primary: every entry (cells and totals alike) the policy calls small is hidden.</para>
/// <para>Secondary: the table and its margins are a set of additive lines (each row with its total, each column with its
/// total, the totals row and column with the grand total). A reader can recover a hidden entry exactly only by
/// combining lines, and in such a grid that is possible exactly when the entry is a bridge of the bipartite graph whose
/// vertices are the lines and whose edges are the hidden entries. So: first every line with exactly one hidden entry gets a
/// second one (the smallest non-zero published entry in that line); then any remaining bridge is put on a cycle by hiding
/// the smallest non-zero published entry that joins its two sides. Repeat until neither applies. Zero entries are used as
/// complements only when no non-zero one will do.</para>
/// <para>What this does not defend against: bounds. A hidden entry can still be bounded (for example, between 0 and a
/// small row total); that is why small totals are themselves primary-suppressed.</para>
/// </summary>
public static class SmallCellSuppression
{
    public static SuppressedTable Apply(IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] counts, DisclosurePolicy? policy = null)
    {
        policy ??= DisclosurePolicy.Default;
        var r = rows.Count;
        var c = columns.Count;
        if (counts.GetLength(0) != r || counts.GetLength(1) != c) throw new ArgumentException("counts must be rows × columns", nameof(counts));

        // The full grid with margins.
        var value = new int[r + 1, c + 1];
        for (var i = 0; i < r; i++)
            for (var j = 0; j < c; j++)
            {
                if (counts[i, j] < 0) throw new ArgumentOutOfRangeException(nameof(counts), "counts cannot be negative");
                value[i, j] = counts[i, j];
                value[i, c] += counts[i, j];
                value[r, j] += counts[i, j];
                value[r, c] += counts[i, j];
            }
        var state = new Suppression[r + 1, c + 1];
        for (var i = 0; i <= r; i++)
            for (var j = 0; j <= c; j++)
                if (policy.IsPrimary(value[i, j])) state[i, j] = Suppression.Primary;

        var hidden = new bool[r + 1, c + 1];
        Sync();
        while (CompleteLines() || BreakBridge()) Sync();

        var entries = new TableEntry[r + 1, c + 1];
        for (var i = 0; i <= r; i++)
            for (var j = 0; j <= c; j++) entries[i, j] = new TableEntry(value[i, j], state[i, j]);
        return new SuppressedTable(rows, columns, entries, policy);

        void Sync()
        {
            for (var i = 0; i <= r; i++)
                for (var j = 0; j <= c; j++) hidden[i, j] = state[i, j] != Suppression.None;
        }

        // A line (row or column, totals included) with exactly one hidden entry gives it away by subtraction.
        bool CompleteLines()
        {
            var changed = false;
            for (var i = 0; i <= r; i++)
            {
                var line = Enumerable.Range(0, c + 1).Select(j => (i, j)).ToArray();
                changed |= Complete(line);
            }
            for (var j = 0; j <= c; j++)
            {
                var line = Enumerable.Range(0, r + 1).Select(i => (i, j)).ToArray();
                changed |= Complete(line);
            }
            return changed;
        }

        bool Complete((int I, int J)[] line)
        {
            if (line.Count(e => state[e.I, e.J] != Suppression.None) != 1) return false;
            var pick = Smallest(line.Where(e => state[e.I, e.J] == Suppression.None));
            if (pick is not { } p) return false;
            state[p.I, p.J] = Suppression.Secondary;
            return true;
        }

        bool BreakBridge()
        {
            Sync();
            foreach (var (bi, bj) in SuppressionAudit.Bridges(hidden))
            {
                // The two sides of the bridge; hiding any published entry that joins them puts the bridge on a cycle.
                var (rowsA, colsA) = SuppressionAudit.Reach(hidden, true, bi, (bi, bj));
                var (rowsB, colsB) = SuppressionAudit.Reach(hidden, false, bj, (bi, bj));
                var candidates = new List<(int I, int J)>();
                for (var i = 0; i <= r; i++)
                    for (var j = 0; j <= c; j++)
                        if (state[i, j] == Suppression.None && ((rowsA[i] && colsB[j]) || (rowsB[i] && colsA[j]))) candidates.Add((i, j));
                if (Smallest(candidates) is { } p)
                {
                    state[p.I, p.J] = Suppression.Secondary;
                    return true;
                }
            }
            return false;
        }

        // Smallest non-zero value; interior cells before totals at equal value; zero only as a last resort.
        (int I, int J)? Smallest(IEnumerable<(int I, int J)> candidates)
        {
            (int I, int J)? best = null;
            foreach (var e in candidates)
            {
                if (best is not { } b || Better(e, b)) best = e;
            }
            return best;

            bool Better((int I, int J) x, (int I, int J) y)
            {
                var vx = value[x.I, x.J];
                var vy = value[y.I, y.J];
                if ((vx == 0) != (vy == 0)) return vy == 0;
                if (vx != vy) return vx < vy;
                var mx = x.I == r || x.J == c;
                var my = y.I == r || y.J == c;
                return !mx && my;
            }
        }
    }
}
