using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pathway.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives. Bound from <c>Database:Provider</c> and <c>ConnectionStrings:Pathway</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var raw = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{raw}'.");
        var cs = configuration.GetConnectionString("Pathway");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Pathway is not set.");
        return new DatabaseOptions { Provider = provider, ConnectionString = string.IsNullOrWhiteSpace(cs) ? null : cs };
    }

    /// <summary>
    /// The SQLite file: <c>data/pathway.db</c> at the repository root (found by walking up to Pathway.slnx), so the
    /// web app and the CLI share one database whichever folder they are started from.
    /// </summary>
    public static string DefaultSqliteConnectionString() =>
        $"Data Source={Path.Combine(DefaultDataDirectory(), "pathway.db")}";

    /// <summary>The repository's <c>data/</c> folder, which also holds generated keys unless <c>Security:KeyDirectory</c> says otherwise.</summary>
    public static string DefaultDataDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pathway.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        var dataDir = Path.Combine(root, "data");
        Directory.CreateDirectory(dataDir);
        return dataDir;
    }
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PathwayDbContext"/> as the provider-specific context.</summary>
    public static IServiceCollection AddPathwayDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite) options.ConnectionString ??= DatabaseOptions.DefaultSqliteConnectionString();
        services.AddSingleton(options);
        // The connection string is read from the registered options each time a context's options are built (once per
        // scope), not captured here: the test harness moves one running app from database to database between classes.
        if (options.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<PathwayDbContext, PostgresPathwayDbContext>(o => ConfigurePostgres(o, options.ConnectionString!));
        else
            services.AddDbContext<PathwayDbContext, SqlitePathwayDbContext>(o => ConfigureSqlite(o, options.ConnectionString!));
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(PathwayDbContext).Assembly.FullName))
            .AddInterceptors(SqlitePragmas.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(PathwayDbContext).Assembly.FullName));
}
