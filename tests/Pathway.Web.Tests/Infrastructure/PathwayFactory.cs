using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>The database the app uses now: a copy of the migrated template, or of one with a world in it (<see cref="FreshWorldAsync"/>).</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>This app's own key folder (audit keys, secret keys, checkpoints), so no test writes into the repository's data/.</summary>
    public string KeyDirectory { get; } = Path.Combine(Path.GetTempPath(), $"pathway-keys-{Guid.NewGuid():N}");
    private TestDatabase _database;

    public PathwayFactory(Provider provider)
    {
        Provider = provider;
        _database = TestDatabase.Create(provider);
    }

    private TestWorld? _world;
    private DateOnly _worldMadeOn;
    private TestDatabase? _worldCopy;

    /// <summary>
    /// A <see cref="TestWorld"/> on a database of its own, for the next test class of a pooled app (<see cref="AppPool"/>).
    /// The first time, the world is made on the app's database and that database is copied; after that each class gets a
    /// new copy of it, with the same world (the same people, tokens and cases), so a class costs a file copy or a
    /// CREATE DATABASE … TEMPLATE. The world is made again on a new day, because its dates count from today.
    /// </summary>
    public async Task<TestWorld> FreshWorldAsync()
    {
        _ = Server;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (_world is not null && _worldMadeOn == today)
        {
            MoveTo(TestDatabase.CopyOf(_worldCopy!, Provider));
            return _world;
        }
        if (_world is not null) MoveTo(TestDatabase.Create(Provider));
        _world = await TestWorld.CreateAsync(Services);
        _worldMadeOn = today;
        _worldCopy?.Drop();
        _worldCopy = TestDatabase.CopyOf(_database, Provider);
        return _world;
    }

    /// <summary>
    /// Points the running app at another database and drops the one it used, so a pooled app serves the next test class
    /// as if it had just started: its Data Protection key ring (made at start-up and kept in memory) is carried over, no
    /// task counts stay cached, and no audit checkpoint of the last class's chain stays on disk. The captured logs stay:
    /// they hold what start-up logged, and every class's privacy checks then cover everything the app has logged so far.
    /// </summary>
    private void MoveTo(TestDatabase next)
    {
        var old = _database;
        var keyRing = WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync()).GetAwaiter().GetResult();
        _database = next;
        Services.GetRequiredService<DatabaseOptions>().ConnectionString = next.ConnectionString;
        old.Drop();
        WithDbAsync(async db =>
        {
            var held = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
            db.DataProtectionKeys.AddRange(keyRing.Where(k => !held.Contains(k.FriendlyName))
                .Select(k => new DataProtectionKey { FriendlyName = k.FriendlyName, Xml = k.Xml }));
            await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
        (Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        var checkpoints = Path.Combine(KeyDirectory, Pathway.Data.Auditing.FileAuditCheckpointStore.FileName);
        if (File.Exists(checkpoints)) File.Delete(checkpoints);
    }

    /// <summary>A database of its own for a test app: a file for SQLite, a database for PostgreSQL.</summary>
    private sealed class TestDatabase
    {
        public required string ConnectionString { get; init; }
        private string? SqliteFile { get; init; }
        private string? PostgresName { get; init; }

        public static TestDatabase Create(Provider provider) => provider == Provider.Sqlite
            ? SqliteCopy(file => File.Copy(SqliteTemplate.Value, file))
            : PostgresCopy(PostgresTemplate.Value);

        /// <summary>A copy of <paramref name="source"/> as it stands; nothing may be writing to it.</summary>
        public static TestDatabase CopyOf(TestDatabase source, Provider provider)
        {
            if (provider == Provider.Sqlite)
            {
                return SqliteCopy(file =>
                {
                    // VACUUM INTO writes a consistent copy through a connection, whatever is still in the write-ahead log.
                    using var conn = new Microsoft.Data.Sqlite.SqliteConnection(source.ConnectionString + ";Pooling=false");
                    conn.Open();
                    using var cmd = conn.CreateCommand();
                    cmd.CommandText = "VACUUM INTO $file";
                    cmd.Parameters.AddWithValue("$file", file);
                    cmd.ExecuteNonQuery();
                });
            }
            // CREATE DATABASE … TEMPLATE needs the source to have no sessions: close the app's idle ones, end any other.
            using (var conn = new NpgsqlConnection(source.ConnectionString)) NpgsqlConnection.ClearPool(conn);
            using (var admin = new NpgsqlConnection(PostgresAdminConnectionString()))
            {
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source.PostgresName}' AND pid <> pg_backend_pid()";
                cmd.ExecuteNonQuery();
            }
            return PostgresCopy(source.PostgresName!);
        }

        private static TestDatabase SqliteCopy(Action<string> write)
        {
            var file = Path.Combine(Path.GetTempPath(), $"pathway-test-{Guid.NewGuid():N}.db");
            write(file);
            return new TestDatabase { ConnectionString = $"Data Source={file}", SqliteFile = file };
        }

        private static TestDatabase PostgresCopy(string template)
        {
            var admin = PostgresAdminConnectionString();
            var name = $"pathway_test_{Guid.NewGuid():N}";
            using (var conn = new NpgsqlConnection(admin))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE {name} TEMPLATE {template}";
                lock (PostgresTemplateGate) cmd.ExecuteNonQuery(); // one copy of a template at a time
            }
            return new TestDatabase { ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, PostgresName = name };
        }

        public void Drop()
        {
            if (SqliteFile is not null)
            {
                using (var conn = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)) Microsoft.Data.Sqlite.SqliteConnection.ClearPool(conn);
                foreach (var f in new[] { SqliteFile, SqliteFile + "-wal", SqliteFile + "-shm" })
                    try { File.Delete(f); } catch (IOException) { } // a connection still closing: the folder is temporary
            }
            if (PostgresName is not null)
            {
                using (var conn = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(conn);
                using var admin = new NpgsqlConnection(PostgresAdminConnectionString());
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = $"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)";
                cmd.ExecuteNonQuery();
            }
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
        _database.Drop();
        _worldCopy?.Drop();
    }
}
