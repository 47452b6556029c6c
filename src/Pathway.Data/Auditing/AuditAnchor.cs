using Microsoft.EntityFrameworkCore;
using Pathway.Data.Security.Keys;
using Pathway.Domain.Auditing;

namespace Pathway.Data.Auditing;

/// <summary>Writes checkpoints of the chain's head and verifies the chain against the keys and the latest checkpoint.</summary>
public static class AuditAnchor
{
    /// <summary>Signs the current head into the store, unless the store already has it. Returns what it wrote.</summary>
    public static async Task<AuditCheckpoint?> CheckpointAsync(PathwayDbContext db, PathwayKeys keys, IAuditCheckpointStore store, TimeProvider clock, CancellationToken ct)
    {
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var latest = await store.LatestAsync(ct);
        if (latest is not null && latest.Sequence >= head.Sequence) return null;
        var checkpoint = AuditCheckpoint.Sign(keys.CurrentAuditKey, head.Sequence, head.Hash, clock.GetUtcNow());
        await store.AppendAsync(checkpoint, ct);
        return checkpoint;
    }

    /// <summary>
    /// Reads the checkpoint before the rows, so every row it vouches for was committed before the rows are read. Streams
    /// rows in sequence order so a national-scale trail verifies in constant memory.
    /// </summary>
    public static async Task<AuditChain.VerifyResult> VerifyAsync(PathwayDbContext db, KeyRing ring, IAuditCheckpointStore store, CancellationToken ct)
    {
        var checkpoint = await store.LatestAsync(ct);
        AuditKey? Find(string id) => ring.Find(id) is { } k ? new AuditKey(id, k) : null;
        return AuditChain.Verify(db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable()
            .Select(a => new AuditChain.StoredRow(a.Fields(), a.KeyId, a.PreviousHash, a.Hash)), Find, checkpoint);
    }
}
