using System.Globalization;
using System.Text;
using Pathway.Data.Security.Keys;
using Pathway.Domain.Auditing;

namespace Pathway.Data.Auditing;

/// <summary>
/// Where signed checkpoints of the audit chain's head are kept: somewhere the database's writers cannot rewrite. The
/// default is an append-only file in the key folder; a deployment can register a write-once store (object lock, a
/// separate logging service) in its place.
/// </summary>
public interface IAuditCheckpointStore
{
    Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct);

    /// <summary>The checkpoint with the highest sequence, or null if none has been written.</summary>
    Task<AuditCheckpoint?> LatestAsync(CancellationToken ct);
}

/// <summary>
/// <c>audit-checkpoints.log</c> in the key folder, one checkpoint a line, only ever appended to. Several app instances
/// may append to one shared file; the latest is the highest sequence, not the last line.
/// </summary>
public sealed class FileAuditCheckpointStore(PathwayKeys keys) : IAuditCheckpointStore
{
    public const string FileName = "audit-checkpoints.log";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string FilePath { get; } = Path.Combine(keys.KeyDirectory, FileName);

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"v1 {checkpoint.Sequence} {checkpoint.Hash} {checkpoint.At.UtcTicks} {checkpoint.KeyId} {checkpoint.Signature}\n");
        await Gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            // One write of a whole line in append mode, so concurrent appenders interleave lines, never bytes within one.
            await using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line), ct);
            await stream.FlushAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<AuditCheckpoint?> LatestAsync(CancellationToken ct)
    {
        if (!File.Exists(FilePath)) return null;
        AuditCheckpoint? latest = null;
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var p = line.Split(' ');
            // A torn or foreign line cannot move the anchor; a well-formed forgery fails its signature check in Verify.
            if (p.Length != 6 || p[0] != "v1"
                || !long.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                || !long.TryParse(p[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) continue;
            if (latest is null || seq > latest.Sequence)
                latest = new AuditCheckpoint(seq, p[2], new DateTimeOffset(ticks, TimeSpan.Zero), p[4], p[5]);
        }
        return latest;
    }
}
