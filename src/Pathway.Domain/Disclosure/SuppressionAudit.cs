namespace Pathway.Domain.Disclosure;

/// <summary>
/// The adversary's view: which hidden entries of a table with margins can be worked out exactly from what is published.
/// Used by <see cref="SmallCellSuppression"/> and by tests.
/// </summary>
public static class SuppressionAudit
{
    /// <summary>Hidden entries a reader can recover exactly by adding and subtracting published figures.</summary>
    public static IReadOnlyList<(int Row, int Column)> RecoverableEntries(SuppressedTable table)
    {
        var hidden = new bool[table.RowCount + 1, table.ColumnCount + 1];
        for (var i = 0; i <= table.RowCount; i++)
            for (var j = 0; j <= table.ColumnCount; j++) hidden[i, j] = table.Entry(i, j).Suppression != Suppression.None;
        return Bridges(hidden).ToArray();
    }

    /// <summary>
    /// Hidden entries that are bridges of the line graph (rows and columns as vertices, hidden entries as edges). In a
    /// two-way table with margins, the hidden values are determined up to the cycle space of this graph, so an entry is
    /// recoverable exactly when no cycle passes through it.
    /// </summary>
    internal static IEnumerable<(int Row, int Column)> Bridges(bool[,] hidden)
    {
        var rows = hidden.GetLength(0);
        var cols = hidden.GetLength(1);
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                if (!hidden[i, j]) continue;
                var (_, reachedCols) = Reach(hidden, true, i, (i, j));
                if (!reachedCols[j]) yield return (i, j);
            }
    }

    /// <summary>Row and column vertices reachable from one line through hidden entries, skipping one entry.</summary>
    internal static (bool[] Rows, bool[] Columns) Reach(bool[,] hidden, bool startIsRow, int start, (int Row, int Column) skip)
    {
        var rows = hidden.GetLength(0);
        var cols = hidden.GetLength(1);
        var seenRows = new bool[rows];
        var seenCols = new bool[cols];
        var queue = new Queue<(bool IsRow, int Index)>();
        if (startIsRow) seenRows[start] = true;
        else seenCols[start] = true;
        queue.Enqueue((startIsRow, start));
        while (queue.Count > 0)
        {
            var (isRow, k) = queue.Dequeue();
            if (isRow)
            {
                for (var j = 0; j < cols; j++)
                    if (hidden[k, j] && (k, j) != skip && !seenCols[j]) { seenCols[j] = true; queue.Enqueue((false, j)); }
            }
            else
            {
                for (var i = 0; i < rows; i++)
                    if (hidden[i, k] && (i, k) != skip && !seenRows[i]) { seenRows[i] = true; queue.Enqueue((true, i)); }
            }
        }
        return (seenRows, seenCols);
    }
}
