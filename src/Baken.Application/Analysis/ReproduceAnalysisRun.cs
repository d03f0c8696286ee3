using System.Text.Json;
using Baken.Methods.Risk;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Analysis;

/// <param name="Result">The run recomputed from its stored inputs and settings; null when that is no longer possible.</param>
/// <param name="Reproduced">True when the recomputation matches the stored results exactly (same seed, same inputs).</param>
/// <param name="Note">Why the run could not be recomputed, or what differs.</param>
public sealed record ReproducedRun(AnalysisRun Run, IReadOnlyList<ScenarioSummary> Stored, AnalysisResult? Result, bool Reproduced, string? Note, AnalysisCatalogue Catalogue)
{
    /// <summary>True when the run was recomputed with another profile or factor than it was stored with.</summary>
    public bool WhatIf { get; init; }
}

/// <summary>
/// Opens a stored run and recomputes it from its input snapshot, weights, factor, seed and iterations, so the full
/// report can be shown again; says so when the result no longer matches (for example because a criterion's scale changed).
/// </summary>
public sealed class ReproduceAnalysisRun(IBakenDb db, LoadAnalysisCatalogue catalogueLoader)
{
    /// <param name="profile">A what-if: recompute with this catalogue profile instead of the run's weights (nothing is stored).</param>
    /// <param name="factor">A what-if: recompute with this ladder factor.</param>
    public async Task<Result<ReproducedRun>> HandleAsync(string code, string? profile = null, double? factor = null, CancellationToken ct = default)
    {
        var run = await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (run is null) return Result<ReproducedRun>.NotFound(AllowedTexts.NoAnalysisRun.With(code));
        var stored = RunSummary.Parse(run.ResultsJson);
        var catalogue = await catalogueLoader.HandleAsync(ct);
        try
        {
            if (StoredRunInputs.Read(run, catalogue, out var problem) is not { } inputs)
                return Result<ReproducedRun>.Ok(new ReproducedRun(run, stored, null, false, problem, catalogue));
            var (input, recorded) = (inputs.Input, inputs.Recorded);
            var weights = inputs.Settings.Profile;
            var whatIf = profile is not null && profile != recorded.Profile || factor is not null && factor != recorded.Factor;
            if (profile is not null && profile != recorded.Profile)
                weights = (catalogue.FindProfile(profile) ?? weights).RestrictTo(input.Criteria.Select(c => c.Code));
            var result = IntegratedAnalysis.Run(input, inputs.Settings with { Profile = weights, Factor = factor ?? recorded.Factor });
            if (whatIf)
                return Result<ReproducedRun>.Ok(new ReproducedRun(run, RunSummary.From(result), result, false,
                    $"What-if, not stored: profile '{result.Settings.Profile}', factor {result.Settings.Factor}.", catalogue) { WhatIf = true });
            var same = SameResults(JsonSerializer.Serialize(RunSummary.From(result), RunSummary.JsonOptions), run.ResultsJson);
            return Result<ReproducedRun>.Ok(new ReproducedRun(run, stored, result, same,
                same ? null : "Recomputing this run today gives different results (the catalogue or the code changed since); the stored summary is authoritative.", catalogue));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            return Result<ReproducedRun>.Ok(new ReproducedRun(run, stored, null, false, "The stored run cannot be recomputed: " + e.Message.Split('\n')[0], catalogue));
        }
    }

    /// <summary>
    /// The same results: equal text everywhere and numbers equal to 1e-9 relative. The stored weights come back from
    /// JSON and are summed in another order, so an unchanged run can differ in the last bits of a double (43.8 against
    /// 43.800000000000004); that is not a different result.
    /// </summary>
    public static bool SameResults(string recomputed, string stored)
    {
        if (recomputed == stored) return true;
        try { return Same(System.Text.Json.Nodes.JsonNode.Parse(recomputed), System.Text.Json.Nodes.JsonNode.Parse(stored)); }
        catch (JsonException) { return false; }

        static bool Same(System.Text.Json.Nodes.JsonNode? a, System.Text.Json.Nodes.JsonNode? b) => (a, b) switch
        {
            (null, null) => true,
            (System.Text.Json.Nodes.JsonObject x, System.Text.Json.Nodes.JsonObject y) =>
                x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v)),
            (System.Text.Json.Nodes.JsonArray x, System.Text.Json.Nodes.JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
            (System.Text.Json.Nodes.JsonValue x, System.Text.Json.Nodes.JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
                Math.Abs(x.GetValue<double>() - y.GetValue<double>()) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x.GetValue<double>()), Math.Abs(y.GetValue<double>()))),
            (System.Text.Json.Nodes.JsonValue x, System.Text.Json.Nodes.JsonValue y) => x.ToJsonString() == y.ToJsonString(),
            _ => false,
        };
    }
}
