using MathNet.Numerics.Statistics;

namespace Baken.Methods.Measures;

/// <summary>
/// A measure's value under uncertainty: the 5th, 50th and 95th percentiles (R-7, as the risk Monte Carlo) of its net
/// present value and of its cost-effectiveness over the draws, and the share of draws in which it pays for itself.
/// </summary>
/// <param name="Draws">Number of draws.</param>
/// <param name="NpvP05">Net present value in euros; null (all three) for risk points, which have no net benefit.</param>
/// <param name="ProbabilityNpvPositive">Share of draws with NPV &gt; 0, in [0, 1]; null for risk points.</param>
/// <param name="ReductionPerEuroP05">Present-value reduction per present-value euro (EAD: benefit–cost ratio; risk points per euro); null (all three) when the measure costs nothing in the period.</param>
public sealed record MeasureUncertaintyResult(
    string MeasureId,
    int Draws,
    double? NpvP05,
    double? NpvP50,
    double? NpvP95,
    double? ProbabilityNpvPositive,
    double? ReductionPerEuroP05,
    double? ReductionPerEuroP50,
    double? ReductionPerEuroP95);

/// <summary>
/// Values measures on the same Monte Carlo draws as the risks (METHODS §1.5, §5): in draw d every scenario's baseline
/// is the one the risk analysis drew in its iteration d (classes, likelihood and weights), and every effect range of
/// every measure is drawn once (triangular) from a stream seeded with <paramref name="seed"/> in a fixed order (draws,
/// then measures as given, then scenarios as given, likelihood multiplier before criteria in ordinal order), so the
/// result is exactly reproducible.
/// </summary>
public static class MeasureUncertainty
{
    /// <param name="baselineDraws">[draw] → every scenario's baseline in that draw (the same scenarios in each draw).</param>
    public static IReadOnlyList<MeasureUncertaintyResult> Appraise(
        IReadOnlyList<ModelledMeasure> measures,
        IReadOnlyList<IReadOnlyList<ScenarioBaseline>> baselineDraws,
        RiskValuation valuation,
        AppraisalPeriod period,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(baselineDraws);
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(period);
        if (baselineDraws.Count is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(baselineDraws), baselineDraws.Count, $"{baselineDraws.Count} draws lies outside 1 … 1 000 000.");
        foreach (var draw in baselineDraws) ScenarioSet.Check(draw, nameof(baselineDraws));

        var n = baselineDraws.Count;
        var costs = measures.Select(m => m.Costs.PresentValueCost(period)).ToArray();
        var inForce = measures.Select(m => MeasureAppraisal.InForceDiscountSum(m, period)).ToArray();
        var npv = measures.Select(_ => new double[n]).ToArray();
        var ratio = measures.Select(_ => new double[n]).ToArray();
        var random = new Random(seed);
        for (var d = 0; d < n; d++)
        {
            for (var m = 0; m < measures.Count; m++)
            {
                var reduction = MeasureAppraisal.AnnualReduction(measures[m], baselineDraws[d], valuation, r => r.Draw(random)) * inForce[m];
                npv[m][d] = reduction - costs[m];
                ratio[m][d] = costs[m] > 0 ? reduction / costs[m] : 0;
            }
        }

        var monetised = valuation.Metric == RiskMetric.ExpectedAnnualDamage;
        return measures.Select((measure, m) =>
        {
            var positive = npv[m].Count(v => v > 0);
            var withCost = costs[m] > 0;
            return new MeasureUncertaintyResult(measure.Id, n,
                monetised ? Quantile(npv[m], 0.05) : null,
                monetised ? Quantile(npv[m], 0.50) : null,
                monetised ? Quantile(npv[m], 0.95) : null,
                monetised ? (double)positive / n : null,
                withCost ? Quantile(ratio[m], 0.05) : null,
                withCost ? Quantile(ratio[m], 0.50) : null,
                withCost ? Quantile(ratio[m], 0.95) : null);
        }).ToList();
    }

    private static double Quantile(double[] values, double p) => ArrayStatistics.QuantileCustomInplace(values, p, QuantileDefinition.R7);
}
