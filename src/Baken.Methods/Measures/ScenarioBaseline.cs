namespace Baken.Methods.Measures;

/// <summary>
/// A scenario's current risk, as the measures analysis needs it: its annual probability, its impact quantities per
/// criterion (for monetisation) and its impact points per criterion (for risk points where money is not accepted).
/// </summary>
/// <remarks>
/// Impact points are the criterion's contribution w_i · v(c_i) to the weighted impact score, so
/// I(s) = Σ ImpactPointsByCriterion (METHODS §1.3). Carrying the breakdown lets an impact reduction on one criterion
/// act on that criterion's share only; a reduction of r removes the fraction r of the contribution (a linear
/// approximation of the class ladder, which would move in steps).
/// </remarks>
public sealed record ScenarioBaseline
{
    /// <param name="scenarioId">The scenario.</param>
    /// <param name="annualProbability">p_year ∈ [0, 1]; from a horizon probability use Risk.LikelihoodScale.AnnualProbability.</param>
    /// <param name="quantityByCriterion">Per criterion code, the impact quantity (≥ 0) in the unit of the monetisation table.</param>
    /// <param name="impactPointsByCriterion">Per criterion code, the contribution w_i · v(c_i) ≥ 0 to I(s).</param>
    public ScenarioBaseline(
        string scenarioId,
        double annualProbability,
        IReadOnlyDictionary<string, double>? quantityByCriterion,
        IReadOnlyDictionary<string, double>? impactPointsByCriterion = null)
    {
        ScenarioId = MeasureGuard.Code(scenarioId, nameof(scenarioId), nameof(scenarioId));
        MeasureGuard.Fraction(annualProbability, $"annualProbability of scenario '{scenarioId}'", nameof(annualProbability));
        AnnualProbability = annualProbability;
        QuantityByCriterion = MeasureGuard.Map(quantityByCriterion, $"quantityByCriterion of scenario '{scenarioId}'", nameof(quantityByCriterion), MeasureGuard.NonNegative);
        ImpactPointsByCriterion = MeasureGuard.Map(impactPointsByCriterion, $"impactPointsByCriterion of scenario '{scenarioId}'", nameof(impactPointsByCriterion), MeasureGuard.NonNegative);
    }

    public string ScenarioId { get; }

    public double AnnualProbability { get; }

    public IReadOnlyDictionary<string, double> QuantityByCriterion { get; }

    public IReadOnlyDictionary<string, double> ImpactPointsByCriterion { get; }

    /// <summary>I(s), the weighted impact score: the sum of the impact points.</summary>
    public double ImpactScore => ImpactPointsByCriterion.Values.Sum();

    /// <summary>Risk points: the likelihood-weighted impact score p_year · I(s), used where monetisation is not accepted.</summary>
    public double RiskPoints => AnnualProbability * ImpactScore;
}
