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

/// <summary>
/// Tamper evidence for the audit trail: each row's hash covers its own fields and the previous row's hash, so
/// changing, deleting or inserting a row breaks every hash after it. See docs/adr/0002-audit-chain.md.
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

    public static string ComputeHash(string previousHash, AuditFields f)
    {
        // A length-prefixed canonical encoding: no field can bleed into the next.
        var sb = new StringBuilder(256);
        void Add(string? s)
        {
            s ??= "\u2400";
            sb.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s).Append('|');
        }
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public sealed record StoredRow(AuditFields Fields, string PreviousHash, string Hash);

    public sealed record VerifyResult(bool Intact, long RowsChecked, long? FirstBrokenSequence, string? Problem);

    /// <summary>Walks rows in sequence order and reports the first one that does not fit the chain.</summary>
    public static VerifyResult Verify(IEnumerable<StoredRow> rowsInOrder)
    {
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        long n = 0;
        foreach (var row in rowsInOrder)
        {
            n++;
            if (row.Fields.Sequence != expectedSequence)
                return new(false, n, row.Fields.Sequence, $"expected sequence {expectedSequence}, found {row.Fields.Sequence} (a row is missing or was inserted)");
            if (!string.Equals(row.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                return new(false, n, row.Fields.Sequence, "previous-hash does not match the row before it");
            var recomputed = ComputeHash(row.PreviousHash, row.Fields);
            if (!string.Equals(recomputed, row.Hash, StringComparison.Ordinal))
                return new(false, n, row.Fields.Sequence, "row contents do not match its hash (the row was altered)");
            expectedPrevious = row.Hash;
            expectedSequence++;
        }
        return new(true, n, null, null);
    }
}
