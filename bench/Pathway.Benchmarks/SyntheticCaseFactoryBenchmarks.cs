using BenchmarkDotNet.Attributes;
using Pathway.Data.Entities;
using Pathway.Data.Seeding;

namespace Pathway.Benchmarks;

/// <summary>
/// Inventing one person with their licence history: the CPU side of <c>pathway generate</c> (30,000 of these for the
/// load-test dataset), without the database.
/// </summary>
[MemoryDiagnoser]
public class SyntheticCaseFactoryBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _team = Guid.CreateVersion7();
    private SyntheticCaseFactory _factory = null!;

    [GlobalSetup]
    public void Setup() => _factory = new SyntheticCaseFactory(new Random(1), DateOnly.FromDateTime(Now.UtcDateTime));

    [Benchmark]
    public CaseRecord NextCase() => _factory.NextCase(_team, Now);
}
