namespace Baken.Methods.Measures;

/// <summary>
/// A scenario's current and residual position under a set of measures, for the risk diagram's arrows and for reports.
/// </summary>
/// <param name="AppliedMeasureIds">The measures with an effect on this scenario, in the order given.</param>
/// <param name="CurrentAnnualRisk">Annual risk before the measures, in the valuation's unit (euros per year or risk points).</param>
/// <param name="ResidualAnnualRisk">Annual risk with the measures in force, same unit.</param>
public sealed record ResidualRiskResult(
    string ScenarioId,
    IReadOnlyList<string> AppliedMeasureIds,
    double CurrentAnnualProbability,
    double ResidualAnnualProbability,
    double CurrentImpactScore,
    double ResidualImpactScore,
    RiskMetric Metric,
    double CurrentAnnualRisk,
    double ResidualAnnualRisk)
{
    /// <summary>Share of the current risk removed, 0 … 1 (0 when there was no risk).</summary>
    public double ReducedShare => CurrentAnnualRisk > 0 ? 1 - ResidualAnnualRisk / CurrentAnnualRisk : 0;
}

/// <summary>
/// Residual risk of a scenario with a set of measures in force.
/// </summary>
/// <remarks>
/// Measures combine multiplicatively, as if each acted independently on what the others leave: the residual
/// annual probability is p · Π_m L_m, and the residual share of criterion c is Π_m (1 − r_m,c), applied to both the
/// criterion's quantity and its impact points. So two measures that each halve deaths leave a quarter, never less
/// than nothing; the result does not depend on the order of the measures; and a set never leaves more risk than
/// any of its subsets. The same combination is used for every estimate and for every Monte Carlo draw.
/// </remarks>
public static class ResidualRisk
{
    /// <summary>
    /// The scenario as it would be with <paramref name="measures"/> in force, every range read at <paramref name="estimate"/>.
    /// </summary>
    /// <param name="year">When given, only measures in force in this calendar year act; otherwise all do.</param>
    public static ScenarioBaseline Apply(
        ScenarioBaseline scenario, IEnumerable<ModelledMeasure> measures, EffectEstimate estimate = EffectEstimate.Mean, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(measures);
        return Apply(scenario, PointEffects(scenario.ScenarioId, measures, r => r.Pick(estimate), year));
    }

    /// <summary>Current and residual position of <paramref name="scenario"/> under <paramref name="measures"/>.</summary>
    public static ResidualRiskResult Assess(
        ScenarioBaseline scenario, IEnumerable<ModelledMeasure> measures, RiskValuation valuation, EffectEstimate estimate = EffectEstimate.Mean)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(valuation);
        var list = measures.ToList();
        var residual = Apply(scenario, list, estimate);
        return new ResidualRiskResult(
            scenario.ScenarioId,
            list.Where(m => m.EffectOn(scenario.ScenarioId) is not null).Select(m => m.Id).ToList(),
            scenario.AnnualProbability,
            residual.AnnualProbability,
            scenario.ImpactScore,
            residual.ImpactScore,
            valuation.Metric,
            valuation.AnnualRisk(scenario),
            valuation.AnnualRisk(residual));
    }

    internal static IEnumerable<EffectPoint> PointEffects(
        string scenarioId, IEnumerable<ModelledMeasure> measures, Func<EffectRange, double> pick, int? year)
    {
        foreach (var measure in measures)
        {
            ArgumentNullException.ThrowIfNull(measure, nameof(measures));
            if (year is { } y && !measure.Costs.InForce(y)) continue;
            if (measure.EffectOn(scenarioId) is { } effect) yield return effect.Fix(pick);
        }
    }

    internal static ScenarioBaseline Apply(ScenarioBaseline scenario, IEnumerable<EffectPoint> effects)
    {
        var probability = scenario.AnnualProbability;
        var remaining = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var effect in effects)
        {
            probability *= effect.LikelihoodMultiplier;
            foreach (var (criterion, reduction) in effect.ImpactReductionByCriterion)
                remaining[criterion] = remaining.GetValueOrDefault(criterion, 1.0) * (1 - reduction);
        }
        if (remaining.Count == 0 && probability == scenario.AnnualProbability) return scenario;
        return new ScenarioBaseline(
            scenario.ScenarioId,
            probability,
            Scale(scenario.QuantityByCriterion, remaining),
            Scale(scenario.ImpactPointsByCriterion, remaining));
    }

    private static Dictionary<string, double> Scale(IReadOnlyDictionary<string, double> values, Dictionary<string, double> remaining) =>
        values.ToDictionary(p => p.Key, p => p.Value * remaining.GetValueOrDefault(p.Key, 1.0), StringComparer.Ordinal);
}
