using Baken.Methods.Risk;
using BenchmarkDotNet.Attributes;

namespace Baken.Benchmarks;

/// <summary>
/// Issue 3's target: 200 scenarios × 10 criteria × 5 analysts × 100,000 Monte Carlo iterations in at most 2 s wall
/// time on 2 cores, at most 1 GB peak. Run: dotnet run -c Release --project bench/Baken.Benchmarks -- --filter '*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IntegratedAnalysisBenchmark
{
    private AnalysisInput _input = null!;
    private AnalysisSettings _settings = null!;

    [Params(10_000, 100_000)]
    public int Iterations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = SyntheticAssessments.Generate(200, 10, 5, 2026);
        _settings = new AnalysisSettings(BuiltInProfiles.Create(_input.Criteria)[0]) { Iterations = Iterations, Seed = 7 };
    }

    [Benchmark]
    public AnalysisResult Run() => IntegratedAnalysis.Run(_input, _settings);
}
