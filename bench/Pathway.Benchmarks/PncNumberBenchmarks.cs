using BenchmarkDotNet.Attributes;
using Pathway.Domain.Cases;

namespace Pathway.Benchmarks;

/// <summary>PNC validation runs on every case form and API write.</summary>
[MemoryDiagnoser]
public class PncNumberBenchmarks
{
    private readonly string _valid = PncNumber.Format(2004, 12345);
    private readonly string _shortYear = "04/12345" + PncNumber.CheckLetter(2004, 12345);
    private readonly string _wrongCheck = PncNumber.Format(2004, 12345)[..^1] + "Z";

    [Benchmark(Baseline = true)]
    public string? Valid() => PncNumber.Validate(_valid);

    [Benchmark]
    public string? ValidTwoDigitYear() => PncNumber.Validate(_shortYear);

    [Benchmark]
    public string? WrongCheckLetter() => PncNumber.Validate(_wrongCheck);

    [Benchmark]
    public string? Malformed() => PncNumber.Validate("not a pnc");

    [Benchmark]
    public string? Empty() => PncNumber.Validate(null);
}
