using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, for example: dotnet run -c Release --project bench/Pathway.Benchmarks -- --filter '*AuditChain*'
BenchmarkSwitcher.FromAssembly(typeof(Pathway.Benchmarks.AuditChainBenchmarks).Assembly).Run(args);
