using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pathway.Data;

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePathwayDbContext>
{
    public SqlitePathwayDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqlitePathwayDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqlitePathwayDbContext(o.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPathwayDbContext>
{
    public PostgresPathwayDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresPathwayDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(o, "Host=127.0.0.1;Database=pathway_design;Username=postgres");
        return new PostgresPathwayDbContext(o.Options);
    }
}
