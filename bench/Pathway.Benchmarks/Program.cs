using BenchmarkDotNet.Running;
using Pathway.Benchmarks;

// Pick benchmarks with --filter, for example: dotnet run -c Release --project bench/Pathway.Benchmarks -- --filter '*AuditChain*'
// `write-survival-csv FILE [N]` writes the survival benchmark's data for R (tools/r/benchmark.R) and exits.
if (args is ["write-survival-csv", var path, ..])
{
    SurvivalData.Create(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000).WriteCsv(path);
    Console.WriteLine($"wrote {path}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AuditChainBenchmarks).Assembly).Run(args);
