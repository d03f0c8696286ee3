using Baken.Methods.Measures;
using Baken.Application.Assessments;
using Baken.Application.Capabilities;
using Baken.Application.Cascades;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Capabilities;
using Baken.Domain.Dependencies;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Analysis;

/// <summary>One analyst's assessment as entered: the words and numbers behind the classes.</summary>
/// <param name="Scores">Per criterion code the judgement as written (class, range or quantity).</param>
public sealed record AssessmentDetail(
    string Analyst, string Organisation, double? HorizonYears, string? Likelihood, string? Intent, string? Capability, string? Vulnerability,
    string? OverrideReason, string? Confidence, IReadOnlyDictionary<string, string> Scores, string? Rationale, IReadOnlyList<string> Sources)
{
    /// <summary>Strength of knowledge, pedigree-style 0–4: evidence base, agreement among experts, understanding of the phenomenon (null: not stated).</summary>
    public (int? Evidence, int? Agreement, int? Understanding) Knowledge { get; init; }
}

/// <summary>A measure with a modelled effect on the scenario.</summary>
/// <param name="LikelihoodMultiplier">Factor on the probability (low, most likely, high); null for none.</param>
/// <param name="ImpactReductions">Per criterion the fraction removed (low, most likely, high).</param>
public sealed record MeasureOnScenario(string Code, string Title, MeasureStatus Status, EffectRange? LikelihoodMultiplier,
    IReadOnlyDictionary<string, EffectRange> ImpactReductions);

/// <summary>A vital process the scenario disrupts first, with how long and how hard.</summary>
public sealed record DisruptionDetail(string ProcessCode, string ProcessName, string ProcessNameEn, double DurationHours, double Severity);

/// <summary>A record linked to the scenario (a strategic dependency that feeds it, a component of a compound scenario).</summary>
public sealed record LinkedRecord(string Code, string Title)
{
    /// <summary>For a strategic dependency: the options chosen (seed 004's framework), in the framework's order.</summary>
    public IReadOnlyList<DependencyOptionChoice> ChosenOptions { get; init; } = [];
}

/// <summary>Everything the register holds about one analysed scenario that a risk sheet shows beside the run's numbers.</summary>
/// <param name="Residual">Risk points now and with the implemented measures in force; null when no measure acts on it or no run is stored.</param>
public sealed record ScenarioDetail(
    string Code, string Title, string Classification, string? RiskCode, int HorizonYears, string? Narrative, string? ReasonableWorstCase, string? Assumptions,
    IReadOnlyList<AssessmentDetail> Assessments, IReadOnlyList<DisruptionDetail> Disruptions, IReadOnlyList<LinkedRecord> Components, CompoundDependence? Dependence,
    IReadOnlyList<LinkedRecord> Dependencies, IReadOnlyList<LinkedRecord> Goals, IReadOnlyList<MeasureOnScenario> Measures, ResidualRiskResult? Residual,
    IReadOnlyList<CapabilityNeed> Capabilities)
{
    /// <summary>The Delphi rounds: per criterion the spread in round 1 and now and how classes moved; null when no assessment went through a round change.</summary>
    public Workflow.ScenarioRoundsView? Rounds { get; init; }
}

/// <summary>A criterion with its names and the scale it was scored on (for the annex).</summary>
public sealed record CriterionDetail(string Code, string Interest, string Name, string NameEn, string? MeasuredAs, string? Unit, bool? Indicative,
    IReadOnlyList<double?> LowerBounds);

/// <param name="Scenarios">Keyed by scenario code; a scenario the register does not hold (an analysed file) or the caller may not see is absent.</param>
/// <param name="PreviousRun">The run stored before this one, when there is one; <paramref name="SincePrevious"/> compares the two.</param>
public sealed record ReportDetails(
    IReadOnlyDictionary<string, ScenarioDetail> Scenarios,
    IReadOnlyList<CriterionDetail> Criteria,
    IReadOnlyDictionary<string, (string Nl, string En)> Themes,
    string? PreviousRun,
    RunComparison? SincePrevious,
    CapabilityGapReport? Gaps)
{
    public static readonly ReportDetails None = new(new Dictionary<string, ScenarioDetail>(), [], new Dictionary<string, (string, string)>(), null, null, null);

    /// <summary>The Dutch name of each weight set, keyed by the (English) name a run records.</summary>
    public IReadOnlyDictionary<string, string> ProfileNamesNl { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Gathers what the analysis report shows beside a run's numbers: per scenario the narrative, reasonable worst case,
/// assumptions, each analyst's assessment with rationale and sources, cascades, dependencies, goals, measures with the
/// residual risk, and capabilities; the criteria and scales; the comparison with the previous run; the capability gaps.
/// Reads through the classification filter, so a report never holds more than its reader may see.
/// </summary>
public sealed class GatherReportDetails(IBakenDb db, CompareAnalysisRuns compare, CapabilityGaps gaps, MeasuresAnalysis measures,
    LoadAnalysisCatalogue? catalogueLoader = null)
{
    /// <param name="scenarioCodes">The scenarios of the run.</param>
    /// <param name="runCode">The run the report is for; null for an unstored run (then no comparison).</param>
    public async Task<ReportDetails> HandleAsync(IReadOnlyCollection<string> scenarioCodes, string? runCode, CancellationToken ct = default)
    {
        var codes = scenarioCodes.ToList();
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => codes.Contains(s.Code)).ToListAsync(ct);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => codes.Contains(a.ScenarioCode)).ToListAsync(ct))
            .GroupBy(a => a.ScenarioCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Analyst, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var processes = await db.VitalProcesses.AsNoTracking().ToDictionaryAsync(p => p.Code, ct);
        var dependencies = await db.Dependencies.AsNoTracking().Where(d => d.Scenario != null && codes.Contains(d.Scenario)).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.Scenarios != null).ToListAsync(ct);
        var allMeasures = (await db.Measures.AsNoTracking().ToListAsync(ct)).Where(m => m.Effects.Count > 0).ToList();
        var titles = await db.Scenarios.AsNoTracking().Select(s => new { s.Code, s.Title }).ToDictionaryAsync(s => s.Code, s => s.Title, ct);

        var residual = new Dictionary<string, ResidualRiskResult>(StringComparer.Ordinal);
        var inForce = allMeasures.Where(m => m.Status == MeasureStatus.Implemented).Select(m => m.Code).ToList();
        if (runCode is not null && allMeasures.Count > 0)
        {
            var (_, results) = await measures.ResidualAsync(inForce, RiskMetric.RiskPoints, ct);
            foreach (var r in results) residual[r.ScenarioId] = r;
        }

        var details = new Dictionary<string, ScenarioDetail>(StringComparer.Ordinal);
        foreach (var s in scenarios)
        {
            var onScenario = allMeasures
                .SelectMany(m => m.Effects.Where(e => e.Scenario == s.Code).Select(e => e.ToMeasureEffect())
                    .Select(e => new MeasureOnScenario(m.Code, m.Title, m.Status, e.LikelihoodMultiplier, e.ImpactReductionByCriterion)))
                .OrderBy(m => m.Code, NaturalComparer.Instance).ToList();
            details[s.Code] = new ScenarioDetail(
                s.Code, s.Title, s.Classification.Level.DisplayName(), s.RiskCode, s.HorizonYears, s.Narrative, s.ReasonableWorstCase, s.Assumptions,
                (assessments.GetValueOrDefault(s.Code) ?? []).Select(a => new AssessmentDetail(a.Analyst, a.Organisation, a.HorizonYears, a.Likelihood, a.Intent,
                    a.Capability, a.Vulnerability, a.OverrideReason, a.Confidence, ScoreList.ByCriterion(a.Scores), a.Rationale, a.Sources)
                    { Knowledge = (a.KnowledgeEvidence, a.KnowledgeAgreement, a.KnowledgeUnderstanding) }).ToList(),
                s.Disruptions.Select(d => processes.TryGetValue(d.Process, out var p)
                    ? new DisruptionDetail(d.Process, p.Name, p.NameEn, d.Hours, d.Severity)
                    : new DisruptionDetail(d.Process, d.Process, d.Process, d.Hours, d.Severity)).ToList(),
                s.Components.Select(c => new LinkedRecord(c, titles.GetValueOrDefault(c) ?? c)).ToList(),
                s.Dependence,
                dependencies.Where(d => d.Scenario == s.Code).OrderBy(d => d.Code, NaturalComparer.Instance).Select(d => new LinkedRecord(d.Code, d.Title) { ChosenOptions = d.ChosenOptions().ToList() }).ToList(),
                goals.Where(g => g.Scenarios.Contains(s.Code)).OrderBy(g => g.Code, NaturalComparer.Instance).Select(g => new LinkedRecord(g.Code, g.Title)).ToList(),
                onScenario,
                onScenario.Count > 0 ? residual.GetValueOrDefault(s.Code) : null,
                s.Capabilities);
        }

        // The movement between Delphi rounds, only where a round change recorded round-1 scores.
        var withRounds = scenarios.Where(s => assessments.GetValueOrDefault(s.Code)?.Any(a => a.Round1Scores is not null) == true).ToList();
        if (withRounds.Count > 0 && catalogueLoader is not null)
        {
            var catalogue = await catalogueLoader.HandleAsync(ct);
            var cycles = await db.Cycles.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc).ToListAsync(ct);
            foreach (var s in withRounds)
                details[s.Code] = details[s.Code] with
                {
                    Rounds = Workflow.DelphiRounds.Build(s, assessments[s.Code], catalogue,
                        cycles.FirstOrDefault(c => c.Scenarios.Contains(s.Code))),
                };
        }

        var scales = (await db.CriterionScales.AsNoTracking().ToListAsync(ct))
            .GroupBy(x => x.CriterionCode).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.ScaleVersion).First());
        var criteria = (await db.Criteria.AsNoTracking().Where(c => !c.Retired).ToListAsync(ct)).OrderBy(c => c.Code, NaturalComparer.Instance)
            .Select(c => scales.TryGetValue(c.Code, out var sc)
                ? new CriterionDetail(c.Code, c.InterestCode, c.Name, c.NameEn, c.MeasuredAs, sc.Unit, sc.Indicative, sc.LowerBounds)
                : new CriterionDetail(c.Code, c.InterestCode, c.Name, c.NameEn, c.MeasuredAs, null, null, [])).ToList();
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.Name, t.NameEn), ct);

        string? previous = null;
        RunComparison? since = null;
        if (runCode is not null && await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Code == runCode, ct) is { } run)
        {
            previous = await db.AnalysisRuns.AsNoTracking().Where(r => r.RunAtUtc < run.RunAtUtc || (r.RunAtUtc == run.RunAtUtc && r.Code.CompareTo(run.Code) < 0))
                .OrderByDescending(r => r.RunAtUtc).ThenByDescending(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(ct);
            if (previous is not null && (await compare.HandleAsync(previous, runCode, ct)) is { IsOk: true } c) since = c.Value;
        }
        var gapReport = await gaps.HandleAsync(runCode, ct);
        var profiles = (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "profiles").ToListAsync(ct))
            .Where(e => e.NameEn.Length > 0).GroupBy(e => e.NameEn).ToDictionary(g => g.Key, g => g.First().Name);
        return new ReportDetails(details, criteria, themes, previous, since, gapReport.IsOk ? gapReport.Value : null) { ProfileNamesNl = profiles };
    }

    private static List<string> Split(string? codes) =>
        (codes ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
