namespace Baken.Methods.Measures;

/// <summary>
/// Cost–benefit (or cost-effectiveness) of one measure taken on its own over an appraisal period.
/// </summary>
/// <param name="AnnualRiskReduction">Risk removed per year in force, summed over the scenarios: euros per year (EAD) or risk points.</param>
/// <param name="YearsInForceWithinPeriod">Years of the measure's lifetime that fall inside the period.</param>
/// <param name="PresentValueCostEuros">Discounted costs booked inside the period, in euros.</param>
/// <param name="PresentValueRiskReduction">Discounted sum of the yearly risk reduction over the years in force inside the period (euros, or discounted risk-point-years).</param>
/// <param name="NetPresentValueEuros">Benefit minus cost, both discounted, in euros; null for risk points (no net benefit without monetisation).</param>
/// <param name="ReductionPerEuro">
/// Present-value reduction per present-value euro: the benefit–cost ratio for EAD, risk points reduced per euro
/// (cost-effectiveness) for risk points; null when the measure costs nothing inside the period.
/// </param>
/// <param name="UnmonetisedCriteria">Criteria of the scenarios left unpriced: benefits are then a lower bound.</param>
/// <param name="IndicativeCriteria">Criteria priced with an indicative rate.</param>
public sealed record MeasureAppraisalResult(
    string MeasureId,
    MeasureKind Kind,
    RiskMetric Metric,
    double AnnualRiskReduction,
    int YearsInForceWithinPeriod,
    double PresentValueCostEuros,
    double PresentValueRiskReduction,
    double? NetPresentValueEuros,
    double? ReductionPerEuro,
    IReadOnlyList<string> UnmonetisedCriteria,
    IReadOnlyList<string> IndicativeCriteria);

public static class MeasureAppraisal
{
    /// <summary>
    /// Appraises <paramref name="measure"/> alone against <paramref name="scenarios"/> (conventions: <see cref="AppraisalPeriod"/>
    /// for discounting, <see cref="ResidualRisk"/> for effects; the effect holds in every year in force).
    /// </summary>
    public static MeasureAppraisalResult Appraise(
        ModelledMeasure measure,
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        RiskValuation valuation,
        AppraisalPeriod period,
        EffectEstimate estimate = EffectEstimate.Mean)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ScenarioSet.Check(scenarios, nameof(scenarios));
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(period);
        var annual = AnnualReduction(measure, scenarios, valuation, r => r.Pick(estimate));
        var pvCost = measure.Costs.PresentValueCost(period);
        var pvReduction = annual * InForceDiscountSum(measure, period);
        return new MeasureAppraisalResult(
            measure.Id,
            measure.Kind,
            valuation.Metric,
            annual,
            period.Years.Count(measure.Costs.InForce),
            pvCost,
            pvReduction,
            valuation.Metric == RiskMetric.ExpectedAnnualDamage ? pvReduction - pvCost : null,
            pvCost > 0 ? pvReduction / pvCost : null,
            valuation.UnmonetisedCriteria(scenarios),
            valuation.IndicativeCriteria(scenarios));
    }

    /// <summary>Net present value in euros of a stream: benefit per year in force minus the measure's costs, discounted over <paramref name="period"/>.</summary>
    public static double NetPresentValue(MeasureCosts costs, double annualBenefitEuros, AppraisalPeriod period)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(period);
        MeasureGuard.Finite(annualBenefitEuros, nameof(annualBenefitEuros), nameof(annualBenefitEuros));
        return period.PresentValue(y => (costs.InForce(y) ? annualBenefitEuros : 0.0) - costs.CostInYear(y));
    }

    /// <summary>
    /// Present value over <paramref name="period"/> of the risk removed by <paramref name="measures"/> together, each
    /// in force in its own years and combined multiplicatively (<see cref="ResidualRisk"/>): the real reduction of a
    /// package, never more than the sum of its members' stand-alone reductions and never more than the risk itself.
    /// </summary>
    /// <returns>Present-value euros (EAD) or discounted risk-point-years.</returns>
    public static double CombinedPresentValueReduction(
        IEnumerable<ModelledMeasure> measures,
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        RiskValuation valuation,
        AppraisalPeriod period,
        EffectEstimate estimate = EffectEstimate.Mean)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ScenarioSet.Check(scenarios, nameof(scenarios));
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(period);
        var list = measures.ToList();
        return scenarios.Sum(s => ScenarioPresentValueReduction(s, list, valuation, period, estimate));
    }

    internal static double ScenarioPresentValueReduction(
        ScenarioBaseline scenario, IReadOnlyCollection<ModelledMeasure> measures, RiskValuation valuation, AppraisalPeriod period, EffectEstimate estimate)
    {
        var current = valuation.AnnualRisk(scenario);
        return period.PresentValue(y => current - valuation.AnnualRisk(ResidualRisk.Apply(scenario, measures, estimate, y)));
    }

    internal static double AnnualReduction(
        ModelledMeasure measure, IEnumerable<ScenarioBaseline> scenarios, RiskValuation valuation, Func<EffectRange, double> pick)
    {
        var total = 0.0;
        foreach (var scenario in scenarios)
        {
            if (measure.EffectOn(scenario.ScenarioId) is not { } effect) continue;
            var residual = ResidualRisk.Apply(scenario, [effect.Fix(pick)]);
            total += valuation.AnnualRisk(scenario) - valuation.AnnualRisk(residual);
        }
        return total;
    }

    internal static double InForceDiscountSum(ModelledMeasure measure, AppraisalPeriod period) =>
        period.PresentValue(y => measure.Costs.InForce(y) ? 1.0 : 0.0);
}

/// <summary>Checks on a set of scenarios passed to a measures calculation.</summary>
internal static class ScenarioSet
{
    public static void Check(IEnumerable<ScenarioBaseline>? scenarios, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(scenarios, parameterName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            ArgumentNullException.ThrowIfNull(scenario, parameterName);
            if (!seen.Add(scenario.ScenarioId))
                throw new ArgumentException($"Scenario '{scenario.ScenarioId}' occurs twice in {parameterName}: give each scenario once.", parameterName);
        }
    }
}
