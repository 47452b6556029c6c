using Pathway.Domain.Auditing;

namespace Pathway.Domain.Tests;

public sealed class AuditChainTests
{
    private static List<AuditChain.StoredRow> Chain(int n)
    {
        var rows = new List<AuditChain.StoredRow>();
        var prev = AuditChain.GenesisHash;
        for (var i = 1; i <= n; i++)
        {
            var f = new AuditFields(i, new DateTimeOffset(2026, 11, 26, 9, 0, i, TimeSpan.Zero), Guid.NewGuid(), "Psychologist",
                "case.read", "Case", Guid.NewGuid().ToString(), Guid.NewGuid(), AuditOutcome.Allowed, null, "req-" + i);
            var h = AuditChain.ComputeHash(prev, f);
            rows.Add(new(f, prev, h));
            prev = h;
        }
        return rows;
    }

    [Fact]
    public void AnIntactChain_Verifies()
    {
        var result = AuditChain.Verify(Chain(5));
        Assert.True(result.Intact);
        Assert.Equal(5, result.RowsChecked);
    }

    [Fact]
    public void AlteringARow_BreaksTheChainAtThatRow()
    {
        var rows = Chain(5);
        rows[2] = rows[2] with { Fields = rows[2].Fields with { Outcome = AuditOutcome.Denied } };
        var result = AuditChain.Verify(rows);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void DeletingARow_IsDetected()
    {
        var rows = Chain(5);
        rows.RemoveAt(1);
        var result = AuditChain.Verify(rows);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void RehashingAnAlteredRow_StillBreaksTheNextRow()
    {
        var rows = Chain(4);
        var altered = rows[1].Fields with { Action = "case.update" };
        rows[1] = rows[1] with { Fields = altered, Hash = AuditChain.ComputeHash(rows[1].PreviousHash, altered) };
        var result = AuditChain.Verify(rows);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void FieldBoundaries_CannotBeShifted()
    {
        var a = new AuditFields(1, DateTimeOffset.UnixEpoch, null, "ab", "c", null, null, null, AuditOutcome.Allowed, null, null);
        var b = a with { Role = "a", Action = "bc" };
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.GenesisHash, a), AuditChain.ComputeHash(AuditChain.GenesisHash, b));
    }
}
