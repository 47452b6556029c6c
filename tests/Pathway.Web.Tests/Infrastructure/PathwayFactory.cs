using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Seeding;

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

    /// <summary>This app's own key folder (audit keys, secret keys, checkpoints), so no test writes into the repository's data/.</summary>
    public string KeyDirectory { get; } = Path.Combine(Path.GetTempPath(), $"pathway-keys-{Guid.NewGuid():N}");
    private readonly string? _sqliteFile;
    private readonly string? _pgDatabase;

    public PathwayFactory(Provider provider)
    {
        Provider = provider;
        if (provider == Provider.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"pathway-test-{Guid.NewGuid():N}.db");
            File.Copy(SqliteTemplate.Value, _sqliteFile);
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
                cmd.CommandText = $"CREATE DATABASE {_pgDatabase} TEMPLATE {PostgresTemplate.Value}";
                lock (PostgresTemplateGate) cmd.ExecuteNonQuery(); // one copy of the template at a time

            }
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _pgDatabase }.ConnectionString;
        }
    }

    // Every fixture starts from a database migrated once per test run, with reference data in (what the app does at
    // start-up: ReferenceData.MigrateAsync). The app still runs that at start-up, where it finds nothing to do, so each
    // fixture costs a file copy or a CREATE DATABASE … TEMPLATE instead of 27 migrations.
    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate);
    private static readonly Lazy<string> PostgresTemplate = new(CreatePostgresTemplate);
    private static readonly object PostgresTemplateGate = new();

    private static string CreateSqliteTemplate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pathway-template-{Guid.NewGuid():N}.db");
        var cs = $"Data Source={file};Pooling=false";
        var options = new DbContextOptionsBuilder<SqlitePathwayDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, cs);
        using (var db = new SqlitePathwayDbContext(options.Options))
        {
            ReferenceData.MigrateAsync(db).GetAwaiter().GetResult();
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        };
        return file;
    }

    private static string CreatePostgresTemplate()
    {
        var name = $"pathway_template_{Guid.NewGuid():N}";
        var admin = PostgresAdminConnectionString();
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresPathwayDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, cs);
        using (var db = new PostgresPathwayDbContext(options.Options))
            ReferenceData.MigrateAsync(db).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var conn = new NpgsqlConnection(admin);
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { } // the throwaway server may already be stopping
        };
        return name;
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
        // Tests dispatch the outbox by hand (OutboxDispatcher.DispatchOnceAsync), never in the background.
        builder.UseSetting("Outbox:Enabled", "false");
        // Every request from TestServer comes from one (unknown) address and fixtures sign the same people in many
        // times: sign-in throttling is set out of reach here, and tests that prove it lower it in their own app.
        builder.UseSetting("Authentication:SignInThrottle:AttemptsPerAddressPerMinute", "1000000");
        builder.UseSetting("Authentication:SignInThrottle:AttemptsPerAccount", "1000000");
        builder.UseSetting("Security:KeyDirectory", KeyDirectory);
        // Capture at the levels production uses (appsettings.json), to prove what would reach the logs.
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpointFilter>();
            // Test apps only: every fixture creates about fifteen accounts and signs several in, and PBKDF2 at the
            // production 100,000 iterations is a large share of the suite's CPU on a two-core machine. The hash format
            // and the checks are the same; the app's own setting (Identity's default) is untouched.
            s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
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
        if (Directory.Exists(KeyDirectory)) Directory.Delete(KeyDirectory, recursive: true);
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
