using System.Text.Json;
using System.Text.Json.Serialization;
using Baken.Methods.Risk;

namespace Baken.Application.Analysis;

/// <summary>What a stored run keeps of each scenario, enough to list, compare and explain moves between runs.</summary>
public sealed record ScenarioSummary(
    string Id, string Title, string Theme, int Rank, string Likelihood, double ImpactValue, string ImpactBand,
    double? P05, double? P50, double? P95, double? PTop5, double? PTop10, int MedalRank, int EvamixRank,
    IReadOnlyDictionary<string, string> Consensus, int AnalystCount);

public static class RunSummary
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static IReadOnlyList<ScenarioSummary> From(AnalysisResult result) =>
        result.Scenarios.Select(s => new ScenarioSummary(s.Id, s.Title, s.Theme, s.Rank, s.Likelihood.ToString(), s.ImpactValue, s.ImpactBand.ToString(),
            s.MonteCarlo?.P05, s.MonteCarlo?.P50, s.MonteCarlo?.P95, s.MonteCarlo?.PTop5, s.MonteCarlo?.PTop10, s.MedalRank, s.EvamixRank,
            s.Criteria.ToDictionary(c => c.Code, c => c.Consensus.ToString()), s.Disagreement.AnalystCount)).ToList();

    public static IReadOnlyList<ScenarioSummary> Parse(string json) =>
        JsonSerializer.Deserialize<List<ScenarioSummary>>(json, JsonOptions) ?? [];
}
