using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baken.Methods.Measures;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Analysis;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Strategy;

/// <summary>The euros per unit, the discount rate and the horizon in force, from the catalogue's monetisation entries.</summary>
public sealed record AppraisalSettings(MonetisationTable Table, double DiscountRate, int HorizonYears, bool Indicative);

/// <summary>A measure with its appraisal alone (costs and the risk it removes over the period).</summary>
public sealed record MeasureRow(Measure Measure, ModelledMeasure Model, MeasureAppraisalResult Appraisal)
{
    /// <summary>Its value over the run's Monte Carlo draws; null when none were asked for or the run has none.</summary>
    public MeasureUncertaintyResult? Uncertainty { get; init; }

    /// <summary>Its appraisal under every class valuation rule, and whether the recommendation flips between them.</summary>
    public MeasureRobustness? Robustness { get; init; }
}

/// <summary>How to value the measures: the yardstick, the run, the class valuation rule and the Monte Carlo draws.</summary>
/// <param name="RunCode">The analysis run to value against; null = the latest the user may see.</param>
/// <param name="Draws">How many of the run's Monte Carlo iterations to value the measures on (0: none; at most the run's iterations are used).</param>
/// <param name="Seed">Seed of the draws of the measures' effect ranges; null = the run's seed.</param>
public sealed record MeasureValuation(
    RiskMetric Metric = RiskMetric.ExpectedAnnualDamage,
    string? RunCode = null,
    ClassValuationRule Rule = ClassValuationRule.GeometricMean,
    int Draws = 0,
    int? Seed = null)
{
    public const int MaximumDraws = 100_000;
}

/// <summary>Everything the measures pages, the CLI and the reports show about the palette of measures.</summary>
public sealed record MeasuresOverview(
    string? RunCode,
    RiskMetric Metric,
    AppraisalPeriod Period,
    AppraisalSettings Settings,
    IReadOnlyList<ScenarioBaseline> Scenarios,
    IReadOnlyList<MeasureRow> Measures,
    IReadOnlyList<string> Problems,
    ClassificationLevel HighestClassification)
{
    public string Unit => Metric == RiskMetric.ExpectedAnnualDamage ? "EUR (present value)" : "risk points (present value)";

    /// <summary>The class valuation rule the rows' appraisals use.</summary>
    public ClassValuationRule Rule { get; init; } = ClassValuationRule.GeometricMean;

    /// <summary>How many of the run's Monte Carlo draws the measures were valued on (0: none).</summary>
    public int Draws { get; init; }

    /// <summary>The high-water mark (level and compartments) of the run and the measures valued: the marking of anything made from this overview.</summary>
    public Classification Classification { get; init; }
}

/// <summary>The best set under a budget, the efficient frontier and how stable the choice is under the effects' uncertainty.</summary>
public sealed record PortfolioResult(MeasuresOverview Overview, PortfolioSelection Selection, EfficientFrontier Frontier, SelectionUncertainty? Uncertainty,
    PreventionComparison? Prevention)
{
    /// <summary>Each scenario's current and residual position with the chosen set in force (the diagram's arrows).</summary>
    public IReadOnlyList<ResidualRiskResult> Residual { get; init; } = [];
}

/// <summary>
/// The measures analysis (METHODS §5) on the register: the measures the user may see, valued against the latest
/// analysis run they may see. Monetised as expected annual damage when asked and every scenario's impact can be priced
/// in part; otherwise in risk points. Results carry the highest classification of the measures and the run used.
/// </summary>
public sealed class MeasuresAnalysis(IBakenDb db, LoadAnalysisCatalogue catalogueLoader, TimeProvider clock)
{
    public Task<MeasuresOverview> OverviewAsync(RiskMetric metric = RiskMetric.ExpectedAnnualDamage, string? runCode = null, CancellationToken ct = default) =>
        OverviewAsync(new MeasureValuation(metric, runCode), ct);

    public async Task<MeasuresOverview> OverviewAsync(MeasureValuation request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (metric, runCode) = (request.Metric, request.RunCode);
        var problems = new List<string>();
        var settings = await SettingsAsync(ct);
        var run = runCode is null
            ? await db.AnalysisRuns.AsNoTracking().OrderByDescending(r => r.RunAtUtc).FirstOrDefaultAsync(ct)
            : await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Code == runCode, ct);
        var catalogue = await catalogueLoader.HandleAsync(ct);
        var rules = Enum.GetValues<ClassValuationRule>();
        var baselines = rules.ToDictionary(r => r, _ => (IReadOnlyList<ScenarioBaseline>)[]);
        if (run is null) problems.Add(runCode is null ? "No analysis run yet: measures are valued against the latest run ('baken analyse')." : $"No analysis run '{runCode}'.");
        else
        {
            try { foreach (var rule in rules) baselines[rule] = MeasureBaselines.FromRun(run, catalogue, rule); }
            catch (InvalidOperationException e) { problems.Add(e.Message); }
        }
        var scenarios = baselines[request.Rule];
        var period = new AppraisalPeriod(clock.GetUtcNow().Year, settings.HorizonYears, settings.DiscountRate);
        var valuation = metric == RiskMetric.ExpectedAnnualDamage ? RiskValuation.Monetised(settings.Table) : RiskValuation.RiskPoints;
        var known = scenarios.Select(s => s.ScenarioId).ToHashSet(StringComparer.Ordinal);

        var rows = new List<MeasureRow>();
        var measures = (await db.Measures.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.Code, NaturalComparer.Instance).ToList();
        var visible = measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var m in measures)
        {
            try
            {
                // Effects on scenarios outside the run add nothing. A prerequisite the user cannot see stays (the portfolio
                // then cannot choose the measure); an exclusion of a measure the user cannot see is moot.
                var effects = m.Effects.Where(e => known.Contains(e.Scenario)).Select(e => e.ToMeasureEffect()).ToList();
                var model = new ModelledMeasure(m.Code, (MeasureKind)(int)m.MeasureType,
                    new MeasureCosts(m.OneOffCost ?? 0, m.YearlyCost ?? 0, m.StartYear, m.LifetimeYears), effects,
                    m.Requires, m.Excludes.Where(visible.Contains));
                rows.Add(new MeasureRow(m, model, MeasureAppraisal.Appraise(model, scenarios, valuation, period)));
            }
            catch (Exception e) when (e is ArgumentException or DomainValidationException)
            {
                problems.Add($"Measure {m.Code} left out: {e.Message}");
            }
        }

        // The same measures under every rule: a recommendation that flips between them is fragile.
        var models = rows.Select(r => r.Model).ToList();
        var robustness = ValuationRuleComparison.Compare(rules.ToDictionary(r => r,
                r => (IReadOnlyList<MeasureAppraisalResult>)models.Select(m => MeasureAppraisal.Appraise(m, baselines[r], valuation, period)).ToList()))
            .ToDictionary(x => x.MeasureId, StringComparer.Ordinal);
        var draws = 0;
        var uncertainty = new Dictionary<string, MeasureUncertaintyResult>(StringComparer.Ordinal);
        if (request.Draws > 0 && run is not null && models.Count > 0 && scenarios.Count > 0)
        {
            foreach (var u in OnRunDraws(run, catalogue, models, valuation, period, request, problems, out draws)) uncertainty[u.MeasureId] = u;
        }
        rows = rows.Select(r => r with { Uncertainty = uncertainty.GetValueOrDefault(r.Measure.Code), Robustness = robustness.GetValueOrDefault(r.Measure.Code) }).ToList();

        var highest = new[] { run?.ClassificationLevel ?? ClassificationLevel.Ongerubriceerd }.Concat(measures.Select(m => m.ClassificationLevel)).Max();
        var classification = Classification.Highest(measures.Select(m => m.Classification)
            .Append(run?.Classification ?? Classification.Unclassified));
        return new MeasuresOverview(run?.Code, metric, period, settings, scenarios, rows, problems, highest) { Rule = request.Rule, Draws = draws, Classification = classification };
    }

    /// <summary>The measures valued on the first draws of the run's own Monte Carlo (recomputed from its stored inputs and seed).</summary>
    private static IReadOnlyList<MeasureUncertaintyResult> OnRunDraws(AnalysisRun run, AnalysisCatalogue catalogue,
        IReadOnlyList<ModelledMeasure> models, RiskValuation valuation, AppraisalPeriod period, MeasureValuation request, List<string> problems, out int draws)
    {
        draws = 0;
        if (run.Iterations <= 0)
        {
            problems.Add($"Analysis run {run.Code} has no Monte Carlo (0 iterations): the measures have no interval; run 'baken analyse' with iterations.");
            return [];
        }
        try
        {
            if (StoredRunInputs.Read(run, catalogue, out var problem) is not { } inputs)
            {
                problems.Add($"No interval: {problem}");
                return [];
            }
            var count = Math.Min(Math.Min(request.Draws, MeasureValuation.MaximumDraws), run.Iterations);
            var risk = IntegratedAnalysis.Draws(inputs.Input, inputs.Settings, count);
            var baselines = MeasureBaselines.FromDraws(risk, inputs.Settings.Factor, catalogue, request.Rule);
            draws = count;
            return MeasureUncertainty.Appraise(models, baselines, valuation, period, request.Seed ?? unchecked((int)run.Seed));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            problems.Add("No interval: the run's draws cannot be recomputed: " + e.Message.Split('\n')[0]);
            return [];
        }
    }

    /// <param name="budgetEuros">The budget the chosen measures' nominal costs over the period must fit in.</param>
    /// <param name="draws">Monte Carlo draws of the effects for the selection frequencies (0: none).</param>
    public async Task<PortfolioResult> PortfolioAsync(double budgetEuros, RiskMetric metric = RiskMetric.ExpectedAnnualDamage, int draws = 200, int seed = 1,
        int frontierPoints = 12, CancellationToken ct = default)
    {
        var overview = await OverviewAsync(metric, null, ct);
        var valuation = metric == RiskMetric.ExpectedAnnualDamage ? RiskValuation.Monetised(overview.Settings.Table) : RiskValuation.RiskPoints;
        // A prerequisite the user cannot see (or that failed to parse) cannot be chosen, so neither can its dependants.
        var models = Closed(overview.Measures.Select(r => r.Model).ToList());
        var problem = PortfolioProblem.FromMeasures(models, overview.Scenarios, valuation, overview.Period);
        var selection = PortfolioOptimiser.Optimise(problem, budgetEuros);
        var frontier = problem.Candidates.Count == 0 ? new EfficientFrontier([]) : PortfolioOptimiser.Frontier(problem, frontierPoints);
        SelectionUncertainty? uncertainty = null;
        if (draws > 0 && problem.Candidates.Count > 0 && overview.Scenarios.Count > 0)
            uncertainty = PortfolioOptimiser.SelectionFrequencies(problem, budgetEuros,
                MeasureEffectDraws.Draw(models, overview.Scenarios, valuation, overview.Period, draws, seed));
        PreventionComparison? prevention = null;
        if (overview.Scenarios.Count > 0 && models.Count > 0)
            prevention = PreventionVersusReaction.CompareByKind(overview.Scenarios, models, overview.Settings.Table, overview.Period);
        return new PortfolioResult(overview, selection, frontier, uncertainty, prevention) { Residual = Residual(overview, selection.ChosenMeasureIds, valuation) };
    }

    /// <summary>Each scenario's current and residual risk with <paramref name="measureCodes"/> in force (unknown codes are reported).</summary>
    public async Task<(MeasuresOverview Overview, IReadOnlyList<ResidualRiskResult> Residual)> ResidualAsync(
        IReadOnlyList<string> measureCodes, RiskMetric metric = RiskMetric.ExpectedAnnualDamage, CancellationToken ct = default)
    {
        var overview = await OverviewAsync(metric, null, ct);
        var known = overview.Measures.Select(m => m.Measure.Code).ToHashSet(StringComparer.Ordinal);
        // The same words for a measure that does not exist and one the user may not see.
        var unknown = measureCodes.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0) overview = overview with { Problems = [.. overview.Problems, $"No measure(s) {string.Join(", ", unknown)}: left out."] };
        var valuation = metric == RiskMetric.ExpectedAnnualDamage ? RiskValuation.Monetised(overview.Settings.Table) : RiskValuation.RiskPoints;
        return (overview, Residual(overview, measureCodes.Where(known.Contains).ToList(), valuation));
    }

    private static IReadOnlyList<ResidualRiskResult> Residual(MeasuresOverview overview, IReadOnlyCollection<string> codes, RiskValuation valuation)
    {
        var chosen = overview.Measures.Where(m => codes.Contains(m.Measure.Code)).Select(m => m.Model).ToList();
        return overview.Scenarios.Select(s => ResidualRisk.Assess(s, chosen, valuation)).ToList();
    }

    private static List<ModelledMeasure> Closed(List<ModelledMeasure> models)
    {
        while (true)
        {
            var ids = models.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var kept = models.Where(m => m.Requires.All(ids.Contains))
                .Select(m => m.Excludes.All(ids.Contains) ? m : new ModelledMeasure(m.Id, m.Kind, m.Costs, m.Effects, m.Requires, m.Excludes.Where(ids.Contains)))
                .ToList();
            if (kept.Count == models.Count) return kept;
            models = kept;
        }
    }

    public async Task<AppraisalSettings> SettingsAsync(CancellationToken ct = default)
    {
        var rates = new List<MonetisationRate>();
        double discount = 0.0225;
        var horizon = 20;
        var indicative = false;
        foreach (var e in await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "monetisation").ToListAsync(ct))
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            indicative |= e.Indicative;
            if (a["discount_rate"] is JsonValue d && d.TryGetValue<double>(out var rate)) discount = rate;
            if (a["horizon_years"] is JsonValue h && h.TryGetValue<double>(out var years)) horizon = (int)years;
            if ((string?)a["criterion"] is { } criterion && a["euros_per_unit"] is JsonValue v && v.TryGetValue<double>(out var euros))
                rates.Add(new MonetisationRate(criterion, (string?)a["unit"] ?? "unit", euros, e.Indicative, e.Provenance ?? ""));
        }
        return new AppraisalSettings(new MonetisationTable(rates), discount, horizon, indicative);
    }

    /// <summary>Parses budgets as people write them: 500m, 1.2bn, 750k, 2500000, €500m.</summary>
    public static bool TryParseEuros(string? text, out double euros)
    {
        euros = 0;
        var t = (text ?? "").Trim().TrimStart('€').Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var factor = 1.0;
        foreach (var (suffix, f) in new[] { ("bn", 1e9), ("mld", 1e9), ("b", 1e9), ("mln", 1e6), ("m", 1e6), ("k", 1e3) })
            if (t.EndsWith(suffix, StringComparison.Ordinal)) { factor = f; t = t[..^suffix.Length]; break; }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || n < 0) return false;
        euros = n * factor;
        return euros <= 1e15;
    }
}
