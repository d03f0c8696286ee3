using System.Text.Json;
using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Analysis;

/// <summary>How one scenario moved between two runs, and why: which consensus classes or likelihood changed.</summary>
public sealed record ScenarioMove(string Id, string Title, int? RankBefore, int? RankAfter, double? ImpactBefore, double? ImpactAfter,
    string? LikelihoodBefore, string? LikelihoodAfter, IReadOnlyList<string> Reasons);

public sealed record RunComparison(string Before, string After, IReadOnlyList<string> SettingChanges, IReadOnlyList<ScenarioMove> Moves);

/// <summary>Compares two stored runs: settings that differ, scenarios added or removed, rank moves and their causes.</summary>
public sealed class CompareAnalysisRuns(IBakenDb db)
{
    public async Task<Result<RunComparison>> HandleAsync(string before, string after, CancellationToken ct = default)
    {
        var a = await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Code == before, ct);
        var b = await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Code == after, ct);
        if (a is null) return Result<RunComparison>.NotFound(AllowedTexts.NoAnalysisRun.With(before));
        if (b is null) return Result<RunComparison>.NotFound(AllowedTexts.NoAnalysisRun.With(after));

        var settings = new List<string>();
        void Setting(string name, object x, object y) { if (!Equals(x, y)) settings.Add($"{name}: {x} -> {y}"); }
        Setting("profile", a.Profile, b.Profile);
        Setting("factor", a.Factor, b.Factor);
        Setting("iterations", a.Iterations, b.Iterations);
        Setting("seed", a.Seed, b.Seed);
        Setting("code version", a.CodeVersion, b.CodeVersion);
        Setting("input", a.InputSource, b.InputSource);
        if (a.SettingsJson != b.SettingsJson && settings.Count == 0) settings.Add("other settings differ (see the runs' settings)");

        var x = RunSummary.Parse(a.ResultsJson).ToDictionary(s => s.Id);
        var y = RunSummary.Parse(b.ResultsJson).ToDictionary(s => s.Id);
        var moves = new List<ScenarioMove>();
        foreach (var id in x.Keys.Union(y.Keys).Order(StringComparer.Ordinal))
        {
            x.TryGetValue(id, out var p);
            y.TryGetValue(id, out var q);
            var reasons = new List<string>();
            if (p is null) reasons.Add("new in the later run");
            else if (q is null) reasons.Add("not in the later run (removed, or not visible at its clearance)");
            else
            {
                if (p.Likelihood != q.Likelihood) reasons.Add($"likelihood {p.Likelihood} -> {q.Likelihood}");
                foreach (var c in p.Consensus.Keys.Union(q.Consensus.Keys).Order(StringComparer.Ordinal))
                {
                    var from = p.Consensus.GetValueOrDefault(c, "-");
                    var to = q.Consensus.GetValueOrDefault(c, "-");
                    if (from != to) reasons.Add($"criterion {c}: {from} -> {to}");
                }
                if (p.AnalystCount != q.AnalystCount) reasons.Add($"analysts {p.AnalystCount} -> {q.AnalystCount}");
                if (reasons.Count == 0 && p.Rank != q.Rank) reasons.Add("other scenarios moved, or the settings changed");
            }
            if (p?.Rank != q?.Rank || reasons.Count > 0 || p?.ImpactValue != q?.ImpactValue)
                moves.Add(new ScenarioMove(id, q?.Title ?? p!.Title, p?.Rank, q?.Rank, p?.ImpactValue, q?.ImpactValue, p?.Likelihood, q?.Likelihood, reasons));
        }
        return Result<RunComparison>.Ok(new RunComparison(before, after, settings,
            moves.OrderBy(m => m.RankAfter ?? int.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal).ToList()));
    }
}
