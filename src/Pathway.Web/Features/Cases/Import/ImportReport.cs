namespace Pathway.Web.Features.Cases.Import;

/// <summary>Who is importing: the signed-in administrator, or the command line (no user, role <c>Cli</c>). Written on every audit row.</summary>
public sealed record ImportActor(Guid? UserId, string Role)
{
    public static readonly ImportActor CommandLine = new(null, "Cli");
}

public enum RowResult
{
    Created,
    Updated,
    LeftAlone,
}

/// <summary>What happened (or, in a dry run, would happen) to one row: the case by CRN, and the columns whose values change.</summary>
public sealed record ImportedRow(int Row, string Crn, RowResult Result, IReadOnlyList<string> Changed);

/// <summary>A value that cannot be imported: the row, the column and why.</summary>
public sealed record RowProblem(int Row, string Column, string Message);

/// <summary>A batch with a bad row: none of its rows were imported.</summary>
public sealed record RefusedBatch(int FirstRow, int LastRow, int RowsWithProblems);

/// <summary>
/// The answer to an import or a dry run: every row that was (or would be) created, updated or left alone, every
/// problem by row and column, and the batches refused because of them.
/// </summary>
public sealed record ImportReport(bool DryRun, int Rows, IReadOnlyList<ImportedRow> Results, IReadOnlyList<RowProblem> Problems,
    IReadOnlyList<RefusedBatch> RefusedBatches)
{
    public int Created => Results.Count(r => r.Result == RowResult.Created);
    public int Updated => Results.Count(r => r.Result == RowResult.Updated);
    public int LeftAlone => Results.Count(r => r.Result == RowResult.LeftAlone);
    public int RowsWithProblems => Problems.Select(p => p.Row).Distinct().Count();
    public bool HasProblems => Problems.Count > 0;
}

/// <summary>Rows checked (and, unless a dry run, saved) so far, of all the file's rows.</summary>
public sealed record ImportProgress(int Done, int Total);
