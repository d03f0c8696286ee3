using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Baken.Benchmarks.IntegratedAnalysisBenchmark).Assembly).Run(args);
