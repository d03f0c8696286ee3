namespace Baken.Methods.Measures;

/// <summary>Which single number of an <see cref="EffectRange"/> a deterministic calculation uses.</summary>
public enum EffectEstimate
{
    /// <summary>The low end of the range.</summary>
    Low,

    /// <summary>The analyst's most likely value (the triangular mode).</summary>
    MostLikely,

    /// <summary>The high end of the range.</summary>
    High,

    /// <summary>
    /// The mean of the triangular distribution, (low + most likely + high) / 3. Because measures act
    /// independently and multiplicatively (see <see cref="ResidualRisk"/>), using means gives the exact expected
    /// residual risk; this is the estimate for "expected risk reduction".
    /// </summary>
    Mean,
}

/// <summary>
/// An uncertain effect size as a triangular range low ≤ most likely ≤ high, all finite. What the numbers mean
/// (a likelihood multiplier or an impact reduction) and their allowed interval is checked by
/// <see cref="MeasureEffect"/>.
/// </summary>
public sealed record EffectRange
{
    public EffectRange(double low, double mostLikely, double high)
    {
        MeasureGuard.Finite(low, "low", nameof(low));
        MeasureGuard.Finite(mostLikely, "mostLikely", nameof(mostLikely));
        MeasureGuard.Finite(high, "high", nameof(high));
        if (!(low <= mostLikely && mostLikely <= high))
            throw new ArgumentException(
                $"Effect range low = {MeasureGuard.Format(low)}, most likely = {MeasureGuard.Format(mostLikely)}, high = {MeasureGuard.Format(high)} " +
                "is not ordered: it must satisfy low ≤ most likely ≤ high.", nameof(mostLikely));
        Low = low;
        MostLikely = mostLikely;
        High = high;
    }

    /// <summary>A range without uncertainty: low = most likely = high = <paramref name="value"/>.</summary>
    public static EffectRange Exactly(double value) => new(value, value, value);

    public double Low { get; }

    public double MostLikely { get; }

    public double High { get; }

    public double Mean => (Low + MostLikely + High) / 3.0;

    public double Pick(EffectEstimate estimate) => estimate switch
    {
        EffectEstimate.Low => Low,
        EffectEstimate.MostLikely => MostLikely,
        EffectEstimate.High => High,
        EffectEstimate.Mean => Mean,
        _ => throw new ArgumentOutOfRangeException(nameof(estimate), estimate, "Unknown effect estimate."),
    };

    /// <summary>The triangular quantile at <paramref name="u"/> ∈ [0, 1] (inverse CDF); a degenerate range returns its value.</summary>
    public double Quantile(double u)
    {
        MeasureGuard.Fraction(u, "u", nameof(u));
        var width = High - Low;
        if (width <= 0) return MostLikely;
        var modeShare = (MostLikely - Low) / width;
        return u < modeShare
            ? Low + Math.Sqrt(u * width * (MostLikely - Low))
            : High - Math.Sqrt((1 - u) * width * (High - MostLikely));
    }

    /// <summary>One draw from the triangular distribution, using the caller's seeded random source.</summary>
    public double Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Quantile(random.NextDouble());
    }
}
