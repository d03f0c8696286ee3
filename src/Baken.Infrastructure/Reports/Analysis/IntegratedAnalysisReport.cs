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

    public static AnalysisReportOptions Options(AnalysisCatalogue catalogue, string generatedOn, string classificationLabel) =>
        new(Title, catalogue.PublicConcern.Select(c => new PublicConcern(c.Topic, c.Percent, c.ThemeCode)).ToList(),
            catalogue.ThemeNames, generatedOn, classificationLabel);
}
