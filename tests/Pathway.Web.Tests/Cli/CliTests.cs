using Microsoft.Data.Sqlite;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cli;

/// <summary>
/// The `pathway` command against its own SQLite database: the first step runs the real executable as a process, the
/// rest run the same command inside the test process (<see cref="CliProcess"/>).
/// </summary>
public sealed class CliTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"pathway-cli-{Guid.NewGuid():N}.db");

    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"pathway-cli-keys-{Guid.NewGuid():N}");

    private Dictionary<string, string> Settings => new()
    {
        ["ConnectionStrings__Pathway"] = $"Data Source={_db}",
        ["Database__Provider"] = "Sqlite",
        ["Security__KeyDirectory"] = _keys,
    };

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliProcess.RunAsync(Settings, args);

    [Fact]
    public async Task AdminJourney_Migrate_AddTeamAndUser_CreateToken_VerifyAudit_DetectTampering()
    {
        var migrate = await CliProcess.RunProcessAsync(Settings, "migrate");
        Assert.True(migrate.Exit == 0, migrate.Err);
        var team = await RunAsync("teams", "add", "--name", "Test North PDU");
        Assert.Equal(0, team.Exit);
        Assert.Contains("Probation team", team.Out, StringComparison.Ordinal);

        var badKind = await RunAsync("teams", "add", "--name", "X", "--kind", "prison");
        Assert.NotEqual(0, badKind.Exit);
        Assert.Contains("--kind must be", badKind.Err, StringComparison.Ordinal);

        var user = await RunAsync("users", "add", "--email", "om@cli.pathway.example", "--name", "Olu Marsh", "--role", "OffenderManager", "--team", "Test North PDU");
        Assert.Equal(0, user.Exit);
        Assert.Contains("Initial password:", user.Out, StringComparison.Ordinal);
        var noTeam = await RunAsync("users", "add", "--email", "om2@cli.pathway.example", "--name", "No Team", "--role", "OffenderManager");
        Assert.NotEqual(0, noTeam.Exit);
        var weak = await RunAsync("users", "add", "--email", "weak@cli.pathway.example", "--name", "Weak", "--role", "Psychologist", "--password", "short");
        Assert.NotEqual(0, weak.Exit);

        var list = await RunAsync("users", "list");
        Assert.Contains("om@cli.pathway.example\tOlu Marsh\tOffenderManager\tTest North PDU\tactive", list.Out, StringComparison.Ordinal);

        var token = await RunAsync("tokens", "create", "--email", "om@cli.pathway.example", "--days", "7");
        Assert.Equal(0, token.Exit);
        Assert.Matches("^pwy_[A-Za-z0-9_-]{43}\n$", token.Out);

        Assert.Equal(0, (await RunAsync("users", "disable", "--email", "om@cli.pathway.example")).Exit);
        Assert.Contains("disabled", (await RunAsync("users", "list")).Out, StringComparison.Ordinal);

        var verify = await RunAsync("audit", "verify");
        Assert.Equal(0, verify.Exit);
        Assert.Contains("intact", verify.Out, StringComparison.Ordinal);
        // The CLI generated the audit key into its key folder, not into the database or the repository's data/.
        Assert.True(File.Exists(Path.Combine(_keys, "audit-keys.json")));

        await using (var conn = new SqliteConnection($"Data Source={_db}"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE AuditEvents SET Action = 'cli.nothing' WHERE Sequence = 2";
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }
        var broken = await RunAsync("audit", "verify");
        Assert.Equal(1, broken.Exit);
        Assert.Contains("broken at row 2", broken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_MakesPeopleWithLicences_AndSeedDemoRefusesANonEmptyDatabase()
    {
        var gen = await RunAsync("generate", "--people", "120", "--seed", "3");
        Assert.Equal(0, gen.Exit);
        Assert.Contains("Generated 120 people", gen.Out, StringComparison.Ordinal);
        await using var conn = new SqliteConnection($"Data Source={_db}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT (SELECT COUNT(*) FROM Cases), (SELECT COUNT(*) FROM Licences), (SELECT COUNT(*) FROM Cases WHERE OffenderManagerId IS NOT NULL), " +
            "(SELECT COUNT(*) FROM Cases WHERE ApprovedPremisesId IS NOT NULL AND ApKeyworkerId IS NULL)";
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.Equal(120, r.GetInt32(0));
        Assert.True(r.GetInt32(1) >= 120);
        Assert.True(r.GetInt32(2) > 100);
        Assert.Equal(0, r.GetInt32(3)); // everyone in approved premises has a keyworker
        var seed = await RunAsync("seed-demo");
        Assert.NotEqual(0, seed.Exit);
        Assert.Contains("empty database", seed.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }
}
