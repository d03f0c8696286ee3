namespace Baken.Methods.Measures;

/// <summary>The yardstick for risk and its reduction.</summary>
public enum RiskMetric
{
    /// <summary>Expected annual damage in euros per year (monetisation accepted).</summary>
    ExpectedAnnualDamage,

    /// <summary>Risk points p_year · I(s) per year (monetisation not accepted); results are cost-effectiveness, not net benefit.</summary>
    RiskPoints,
}

/// <summary>
/// How a scenario's annual risk is valued: in euros through a monetisation table, or in risk points where
/// monetisation is not accepted. Every cost–benefit and portfolio calculation takes one of these.
/// </summary>
public sealed class RiskValuation
{
    private RiskValuation(RiskMetric metric, MonetisationTable? table)
    {
        Metric = metric;
        Table = table;
    }

    /// <summary>Risk points p_year · I(s).</summary>
    public static RiskValuation RiskPoints { get; } = new(RiskMetric.RiskPoints, null);

    /// <summary>Expected annual damage in euros, priced with <paramref name="table"/>.</summary>
    public static RiskValuation Monetised(MonetisationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new RiskValuation(RiskMetric.ExpectedAnnualDamage, table);
    }

    public RiskMetric Metric { get; }

    /// <summary>The monetisation table; null for risk points.</summary>
    public MonetisationTable? Table { get; }

    /// <summary>The scenario's annual risk: euros per year or risk points.</summary>
    public double AnnualRisk(ScenarioBaseline scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Table is null
            ? scenario.RiskPoints
            : scenario.AnnualProbability * ExpectedAnnualDamage.DamageEuros(scenario, Table);
    }

    /// <summary>Criteria of <paramref name="scenarios"/> that carry a quantity but no monetisation rate (empty for risk points).</summary>
    public IReadOnlyList<string> UnmonetisedCriteria(IEnumerable<ScenarioBaseline> scenarios) =>
        Table is null ? [] : CriteriaWhere(scenarios, c => Table.RateFor(c) is null);

    /// <summary>Criteria of <paramref name="scenarios"/> priced with an indicative rate (empty for risk points).</summary>
    public IReadOnlyList<string> IndicativeCriteria(IEnumerable<ScenarioBaseline> scenarios) =>
        Table is null ? [] : CriteriaWhere(scenarios, c => Table.RateFor(c) is { Indicative: true });

    private static IReadOnlyList<string> CriteriaWhere(IEnumerable<ScenarioBaseline> scenarios, Func<string, bool> predicate) =>
        scenarios.SelectMany(s => s.QuantityByCriterion.Where(p => p.Value > 0).Select(p => p.Key))
            .Distinct(StringComparer.Ordinal).Where(predicate).Order(StringComparer.Ordinal).ToList();
}
