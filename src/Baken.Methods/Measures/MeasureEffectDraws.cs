namespace Baken.Methods.Measures;

/// <summary>
/// Monte Carlo draws of each measure's risk reduction, from the triangular ranges of its effects, for
/// <see cref="PortfolioOptimiser.SelectionFrequencies"/>.
/// </summary>
/// <remarks>
/// Every range of every measure is drawn independently in each iteration, in a fixed order (measures as given,
/// then scenarios as given, then the likelihood multiplier, then criteria in ordinal order), so a seed reproduces
/// the draws exactly. Each measure's reduction is its stand-alone present-value reduction over the period, the
/// same quantity <see cref="PortfolioCandidate.FromMeasure"/> computes with point estimates.
/// </remarks>
public static class MeasureEffectDraws
{
    /// <returns>[draw][measure] reductions, in the valuation's unit.</returns>
    public static IReadOnlyList<IReadOnlyList<double>> Draw(
        IReadOnlyList<ModelledMeasure> measures,
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        RiskValuation valuation,
        AppraisalPeriod period,
        int draws,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ScenarioSet.Check(scenarios, nameof(scenarios));
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(period);
        if (draws is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(draws), draws, $"draws = {draws} lies outside 1 … 1 000 000.");
        var random = new Random(seed);
        var discountSums = measures.Select(m => MeasureAppraisal.InForceDiscountSum(m, period)).ToArray();
        var result = new IReadOnlyList<double>[draws];
        for (var d = 0; d < draws; d++)
        {
            var row = new double[measures.Count];
            for (var m = 0; m < measures.Count; m++)
                row[m] = MeasureAppraisal.AnnualReduction(measures[m], scenarios, valuation, r => r.Draw(random)) * discountSums[m];
            result[d] = row;
        }
        return result;
    }
}
