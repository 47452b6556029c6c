using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;

namespace Pathway.Data;

/// <summary>The PostgreSQL deployment, which may run several app instances against one database.</summary>
public sealed class PostgresPathwayDbContext(DbContextOptions<PostgresPathwayDbContext> options) : PathwayDbContext(options)
{
    // 7242001 is an arbitrary constant naming the audit chain's advisory lock.
    protected override async Task AcquireDatabaseAuditLockAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7242001)", ct);

    public override Task<List<OutboxDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        OutboxDeliveries.FromSql($"""
            SELECT * FROM "OutboxDeliveries"
            WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt"
            LIMIT {max}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
}
