using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pathway.Data;

/// <summary>The embedded SQLite deployment (one app process, a file under <c>data/</c>).</summary>
public sealed class SqlitePathwayDbContext(DbContextOptions<SqlitePathwayDbContext> options) : PathwayDbContext(options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> AuditLocks = new(StringComparer.Ordinal);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override async Task<IDisposable?> AcquireProcessAuditLockAsync(CancellationToken ct)
    {
        var key = Database.GetConnectionString() ?? "";
        var gate = AuditLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
