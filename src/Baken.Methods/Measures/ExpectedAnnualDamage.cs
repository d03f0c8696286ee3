namespace Baken.Methods.Measures;

/// <summary>
/// Expected annual damage of one scenario: EAD = p_year × D, with D = Σ quantity_c × euros-per-unit_c over the
/// criteria the monetisation table prices.
/// </summary>
/// <param name="DamageEuros">D, the monetised damage if the scenario happens, in euros.</param>
/// <param name="ExpectedAnnualDamageEuros">p_year × D, in euros per year.</param>
/// <param name="UnmonetisedCriteria">Criteria with a positive quantity but no rate: left out of D, so D is a lower bound when any are listed.</param>
/// <param name="IndicativeCriteria">Criteria priced with a rate flagged indicative.</param>
public sealed record DamageEstimate(
    string ScenarioId,
    double AnnualProbability,
    double DamageEuros,
    double ExpectedAnnualDamageEuros,
    IReadOnlyList<string> UnmonetisedCriteria,
    IReadOnlyList<string> IndicativeCriteria)
{
    /// <summary>True when every criterion with a quantity was priced.</summary>
    public bool Complete => UnmonetisedCriteria.Count == 0;

    /// <summary>True when any priced criterion used an indicative rate.</summary>
    public bool Indicative => IndicativeCriteria.Count > 0;
}

public static class ExpectedAnnualDamage
{
    public static DamageEstimate Of(ScenarioBaseline scenario, MonetisationTable table)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(table);
        var damage = 0.0;
        var unmonetised = new List<string>();
        var indicative = new List<string>();
        foreach (var (criterion, quantity) in scenario.QuantityByCriterion.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (quantity == 0) continue;
            var rate = table.RateFor(criterion);
            if (rate is null)
            {
                unmonetised.Add(criterion);
                continue;
            }
            damage += quantity * rate.EurosPerUnit;
            if (rate.Indicative) indicative.Add(criterion);
        }
        return new DamageEstimate(scenario.ScenarioId, scenario.AnnualProbability, damage, scenario.AnnualProbability * damage, unmonetised, indicative);
    }

    /// <summary>D, the monetised damage in euros (unpriced criteria count as zero).</summary>
    internal static double DamageEuros(ScenarioBaseline scenario, MonetisationTable table)
    {
        var damage = 0.0;
        foreach (var (criterion, quantity) in scenario.QuantityByCriterion)
            if (table.RateFor(criterion) is { } rate) damage += quantity * rate.EurosPerUnit;
        return damage;
    }
}
