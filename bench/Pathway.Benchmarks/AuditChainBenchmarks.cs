using BenchmarkDotNet.Attributes;
using Pathway.Domain.Auditing;

namespace Pathway.Benchmarks;

/// <summary>
/// The hash computed for every audit row. Each page or API read writes one row, inside the serialised audit section,
/// so this runs once per request while every other writer waits.
/// </summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    private static readonly string Previous = new('a', 64);
    private static readonly AuditKey Key = new("bench", new byte[32]);

    // A typical read row: every optional field filled in, as the web app writes them.
    private readonly AuditFields _read = new(
        1_234_567, new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero), Guid.CreateVersion7(), "OffenderManager",
        "case.read", "Case", Guid.CreateVersion7().ToString(), Guid.CreateVersion7(), AuditOutcome.Allowed, null,
        "4bf92f3577b34da6a3ce929d0e0e4736");

    // A list read: no entity, no case.
    private readonly AuditFields _list = new(
        1_234_568, new DateTimeOffset(2026, 11, 26, 9, 30, 1, TimeSpan.Zero), Guid.CreateVersion7(), "OffenderManager",
        "case.list", "CaseList", null, null, AuditOutcome.Allowed, null, "4bf92f3577b34da6a3ce929d0e0e4737");

    [Benchmark(Baseline = true)]
    public string CaseRead() => AuditChain.ComputeHash(Key, Previous, _read);

    [Benchmark]
    public string CaseList() => AuditChain.ComputeHash(Key, Previous, _list);
}
