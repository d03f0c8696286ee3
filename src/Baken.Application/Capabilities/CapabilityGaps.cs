using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Strategy;
using Microsoft.EntityFrameworkCore;

using Baken.Domain.Capabilities;

namespace Baken.Application.Capabilities;

/// <summary>One need of one scenario against what exists: the level available now and after the planned measures.</summary>
/// <param name="Available">The highest level any organisation states, plus the raises of implemented measures (at most 4).</param>
/// <param name="AfterPlanned">Available plus the raises of measures proposed, planned or in progress (at most 4).</param>
/// <param name="Shortfall">Required − Available, at least 0.</param>
public sealed record CapabilityGapLine(
    string Scenario, string ScenarioTitle, string Capability, string CapabilityName, string CapabilityNameEn, CapabilityPhase Phase,
    int Required, int Available, int AfterPlanned, int Shortfall, int ShortfallAfterPlanned, int? Rank, double RiskScore, IReadOnlyList<string> Holders,
    IReadOnlyList<string> RaisingMeasures);

/// <summary>One capability across the register: the scenarios it falls short for and the risk they carry.</summary>
/// <param name="RiskAtStake">Sum of the risk scores of the scenarios for which the capability falls short.</param>
public sealed record CapabilityGapTotal(
    string Capability, string Name, string NameEn, bool Indicative, int Available, int AfterPlanned, int ScenariosNeeding, int ScenariosShort,
    int LargestShortfall, double RiskAtStake, int? BestRank, IReadOnlyList<string> ShortFor);

/// <param name="RunCode">The analysis run the risk scores come from; null when none is stored.</param>
public sealed record CapabilityGapReport(string? RunCode, IReadOnlyList<CapabilityGapLine> Lines, IReadOnlyList<CapabilityGapTotal> Totals)
{
    public IEnumerable<CapabilityGapLine> For(string scenario) => Lines.Where(l => l.Scenario == scenario);
}

/// <summary>
/// The capability gap analysis (METHODS §8) over what the caller may see: per scenario, each capability it needs against
/// the level the organisations have (the highest stated, raised by implemented measures), and across the register
/// each capability's shortfalls weighed by the risk of the scenarios they touch, so the most risk-relevant come first.
/// The risk score of a scenario is v(likelihood) × I(s) on the run's ladder, f^(L−1) · I(s): an indicative scalar,
/// not part of the official method (METHODS §1.6), used only to order the gaps.
/// </summary>
public sealed class CapabilityGaps(IBakenDb db)
{
    /// <param name="runCode">The run whose risks weigh the gaps; null: the latest run the caller may see.</param>
    public async Task<Result<CapabilityGapReport>> HandleAsync(string? runCode = null, CancellationToken ct = default)
    {
        var runs = db.AnalysisRuns.AsNoTracking();
        var run = runCode is null
            ? await runs.OrderByDescending(r => r.RunAtUtc).FirstOrDefaultAsync(ct)
            : await runs.FirstOrDefaultAsync(r => r.Code == runCode, ct);
        if (runCode is not null && run is null) return Result<CapabilityGapReport>.NotFound(AllowedTexts.NoAnalysisRun.With(runCode));

        var risk = new Dictionary<string, (int Rank, double Score)>(StringComparer.Ordinal);
        if (run is not null)
        {
            var factor = run.Factor > 1 ? run.Factor : 3;
            foreach (var s in RunSummary.Parse(run.ResultsJson))
            {
                var likelihood = ImpactClasses.TryParse(s.Likelihood, out var l) && l != ImpactClass.X ? (int)l : 1;
                risk[s.Id] = (s.Rank, Math.Pow(factor, likelihood - 1) * s.ImpactValue);
            }
        }

        var capabilities = (await db.Capabilities.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var holdings = new Dictionary<string, List<(string Organisation, int Level)>>(StringComparer.Ordinal);
        // The typed columns are JSON: which records hold any is decided here, not in the query.
        foreach (var o in await db.Organisations.AsNoTracking().ToListAsync(ct))
            foreach (var held in o.Capabilities)
                (holdings.TryGetValue(held.Capability, out var list) ? list : holdings[held.Capability] = []).Add((o.Code, held.Level));
        var raisedNow = new Dictionary<string, int>(StringComparer.Ordinal);
        var raisedPlanned = new Dictionary<string, int>(StringComparer.Ordinal);
        var raisers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in await db.Measures.AsNoTracking().Where(m => m.Status != MeasureStatus.Stopped).ToListAsync(ct))
            foreach (var (code, by) in m.CapabilityRaises.Select(r => (r.Capability, r.By)))
            {
                if (m.Status == MeasureStatus.Implemented) raisedNow[code] = raisedNow.GetValueOrDefault(code) + by;
                else raisedPlanned[code] = raisedPlanned.GetValueOrDefault(code) + by;
                (raisers.TryGetValue(code, out var list) ? list : raisers[code] = []).Add(m.Code);
            }

        int Available(string code) =>
            Math.Min(CapabilityLevels.MaxLevel, (holdings.TryGetValue(code, out var h) ? h.Max(x => x.Level) : 0) + raisedNow.GetValueOrDefault(code));
        int AfterPlanned(string code) => Math.Min(CapabilityLevels.MaxLevel, Available(code) + raisedPlanned.GetValueOrDefault(code));

        var lines = new List<CapabilityGapLine>();
        foreach (var s in (await db.Scenarios.AsNoTracking().ToListAsync(ct)).Where(s => s.Capabilities.Count > 0).OrderBy(s => s.Code, NaturalComparer.Instance))
        {
            var (rank, score) = risk.TryGetValue(s.Code, out var r) ? ((int?)r.Rank, r.Score) : (null, 0);
            foreach (var need in s.Capabilities)
            {
                // A need for a capability the caller may not see is left out, like the capability itself.
                if (!capabilities.TryGetValue(need.Capability, out var c)) continue;
                var available = Available(c.Code);
                var planned = AfterPlanned(c.Code);
                lines.Add(new CapabilityGapLine(s.Code, s.Title, c.Code, c.Name, c.NameEn, need.Phase, need.Level, available, planned,
                    Math.Max(0, need.Level - available), Math.Max(0, need.Level - planned), rank, score,
                    holdings.TryGetValue(c.Code, out var h) ? h.OrderByDescending(x => x.Level).Select(x => $"{x.Organisation} ({x.Level})").ToList() : [],
                    raisers.GetValueOrDefault(c.Code) ?? []));
            }
        }

        var totals = capabilities.Values.Select(c =>
            {
                var needing = lines.Where(l => l.Capability == c.Code).ToList();
                var shortLines = needing.Where(l => l.Shortfall > 0).ToList();
                var shortScenarios = shortLines.GroupBy(l => l.Scenario, StringComparer.Ordinal).Select(g => g.First()).ToList();
                return new CapabilityGapTotal(c.Code, c.Name, c.NameEn, c.Indicative, Available(c.Code), AfterPlanned(c.Code),
                    needing.Select(l => l.Scenario).Distinct(StringComparer.Ordinal).Count(), shortScenarios.Count,
                    shortLines.Count == 0 ? 0 : shortLines.Max(l => l.Shortfall), shortScenarios.Sum(l => l.RiskScore),
                    shortScenarios.Min(l => l.Rank), shortScenarios.OrderBy(l => l.Rank ?? int.MaxValue).Select(l => l.Scenario).ToList());
            })
            .OrderByDescending(t => t.RiskAtStake).ThenByDescending(t => t.ScenariosShort).ThenByDescending(t => t.LargestShortfall)
            .ThenBy(t => t.Capability, NaturalComparer.Instance).ToList();
        return Result<CapabilityGapReport>.Ok(new CapabilityGapReport(run?.Code, lines, totals));
    }
}
