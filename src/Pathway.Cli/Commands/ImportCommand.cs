using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Web.Features.Cases.Import;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Cli.Commands;

/// <summary>
/// <c>pathway import cases FILE [--dry-run]</c>: the administrators' import (<see cref="ImportCases"/>, the same use case
/// as <c>/manage/import-cases</c>) from the command line, audited as role <c>Cli</c>. A progress bar on standard error for
/// files of more than one batch; the summary and every problem on standard output. Exits 0 when every row was (or would
/// be) imported, 2 when rows have problems (their batches are not imported), 1 when the file cannot be read.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The extract: .csv with a header row, or .json (an array of objects); columns in docs/import.md" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change; save nothing" };
        var cases = new Command("cases", "Add or update people on licence, matched by CRN, from probation's extract.") { file, dryRun };
        cases.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(file)!;
            if (!path.Exists) return CliHost.Fail($"No file at {path.FullName}.");
            await using var sp = CliHost.Build();
            await using var scope = sp.CreateAsyncScope();
            var handler = new ImportCases(scope.ServiceProvider.GetRequiredService<PathwayDbContext>(), TimeProvider.System);
            var sw = Stopwatch.StartNew();
            await using var stream = path.OpenRead();
            var bar = new ProgressBar(CliConsole.Error);
            var outcome = await handler.HandleAsync(ImportActor.CommandLine, path.Name, stream, pr.GetValue(dryRun), bar, ct);
            bar.Finish();
            if (outcome is not Outcome<ImportReport>.Done { Value: var report })
                return CliHost.Fail(outcome is Outcome<ImportReport>.Invalid i ? string.Join(Environment.NewLine, i.Errors.Select(e => e.Message)) : "The file could not be imported.");
            Write(report, sw.Elapsed);
            return report.HasProblems ? 2 : 0;
        });
        return new Command("import", "Import data from other systems.") { cases };
    }

    private static void Write(ImportReport report, TimeSpan took)
    {
        var o = CliConsole.Out;
        var would = report.DryRun ? "would be " : "";
        o.WriteLine($"{(report.DryRun ? "Dry run (nothing saved): " : "")}{report.Rows:N0} rows in {took.TotalSeconds:N1} s: " +
            $"{report.Created:N0} {would}created, {report.Updated:N0} {would}updated, {report.LeftAlone:N0} {would}left alone, " +
            $"{report.RowsWithProblems:N0} with problems.");
        foreach (var b in report.RefusedBatches)
            o.WriteLine($"Rows {b.FirstRow:N0} to {b.LastRow:N0} {(report.DryRun ? "would not be" : "were not")} imported: {b.RowsWithProblems:N0} of them have problems.");
        foreach (var p in report.Problems)
            o.WriteLine($"Row {p.Row}, {p.Column}: {p.Message}");
    }

    /// <summary>A one-line bar, redrawn in place; shown only once a file is larger than one batch.</summary>
    private sealed class ProgressBar(TextWriter error) : IProgress<ImportProgress>
    {
        private bool _shown;

        public void Report(ImportProgress p)
        {
            if (p.Total <= ImportCases.BatchSize) return;
            _shown = true;
            var filled = (int)(30L * p.Done / p.Total);
            error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {p.Done:N0} / {p.Total:N0} rows");
        }

        public void Finish()
        {
            if (_shown) error.WriteLine();
        }
    }
}
