using Baken.Methods.Risk;

namespace Baken.Methods.Measures;

/// <summary>
/// Which number stands for a class when a class (not a quantity) has to be valued in euros or as a probability. The
/// choice moves results by up to a factor of ten, so it is a setting, and recommendations that change with it are
/// flagged as fragile (<see cref="ValuationRuleComparison"/>).
/// </summary>
public enum ClassValuationRule
{
    /// <summary>√(low · high): the middle of the class on the decade ladder (the default; what the run's baselines used before).</summary>
    GeometricMean,

    /// <summary>(low + high) / 2: the arithmetic middle, which leans to the top of a decade class.</summary>
    Midpoint,

    /// <summary>The class's lower bound: the cautious value for benefits (it never overstates a measure's worth).</summary>
    LowerBound,
}

/// <summary>
/// The representative value of a class under a <see cref="ClassValuationRule"/>. Class A (open downwards) and class E
/// (open upwards) are taken one decade wide: A runs from a tenth of B's lower bound, E up to ten times its own lower
/// bound for quantities and up to certainty (1) for a probability.
/// </summary>
public static class ClassRepresentative
{
    /// <summary>The probability over the scale's horizon that stands for likelihood class <paramref name="c"/> (0 for X).</summary>
    public static double Probability(LikelihoodScale scale, ImpactClass c, ClassValuationRule rule)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (c == ImpactClass.X) return 0;
        var b = scale.LowerBounds; // lower bounds of B, C, D, E
        var (low, high) = c switch
        {
            ImpactClass.A => (b[0] / 10, b[0]),
            ImpactClass.E => (b[3], 1.0),
            _ => (b[(int)c - 2], b[(int)c - 1]),
        };
        return Pick(low, high, rule);
    }

    /// <summary>The quantity that stands for class <paramref name="c"/> on a quantitative scale; null on a ladder or for X.</summary>
    public static double? Quantity(ImpactClassScale scale, ImpactClass c, ClassValuationRule rule)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (c == ImpactClass.X || scale.LowerBounds is not { Count: 5 } lower) return null;
        var i = (int)c - 1; // A = 0
        var low = lower[i];
        var high = i < 4 ? lower[i + 1] : lower[4] * 10;
        // A class starting at zero has no geometric middle; its arithmetic middle stands in.
        return rule == ClassValuationRule.GeometricMean && low <= 0 ? high / 2 : Pick(low, high, rule);
    }

    private static double Pick(double low, double high, ClassValuationRule rule) => rule switch
    {
        ClassValuationRule.GeometricMean => Math.Sqrt(low * high),
        ClassValuationRule.Midpoint => (low + high) / 2,
        ClassValuationRule.LowerBound => low,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown class valuation rule: allowed GeometricMean, Midpoint, LowerBound."),
    };
}
