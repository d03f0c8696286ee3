using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>How the weighted impact value I(s) converts back to a band (METHODS §1.3).</summary>
public enum BandRounding
{
    /// <summary>band = A + ⌊log_f I⌋: a band is reached only when I reaches its ladder value f^k (default).</summary>
    Floor,

    /// <summary>band = A + round(log_f I), halves up: a band is reached from f^(k − ½).</summary>
    Round,
}

/// <summary>
/// The cardinal ladder with factor f: v(X) = 0, v(A) = 1, v(B) = f, v(C) = f², v(D) = f³, v(E) = f⁴, the weighted sum
/// I(s) = Σ wᵢ·v(cᵢ) with Σ wᵢ = 1, and the back-conversion of I to a band A–E.
/// I = 0 (every criterion X) gives band X: "no impact" is not the same statement as "limited impact", and the risk
/// diagram must not place a scenario without impact in A.
/// Values within a relative 1e-9 below a band threshold count as reaching it, so floating rounding of an exact
/// ladder value (e.g. 8.999999999999998 for 9) never drops a band.
/// </summary>
public sealed class ImpactLadder
{
    private const double ThresholdTolerance = 1e-9;
    private readonly double[] _values;
    private readonly double[] _thresholds;

    /// <param name="factor">Ladder factor f, 1 &lt; f ≤ 100 (default 3; 10 is the usual sensitivity run).</param>
    /// <param name="rounding">Band rounding rule.</param>
    public ImpactLadder(double factor = 3, BandRounding rounding = BandRounding.Floor)
    {
        if (!double.IsFinite(factor) || factor <= 1 || factor > 100)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The ladder factor f lies in (1, 100]; the method uses 3, with 10 as sensitivity.");
        if (!Enum.IsDefined(rounding)) throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Band rounding is Floor or Round.");
        Factor = factor;
        Rounding = rounding;
        _values = new double[6];
        for (var k = 1; k <= 5; k++) _values[k] = Math.Pow(factor, k - 1);
        _thresholds = new double[4];
        for (var k = 1; k <= 4; k++)
        {
            var exponent = rounding == BandRounding.Floor ? k : k - 0.5;
            _thresholds[k - 1] = Math.Pow(factor, exponent) * (1 - ThresholdTolerance);
        }
    }

    public double Factor { get; }
    public BandRounding Rounding { get; }

    /// <summary>v(c): 0 for X, f^(index − 1) for A..E.</summary>
    public double Value(ImpactClass value) => _values[(int)value];

    /// <summary>The ladder values indexed by class index 0..5 (a copy).</summary>
    public double[] Values() => (double[])_values.Clone();

    /// <summary>
    /// The lowest I that reaches each band B, C, D, E (already lowered by the 1e-9 tolerance); used by the Monte
    /// Carlo loop so its bands agree with <see cref="Band"/> exactly.
    /// </summary>
    public double[] BandThresholds() => (double[])_thresholds.Clone();

    /// <summary>The band of an impact value I ≥ 0: X when I = 0, else A + ⌊log_f I⌋ (or rounded) clipped to A–E.</summary>
    public ImpactClass Band(double impactValue)
    {
        if (!double.IsFinite(impactValue) || impactValue < 0)
            throw new ArgumentOutOfRangeException(nameof(impactValue), impactValue, "An impact value I(s) is a finite number ≥ 0.");
        if (impactValue == 0) return ImpactClass.X;
        var band = 1;
        for (var k = 0; k < 4; k++) if (impactValue >= _thresholds[k]) band++;
        return (ImpactClass)band;
    }

    /// <summary>
    /// I(s) = Σ wᵢ·v(cᵢ) / Σ wᵢ for weights in any positive scale. Dividing once at the end keeps exact results exact:
    /// with equal weights, classes C, A, … give 22 and 13.5 rather than 21.999999999999996.
    /// </summary>
    public double ImpactValue(ReadOnlySpan<double> weights, ReadOnlySpan<ImpactClass> classes)
    {
        if (weights.Length != classes.Length)
            throw new ArgumentException($"Got {weights.Length} weights for {classes.Length} classes; give one weight per criterion.", nameof(weights));
        double numerator = 0, denominator = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            numerator += weights[i] * _values[(int)classes[i]];
            denominator += weights[i];
        }
        if (!(denominator > 0)) throw new ArgumentException("The weights must sum to a positive number.", nameof(weights));
        return numerator / denominator;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"f = {Factor}, band rounding {Rounding}");
}
