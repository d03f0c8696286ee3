using System.Text.Json;
using Baken.Methods.Risk;
using Baken.Application.Assessments;
using Baken.Domain.Analysis;

namespace Baken.Application.Analysis;

/// <summary>A stored run's input snapshot and settings, read back into the engine's shape.</summary>
public sealed record StoredRunInputs(AnalysisInput Input, AnalysisSettings Settings, SettingsRecord Recorded)
{
    /// <summary>
    /// Reads <paramref name="run"/>'s inputs against today's catalogue; null with <paramref name="problem"/> when they no
    /// longer pass it. Throws <see cref="JsonException"/>, <see cref="ArgumentException"/> or <see cref="NotSupportedException"/>
    /// when the stored JSON cannot be read.
    /// </summary>
    public static StoredRunInputs? Read(AnalysisRun run, AnalysisCatalogue catalogue, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(catalogue);
        problem = null;
        var rows = (JsonSerializer.Deserialize<List<string[]>>(run.InputsJson) ?? []).Select((cells, i) => new AssessmentRawRow(i + 1, cells)).ToList();
        var read = new AssessmentTable(catalogue.Criteria, catalogue.Scales).Validate(rows);
        if (!read.IsValid)
        {
            problem = "The stored inputs no longer pass today's catalogue (a criterion or scale changed).";
            return null;
        }
        var recorded = JsonSerializer.Deserialize<SettingsRecord>(run.SettingsJson, RunSummary.JsonOptions)
                       ?? throw new JsonException($"Analysis run '{run.Code}' has no settings.");
        var input = read.Input! with { Scenarios = read.Input!.Scenarios.Select(s => s with { Theme = catalogue.ThemeCode(s.Theme) }).ToList() };
        var weights = PreferenceProfile.FromCriterionWeights(recorded.Profile, recorded.Weights.ToDictionary(w => w.Criterion, w => w.Weight, StringComparer.Ordinal));
        var settings = new AnalysisSettings(weights)
        {
            Factor = recorded.Factor,
            Iterations = recorded.Iterations,
            Seed = recorded.Seed,
            DirichletConcentration = recorded.DirichletConcentration,
            BandRounding = recorded.BandRounding,
            LikelihoodScale = new LikelihoodScale(recorded.LikelihoodLowerBounds, recorded.LikelihoodHorizonYears, recorded.LikelihoodScaleVersion),
            ThreatRule = recorded.ThreatRule == ThreatRuleKind.Minimum ? ThreatLikelihoodRule.Minimum : ThreatLikelihoodRule.GeometricMean,
            SensitivityProfiles = catalogue.Profiles.Select(p => p.RestrictTo(input.Criteria.Select(c => c.Code))).ToList(),
            CodeVersion = recorded.CodeVersion,
        };
        return new StoredRunInputs(input, settings, recorded);
    }
}
