using Baken.Methods.Risk;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
using BenchmarkDotNet.Attributes;

namespace Baken.Benchmarks;

/// <summary>
/// Issue 16's target: the integrated analysis report for 200 scenarios builds in at most 5 s — composed once, then written
/// as HTML (with the SVG diagram) and as DOCX (with the PNG diagram), in Dutch. The analysis itself is done once in the
/// set-up (its own target is <see cref="IntegratedAnalysisBenchmark"/>).
/// Run: dotnet run -c Release --project bench/Baken.Benchmarks -- --filter '*AnalysisReport*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalysisReportBenchmark
{
    private AnalysisResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var input = SyntheticAssessments.Generate(200, 10, 5, 2026);
        _result = IntegratedAnalysis.Run(input, new AnalysisSettings(BuiltInProfiles.Create(input.Criteria)[0]) { Iterations = 10_000, Seed = 7 });
    }

    [Benchmark]
    public int HtmlAndDocx()
    {
        var document = AnalysisReport.Compose(_result, new AnalysisReportOptions([]) { RunCode = "RUN-BENCH" });
        return HtmlDocumentWriter.Write(document).Length + DocxWriter.ToBytes(document).Length;
    }
}
