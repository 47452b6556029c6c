using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pathway.Data;

namespace Pathway.Web.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app over real HTTP, on a fresh database of the chosen provider. PostgreSQL comes from
/// PATHWAY_TEST_POSTGRES, which ./test.sh sets after starting a throwaway server.
/// </summary>
public class PathwayFactory : WebApplicationFactory<Program>
{
    public Provider Provider { get; }
    public LogSink Logs { get; } = new();
    public string ConnectionString { get; }
    private readonly string? _sqliteFile;
    private readonly string? _pgDatabase;

    public PathwayFactory(Provider provider)
    {
        Provider = provider;
        if (provider == Provider.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"pathway-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_sqliteFile}";
        }
        else
        {
            var admin = PostgresAdminConnectionString();
            _pgDatabase = $"pathway_test_{Guid.NewGuid():N}";
            using (var conn = new NpgsqlConnection(admin))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE {_pgDatabase}";
                cmd.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _pgDatabase }.ConnectionString;
        }
    }

    public static string PostgresAdminConnectionString() =>
        Environment.GetEnvironmentVariable("PATHWAY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PATHWAY_TEST_POSTGRES is not set. Run ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Pathway", ConnectionString);
        builder.UseSetting("Demo:SeedOnStartup", "false");
        // Capture at the levels production uses (appsettings.json), to prove what would reach the logs.
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpointFilter>());
    }

    public async Task<T> WithDbAsync<T>(Func<PathwayDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PathwayDbContext>());
    }

    public async Task WithDbAsync(Func<PathwayDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<PathwayDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresAdminConnectionString());
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
    }
}
