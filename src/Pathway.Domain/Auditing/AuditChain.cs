using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pathway.Domain.Auditing;

/// <summary>The fields of one audit row that the hash chain protects.</summary>
public sealed record AuditFields(
    long Sequence,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string? Role,
    string Action,
    string? EntityType,
    string? EntityId,
    Guid? CaseId,
    AuditOutcome Outcome,
    string? Reason,
    string? RequestId);

public enum AuditOutcome
{
    Allowed,
    Denied,
}

/// <summary>A secret the chain is keyed with, named so rows keep naming the key that signed them after rotation.</summary>
public sealed record AuditKey(string Id, byte[] Secret);

/// <summary>
/// Tamper evidence for the audit trail: each row's hash is an HMAC, under a key kept outside the database, of its own
/// fields, its key id and the previous row's hash, so changing, deleting or inserting a row breaks every hash after it
/// and someone who can only write to the database cannot recompute them. Signed checkpoints of the head, kept outside
/// the database, catch the deletion of the newest rows. See docs/adr/0002-audit-chain.md and 0005-audit-chain-keying.md.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Audit times are kept to the millisecond, in UTC: both databases store at least that precision exactly, so a
    /// row's hash recomputes identically after a round trip.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>HMAC-SHA256 of the row under <paramref name="key"/>; the key id is inside the MAC so it cannot be swapped.</summary>
    public static string ComputeHash(AuditKey key, string previousHash, AuditFields f) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, Canonical(previousHash, f, key.Id)));

    /// <summary>
    /// The unkeyed SHA-256 of chains written before keying. Kept only so start-up can check such a chain is intact before
    /// re-signing it under a key (AuditChainKeying); never used to accept a row.
    /// </summary>
    public static string ComputeUnkeyedHash(string previousHash, AuditFields f) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(previousHash, f, keyId: null)));

    private static byte[] Canonical(string previousHash, AuditFields f, string? keyId)
    {
        // A length-prefixed canonical encoding: no field can bleed into the next.
        var sb = new StringBuilder(256);
        void Add(string? s)
        {
            s ??= "\u2400";
            sb.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s).Append('|');
        }
        if (keyId is not null) Add(keyId);
        Add(previousHash);
        Add(f.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(f.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(f.UserId?.ToString("N"));
        Add(f.Role);
        Add(f.Action);
        Add(f.EntityType);
        Add(f.EntityId);
        Add(f.CaseId?.ToString("N"));
        Add(f.Outcome.ToString());
        Add(f.Reason);
        Add(f.RequestId);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public sealed record StoredRow(AuditFields Fields, string KeyId, string PreviousHash, string Hash);

    public sealed record VerifyResult(bool Intact, long RowsChecked, long? FirstBrokenSequence, string? Problem);

    /// <summary>
    /// Walks rows in sequence order and reports the first one that does not fit the chain, the keys or the checkpoint.
    /// Rows the checkpoint says existed but which are gone are reported as missing, from the first absent sequence.
    /// </summary>
    public static VerifyResult Verify(IEnumerable<StoredRow> rowsInOrder, Func<string, AuditKey?> findKey, AuditCheckpoint? checkpoint = null)
    {
        if (checkpoint is not null && (findKey(checkpoint.KeyId) is not { } cpKey || !checkpoint.IsSignedBy(cpKey)))
            return new(false, 0, checkpoint.Sequence, $"the checkpoint at row {checkpoint.Sequence} is not signed by a known key (the checkpoint store was altered, or this is the wrong key)");
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        long n = 0;
        foreach (var row in rowsInOrder)
        {
            n++;
            if (row.Fields.Sequence != expectedSequence)
                return new(false, n, expectedSequence, $"expected sequence {expectedSequence}, found {row.Fields.Sequence} (a row is missing or was inserted)");
            if (!string.Equals(row.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                return new(false, n, row.Fields.Sequence, "previous-hash does not match the row before it");
            if (findKey(row.KeyId) is not { } key)
                return new(false, n, row.Fields.Sequence, $"the row names key '{row.KeyId}', which is not in the audit key ring");
            var recomputed = ComputeHash(key, row.PreviousHash, row.Fields);
            if (!string.Equals(recomputed, row.Hash, StringComparison.Ordinal))
                return new(false, n, row.Fields.Sequence, "row contents do not match its keyed hash (the row was altered or re-signed without the key)");
            if (checkpoint is not null && row.Fields.Sequence == checkpoint.Sequence && !string.Equals(row.Hash, checkpoint.Hash, StringComparison.Ordinal))
                return new(false, n, row.Fields.Sequence, "the row does not match the signed checkpoint of the chain's head");
            expectedPrevious = row.Hash;
            expectedSequence++;
        }
        if (checkpoint is not null && expectedSequence <= checkpoint.Sequence)
            return new(false, n, expectedSequence, $"rows {expectedSequence} to {checkpoint.Sequence} are missing: the signed checkpoint of {checkpoint.At.ToString("u", CultureInfo.InvariantCulture)} records the chain reaching row {checkpoint.Sequence}");
        return new(true, n, null, null);
    }
}

/// <summary>
/// A signed statement that the chain reached <see cref="Sequence"/> with head <see cref="Hash"/> at <see cref="At"/>,
/// kept where the database cannot rewrite it.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature)
{
    public static AuditCheckpoint Sign(AuditKey key, long sequence, string hash, DateTimeOffset at)
    {
        at = AuditChain.Normalise(at);
        return new(sequence, hash, at, key.Id, Mac(key, sequence, hash, at));
    }

    public bool IsSignedBy(AuditKey key) =>
        string.Equals(key.Id, KeyId, StringComparison.Ordinal) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(key, Sequence, Hash, At)), Encoding.ASCII.GetBytes(Signature));

    private static string Mac(AuditKey key, long sequence, string hash, DateTimeOffset at) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"pathway-audit-checkpoint|{key.Id}|{sequence}|{hash}|{at.UtcTicks}"))));
}
