namespace Pathway.Domain.Disclosure;

/// <summary>Why an entry is hidden.</summary>
public enum Suppression
{
    None,
    /// <summary>The count itself is small (under the policy threshold).</summary>
    Primary,
    /// <summary>Hidden only so that a primary cell cannot be worked out from the totals.</summary>
    Secondary,
}

/// <summary>One published entry: its true value stays inside the domain; <see cref="Published"/> is what may be shown.</summary>
public sealed record TableEntry(int Value, Suppression Suppression)
{
    public int? Published => Suppression == Suppression.None ? Value : null;
}

/// <summary>
/// A table of counts with its margins after disclosure control. Entries are addressed on the (rows + 1) × (columns + 1)
/// grid: row index <see cref="RowCount"/> is the column-totals line, column index <see cref="ColumnCount"/> the row
/// totals, and (RowCount, ColumnCount) the grand total.
/// </summary>
public sealed class SuppressedTable
{
    private readonly TableEntry[,] _entries;

    internal SuppressedTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, TableEntry[,] entries, DisclosurePolicy policy)
    {
        RowLabels = rows;
        ColumnLabels = columns;
        _entries = entries;
        Policy = policy;
    }

    public IReadOnlyList<string> RowLabels { get; }
    public IReadOnlyList<string> ColumnLabels { get; }
    public DisclosurePolicy Policy { get; }
    public int RowCount => RowLabels.Count;
    public int ColumnCount => ColumnLabels.Count;

    public TableEntry Cell(int row, int column) => _entries[row, column];
    public TableEntry RowTotal(int row) => _entries[row, ColumnCount];
    public TableEntry ColumnTotal(int column) => _entries[RowCount, column];
    public TableEntry GrandTotal => _entries[RowCount, ColumnCount];

    /// <summary>Any entry on the grid including margins (see the class remarks for the indexing).</summary>
    public TableEntry Entry(int row, int column) => _entries[row, column];

    public int SuppressedCount(Suppression kind)
    {
        var n = 0;
        foreach (var e in _entries) if (e.Suppression == kind) n++;
        return n;
    }
}
