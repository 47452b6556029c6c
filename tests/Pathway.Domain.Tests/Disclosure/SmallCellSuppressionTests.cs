using Pathway.Domain.Disclosure;

namespace Pathway.Domain.Tests.Disclosure;

public sealed class SmallCellSuppressionTests
{
    private static readonly string[] Three = ["a", "b", "c"];

    [Fact]
    public void NoSmallCounts_NothingHidden()
    {
        var t = SmallCellSuppression.Apply(Three, Three, new[,] { { 10, 12, 9 }, { 7, 20, 30 }, { 5, 6, 8 } });
        Assert.Equal(0, t.SuppressedCount(Suppression.Primary));
        Assert.Equal(0, t.SuppressedCount(Suppression.Secondary));
        Assert.Equal(107, t.GrandTotal.Published);
    }

    [Fact]
    public void OneSmallCell_GetsComplementsInItsRowAndColumn_ChosenAsTheSmallestNonZero()
    {
        // Row b holds the 3; its smallest other cell is 6 (column c). Column a's smallest other cell is 8 (row c).
        // Then row c and column c each have one hidden cell, closed by the 9 at (c, c): a 2 × 2 rectangle.
        var counts = new[,] { { 20, 15, 11 }, { 3, 40, 6 }, { 8, 12, 9 } };
        var t = SmallCellSuppression.Apply(Three, Three, counts);
        Assert.Equal(Suppression.Primary, t.Cell(1, 0).Suppression);
        Assert.Equal(Suppression.Secondary, t.Cell(1, 2).Suppression);
        Assert.Equal(Suppression.Secondary, t.Cell(2, 0).Suppression);
        Assert.Equal(Suppression.Secondary, t.Cell(2, 2).Suppression);
        Assert.Equal(4, t.SuppressedCount(Suppression.Primary) + t.SuppressedCount(Suppression.Secondary));
        Assert.All(Enumerable.Range(0, 3), i => Assert.NotNull(t.RowTotal(i).Published));
        Assert.Null(t.Cell(1, 0).Published);
        Assert.Empty(SuppressionAudit.RecoverableEntries(t));
        Assert.Empty(Attacker.Recover(t));
    }

    [Fact]
    public void Zeros_ArePublishedByDefault_AndHiddenWhenThePolicySaysSo()
    {
        var counts = new[,] { { 0, 12, 9 }, { 7, 20, 30 }, { 15, 6, 8 } };
        Assert.Equal(0, SmallCellSuppression.Apply(Three, Three, counts).Cell(0, 0).Published);
        var strict = SmallCellSuppression.Apply(Three, Three, counts, new DisclosurePolicy(SuppressZeros: true));
        Assert.Equal(Suppression.Primary, strict.Cell(0, 0).Suppression);
        Assert.Empty(Attacker.Recover(strict));
    }

    [Fact]
    public void Threshold_IsConfigurable()
    {
        var counts = new[,] { { 7, 12, 9 }, { 17, 20, 30 }, { 15, 16, 18 } };
        Assert.Equal(0, SmallCellSuppression.Apply(Three, Three, counts).SuppressedCount(Suppression.Primary));
        var ten = SmallCellSuppression.Apply(Three, Three, counts, new DisclosurePolicy(Threshold: 10));
        Assert.Equal(Suppression.Primary, ten.Cell(0, 0).Suppression);
        Assert.Equal(Suppression.Primary, ten.Cell(0, 2).Suppression);
        Assert.Empty(Attacker.Recover(ten));
    }

    [Fact]
    public void SmallTotals_AreThemselvesSuppressed()
    {
        // Row a has 1 + 2 = 3 people: the row total is a small count too.
        var t = SmallCellSuppression.Apply(["a", "b", "c"], ["x", "y"], new[,] { { 1, 2 }, { 30, 40 }, { 25, 35 } });
        Assert.Equal(Suppression.Primary, t.RowTotal(0).Suppression);
        Assert.Empty(Attacker.Recover(t));
    }

    [Fact]
    public void PrimaryOnly_IsBrokenBySubtraction_WhichIsWhySecondaryExists()
    {
        var counts = new[,] { { 20, 15, 11 }, { 3, 40, 6 }, { 8, 12, 9 } };
        var hidden = new bool[4, 4];
        hidden[1, 0] = true; // only the 3
        var recovered = Attacker.Recover(Grid(counts), hidden);
        Assert.Equal([(1, 0, 3)], recovered);
    }

    [Fact]
    public void BridgeBetweenTwoSafeRectangles_IsFound_AndWouldBeRecoverable()
    {
        // Two rectangles of hidden cells, each line with two hidden entries, joined by a single hidden cell (2, 2):
        // every line has ≥ 2 hidden entries, yet (2, 2) is a bridge and can be solved for.
        var counts = new int[4, 4];
        for (var i = 0; i < 4; i++) for (var j = 0; j < 4; j++) counts[i, j] = 10 + i + 3 * j;
        var hidden = new bool[5, 5];
        foreach (var (i, j) in new[] { (0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2) })
            hidden[i, j] = true;
        // Row 1 now has three hidden cells and column 2 three; (1, 2) joins the two rectangles.
        var recovered = Attacker.Recover(Grid(counts), hidden);
        Assert.Equal([(1, 2, counts[1, 2])], recovered);
    }

    [Fact]
    public void RandomTables_NoHiddenEntryCanBeRecovered_AndEverySmallCountIsHidden()
    {
        var random = new Random(8);
        for (var n = 0; n < 300; n++)
        {
            var rows = random.Next(1, 7);
            var cols = random.Next(1, 7);
            var counts = new int[rows, cols];
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < cols; j++)
                    counts[i, j] = random.Next(4) switch { 0 => random.Next(0, 5), 1 => random.Next(0, 3), _ => random.Next(5, 60) };
            var policy = new DisclosurePolicy(Threshold: random.Next(2) == 0 ? 5 : 10, SuppressZeros: random.Next(3) == 0);
            var t = SmallCellSuppression.Apply(Labels(rows), Labels(cols), counts, policy);
            for (var i = 0; i <= rows; i++)
                for (var j = 0; j <= cols; j++)
                {
                    var e = t.Entry(i, j);
                    if (policy.IsPrimary(e.Value)) Assert.Equal(Suppression.Primary, e.Suppression);
                }
            Assert.Empty(Attacker.Recover(t));
            Assert.Empty(SuppressionAudit.RecoverableEntries(t));
        }
    }

    private static string[] Labels(int n) => Enumerable.Range(0, n).Select(i => $"L{i}").ToArray();

    private static int[,] Grid(int[,] counts)
    {
        var r = counts.GetLength(0);
        var c = counts.GetLength(1);
        var g = new int[r + 1, c + 1];
        for (var i = 0; i < r; i++)
            for (var j = 0; j < c; j++)
            {
                g[i, j] = counts[i, j];
                g[i, c] += counts[i, j];
                g[r, j] += counts[i, j];
                g[r, c] += counts[i, j];
            }
        return g;
    }
}

/// <summary>
/// An adversary independent of the suppression code: writes every line of the table (row = sum of its cells, etc.) as a
/// linear equation in the hidden entries, eliminates, and reports each hidden entry the published figures pin down
/// exactly, with the value it recovers.
/// </summary>
internal static class Attacker
{
    public static IReadOnlyList<(int Row, int Column, int Value)> Recover(SuppressedTable t)
    {
        var g = new int[t.RowCount + 1, t.ColumnCount + 1];
        var hidden = new bool[t.RowCount + 1, t.ColumnCount + 1];
        for (var i = 0; i <= t.RowCount; i++)
            for (var j = 0; j <= t.ColumnCount; j++)
            {
                var e = t.Entry(i, j);
                hidden[i, j] = e.Published is null;
                g[i, j] = e.Published ?? 0; // the attacker sees only what is published
            }
        return Recover(g, hidden);
    }

    public static IReadOnlyList<(int Row, int Column, int Value)> Recover(int[,] grid, bool[,] hidden)
    {
        var rows = grid.GetLength(0) - 1;
        var cols = grid.GetLength(1) - 1;
        var unknowns = new List<(int I, int J)>();
        for (var i = 0; i <= rows; i++) for (var j = 0; j <= cols; j++) if (hidden[i, j]) unknowns.Add((i, j));
        var index = unknowns.Select((u, k) => (u, k)).ToDictionary(x => x.u, x => x.k);
        var equations = new List<double[]>(); // coefficients then right-hand side
        void Line(IEnumerable<(int I, int J)> parts, (int I, int J) total)
        {
            var eq = new double[unknowns.Count + 1];
            foreach (var (i, j) in parts.Append(total))
            {
                var sign = (i, j) == total ? -1.0 : 1.0;
                if (hidden[i, j]) eq[index[(i, j)]] += sign;
                else eq[^1] -= sign * grid[i, j];
            }
            equations.Add(eq);
        }
        for (var i = 0; i <= rows; i++) Line(Enumerable.Range(0, cols).Select(j => (i, j)), (i, cols));
        for (var j = 0; j <= cols; j++) Line(Enumerable.Range(0, rows).Select(i => (i, j)), (rows, j));

        // Reduced row echelon form; an unknown is determined when some row has it as its only non-zero coefficient.
        var m = equations.ToArray();
        var pivotRow = 0;
        for (var col = 0; col < unknowns.Count && pivotRow < m.Length; col++)
        {
            var best = Enumerable.Range(pivotRow, m.Length - pivotRow).MaxBy(r => Math.Abs(m[r][col]));
            if (Math.Abs(m[best][col]) < 1e-9) continue;
            (m[pivotRow], m[best]) = (m[best], m[pivotRow]);
            var p = m[pivotRow][col];
            for (var k = 0; k <= unknowns.Count; k++) m[pivotRow][k] /= p;
            for (var r = 0; r < m.Length; r++)
            {
                if (r == pivotRow || Math.Abs(m[r][col]) < 1e-12) continue;
                var f = m[r][col];
                for (var k = 0; k <= unknowns.Count; k++) m[r][k] -= f * m[pivotRow][k];
            }
            pivotRow++;
        }
        var found = new List<(int, int, int)>();
        foreach (var row in m)
        {
            var nonZero = Enumerable.Range(0, unknowns.Count).Where(k => Math.Abs(row[k]) > 1e-9).ToArray();
            if (nonZero.Length == 1) found.Add((unknowns[nonZero[0]].I, unknowns[nonZero[0]].J, (int)Math.Round(row[^1] / row[nonZero[0]])));
        }
        return found;
    }
}
