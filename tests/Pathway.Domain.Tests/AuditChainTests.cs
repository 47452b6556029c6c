using System.Security.Cryptography;
using Pathway.Domain.Auditing;

namespace Pathway.Domain.Tests;

public sealed class AuditChainTests
{
    private static readonly AuditKey Key = new("k1", RandomNumberGenerator.GetBytes(32));
    private static readonly AuditKey Rotated = new("k2", RandomNumberGenerator.GetBytes(32));
    private static AuditKey? Find(string id) => id == Key.Id ? Key : id == Rotated.Id ? Rotated : null;

    private static List<AuditChain.StoredRow> Chain(int n, Func<int, AuditKey>? keyFor = null)
    {
        var rows = new List<AuditChain.StoredRow>();
        var prev = AuditChain.GenesisHash;
        for (var i = 1; i <= n; i++)
        {
            var key = keyFor?.Invoke(i) ?? Key;
            var f = new AuditFields(i, new DateTimeOffset(2026, 11, 26, 9, 0, i, TimeSpan.Zero), Guid.NewGuid(), "Psychologist",
                "case.read", "Case", Guid.NewGuid().ToString(), Guid.NewGuid(), AuditOutcome.Allowed, null, "req-" + i);
            var h = AuditChain.ComputeHash(key, prev, f);
            rows.Add(new(f, key.Id, prev, h));
            prev = h;
        }
        return rows;
    }

    /// <summary>What someone with write access to the database but not the key can do: rebuild every hash from a row on.</summary>
    private static List<AuditChain.StoredRow> Rechain(List<AuditChain.StoredRow> rows, int fromIndex, Func<string, AuditFields, string> hash)
    {
        var prev = fromIndex == 0 ? AuditChain.GenesisHash : rows[fromIndex - 1].Hash;
        for (var i = fromIndex; i < rows.Count; i++)
        {
            var f = rows[i].Fields with { Sequence = i + 1 };
            var h = hash(prev, f);
            rows[i] = rows[i] with { Fields = f, PreviousHash = prev, Hash = h };
            prev = h;
        }
        return rows;
    }

    [Fact]
    public void AnIntactChain_Verifies()
    {
        var result = AuditChain.Verify(Chain(5), Find);
        Assert.True(result.Intact);
        Assert.Equal(5, result.RowsChecked);
    }

    [Fact]
    public void AlteringARow_BreaksTheChainAtThatRow()
    {
        var rows = Chain(5);
        rows[2] = rows[2] with { Fields = rows[2].Fields with { Outcome = AuditOutcome.Denied } };
        var result = AuditChain.Verify(rows, Find);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void DeletingARow_IsDetected_NamingTheMissingRow()
    {
        var rows = Chain(5);
        rows.RemoveAt(1);
        var result = AuditChain.Verify(rows, Find);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void DeletingARow_AndRechainingWithPlainSha256_IsDetectedAtTheFirstRewrittenRow()
    {
        var rows = Chain(5);
        rows.RemoveAt(2);
        var result = AuditChain.Verify(Rechain(rows, 2, AuditChain.ComputeUnkeyedHash), Find);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void ReattributingARow_AndRechainingUnderAnotherKeyWithTheSameId_IsDetected()
    {
        var rows = Chain(5);
        rows[1] = rows[1] with { Fields = rows[1].Fields with { UserId = Guid.NewGuid() } };
        var forged = new AuditKey(Key.Id, RandomNumberGenerator.GetBytes(32));
        var result = AuditChain.Verify(Rechain(rows, 1, (p, f) => AuditChain.ComputeHash(forged, p, f)), Find);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void RowsUnderARetiredKey_StillVerify_AfterRotation()
    {
        var rows = Chain(6, i => i <= 3 ? Key : Rotated);
        Assert.True(AuditChain.Verify(rows, Find).Intact);
        var withoutRetired = AuditChain.Verify(rows, id => id == Rotated.Id ? Rotated : null);
        Assert.Equal(1, withoutRetired.FirstBrokenSequence);
    }

    [Fact]
    public void DeletingTheNewestRows_IsDetectedAgainstTheCheckpoint()
    {
        var rows = Chain(6);
        var checkpoint = AuditCheckpoint.Sign(Key, 6, rows[5].Hash, DateTimeOffset.UnixEpoch);
        Assert.True(AuditChain.Verify(rows, Find, checkpoint).Intact);
        var result = AuditChain.Verify(rows.Take(4), Find, checkpoint);
        Assert.False(result.Intact);
        Assert.Equal(5, result.FirstBrokenSequence);
        Assert.Contains("rows 5 to 6 are missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AForgedCheckpoint_IsRefused()
    {
        var rows = Chain(3);
        var forged = AuditCheckpoint.Sign(new AuditKey(Key.Id, RandomNumberGenerator.GetBytes(32)), 2, rows[1].Hash, DateTimeOffset.UnixEpoch);
        Assert.False(AuditChain.Verify(rows, Find, forged).Intact);
    }

    [Fact]
    public void RehashingAnAlteredRow_StillBreaksTheNextRow()
    {
        var rows = Chain(4);
        var altered = rows[1].Fields with { Action = "case.update" };
        rows[1] = rows[1] with { Fields = altered, Hash = AuditChain.ComputeHash(Key, rows[1].PreviousHash, altered) };
        var result = AuditChain.Verify(rows, Find);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void FieldBoundaries_CannotBeShifted()
    {
        var a = new AuditFields(1, DateTimeOffset.UnixEpoch, null, "ab", "c", null, null, null, AuditOutcome.Allowed, null, null);
        var b = a with { Role = "a", Action = "bc" };
        Assert.NotEqual(AuditChain.ComputeHash(Key, AuditChain.GenesisHash, a), AuditChain.ComputeHash(Key, AuditChain.GenesisHash, b));
    }
}
