using System.Reflection;
using Baken.Analysis.Risk;
using Baken.Application.Analysis;

namespace Baken.Infrastructure.Reports.Analysis;

/// <summary>The integrated-analysis report as every host writes it: title, flash poll and theme names from the catalogue.</summary>
public static class IntegratedAnalysisReport
{
    public const string Title = "Geïntegreerde risicoanalyse — Integrated risk analysis";

    /// <summary>The version of the analysis code (with the commit it was built from), recorded with every run.</summary>
    public static string CodeVersion { get; } =
        typeof(IntegratedAnalysis).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The title a concept run carries (a run that used assessments that are not validated).</summary>
    public const string ConceptMark = "CONCEPT (niet-gevalideerde beoordelingen — not validated assessments)";

    public static AnalysisReportOptions Options(AnalysisCatalogue catalogue, string generatedOn, string classificationLabel, bool concept = false) =>
        new(concept ? $"{ConceptMark} — {Title}" : Title, catalogue.PublicConcern.Select(c => new PublicConcern(c.Topic, c.Percent, c.ThemeCode)).ToList(),
            catalogue.ThemeNames, generatedOn, classificationLabel);
}
