using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases.Import;

/// <summary><c>pathway import cases</c>, in process against the test app's database: the same use case as the page.</summary>
public sealed class ImportCliTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pathway-import-{Guid.NewGuid():N}.csv");

    [Fact]
    public async Task DryRun_ThenImport_ThenAgain_LeavesItAlone_AndBadRowsExitTwo()
    {
        var crn = ImportCasesTests.NewCrn();
        await File.WriteAllTextAsync(_file, ImportCasesTests.Header + "\n" + ImportCasesTests.Row(crn) + "\n");
        var settings = CliProcess.For(app.Factory);

        var dry = await CliProcess.RunAsync(settings, "import", "cases", _file, "--dry-run");
        var first = await CliProcess.RunAsync(settings, "import", "cases", _file);
        var again = await CliProcess.RunAsync(settings, "import", "cases", _file);

        Assert.True(dry.Exit == 0, dry.Err);
        Assert.Contains("Dry run (nothing saved): 1 rows", dry.Out, StringComparison.Ordinal);
        Assert.Contains("1 would be created", dry.Out, StringComparison.Ordinal);
        Assert.Contains("1 created, 0 updated, 0 left alone", first.Out, StringComparison.Ordinal);
        Assert.Contains("0 created, 0 updated, 1 left alone", again.Out, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_file, ImportCasesTests.Header + "\n" + ImportCasesTests.Row(crn, rosh: "Enormous") + "\n");
        var bad = await CliProcess.RunAsync(settings, "import", "cases", _file);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("Row 2, rosh: RoSH must be Low, Medium, High or VeryHigh", bad.Out, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
