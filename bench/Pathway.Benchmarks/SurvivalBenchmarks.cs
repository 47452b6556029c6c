using BenchmarkDotNet.Attributes;
using Pathway.Domain.Statistics;

namespace Pathway.Benchmarks;

/// <summary>
/// Issue 8: Kaplan–Meier by group, a log-rank test and a seven-covariate Cox model (Efron ties) over 100,000 synthetic
/// licence periods. R's time for the same CSV: tools/r/benchmark.R. Results: docs/performance.md.
/// ShortRun because the machine is shared; the spread is reported alongside the mean.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SurvivalBenchmarks
{
    private SurvivalData _data = null!;

    [Params(100_000)]
    public int Periods { get; set; }

    [GlobalSetup]
    public void Setup() => _data = SurvivalData.Create(Periods);

    [Benchmark]
    public IReadOnlyList<KaplanMeierCurve> KaplanMeierByGroup() => KaplanMeier.FitGroups(_data.Days, _data.Recalled, _data.Service);

    [Benchmark]
    public StatisticsResult<LogRankResult> LogRankTest() => LogRank.Test(_data.Days, _data.Recalled, _data.Service);

    [Benchmark]
    public StatisticsResult<CoxFit> CoxSevenCovariates() => CoxModel.Fit(_data.Days, _data.Recalled, _data.Covariates, SurvivalData.CovariateNames);

    [Benchmark(Baseline = true)]
    public object AllThree() => (KaplanMeierByGroup(), LogRankTest(), CoxSevenCovariates());
}
