using System.Reflection;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>The integrated-analysis report as every host writes it: flash poll and theme names from the catalogue; report.html and report.docx.</summary>
public static class IntegratedAnalysisReport
{
    /// <summary>The file name (without extension) of the report in a run's output folder.</summary>
    public const string FileName = "report";

    /// <summary>The version of the analysis code (with the commit it was built from), recorded with every run.</summary>
    public static string CodeVersion { get; } =
        typeof(IntegratedAnalysis).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static AnalysisReportOptions Options(AnalysisCatalogue catalogue, string? runCode, DateTime? runAtUtc, string classificationLabel, bool concept = false,
        bool anonymousAnalysts = false, string? knowledgeWidening = null) =>
        new(catalogue.PublicConcern.Select(c => new PublicConcern(c.Topic, c.Percent, c.ThemeCode)).ToList(),
            catalogue.ThemeNames, runCode, runAtUtc, classificationLabel, Concept: concept, AnonymousAnalysts: anonymousAnalysts,
            KnowledgeWidening: knowledgeWidening);

    /// <summary>Writes report.html and report.docx into <paramref name="folder"/>.</summary>
    public static Task<IReadOnlyList<string>> WriteAsync(string folder, ReportDocument report, CancellationToken ct = default) =>
        DocumentFiles.WriteAsync(folder, FileName, report, ct);
}
