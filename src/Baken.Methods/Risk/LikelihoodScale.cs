using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>
/// Likelihood classes for hazards (METHODS §1.2): the probability that the scenario happens within
/// <see cref="HorizonYears"/>, with the inclusive lower bounds of B, C, D and E as data. The default is
/// A &lt; 0.05 %, B 0.05–0.5 %, C 0.5–5 %, D 5–50 %, E ≥ 50 % over 5 years. Bounds are inclusive lower bounds, so a
/// probability exactly on a boundary (also 50 %) goes to the higher class — the cautious reading.
/// </summary>
public sealed record LikelihoodScale
{
    private readonly double[] _lowerBounds;

    /// <param name="lowerBoundsBToE">Inclusive lower bounds of B, C, D, E as fractions in (0, 1], strictly increasing.</param>
    /// <param name="horizonYears">Horizon the probabilities refer to, in years (&gt; 0, default 5).</param>
    /// <param name="version">Scale version recorded with each analysis run.</param>
    /// <param name="isIndicative">True when the bounds are not taken from a verified official source.</param>
    public LikelihoodScale(IReadOnlyList<double> lowerBoundsBToE, double horizonYears = 5, int version = 1, bool isIndicative = false)
    {
        ArgumentNullException.ThrowIfNull(lowerBoundsBToE);
        if (lowerBoundsBToE.Count != 4)
            throw new ArgumentException($"A likelihood scale needs 4 lower bounds (B, C, D, E), got {lowerBoundsBToE.Count}.", nameof(lowerBoundsBToE));
        for (var i = 0; i < 4; i++)
        {
            var b = lowerBoundsBToE[i];
            if (!double.IsFinite(b) || b <= 0 || b > 1)
                throw new ArgumentOutOfRangeException(nameof(lowerBoundsBToE), b, $"Lower bound of likelihood class {(ImpactClass)(i + 2)} must be a probability in (0, 1].");
            if (i > 0 && b <= lowerBoundsBToE[i - 1])
                throw new ArgumentException($"Likelihood bounds must increase strictly from B to E; {(ImpactClass)(i + 2)} = {b.ToString(CultureInfo.InvariantCulture)} is not above {lowerBoundsBToE[i - 1].ToString(CultureInfo.InvariantCulture)}.", nameof(lowerBoundsBToE));
        }
        if (!double.IsFinite(horizonYears) || horizonYears <= 0)
            throw new ArgumentOutOfRangeException(nameof(horizonYears), horizonYears, "The likelihood horizon is a positive number of years.");
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), version, "A scale version is 1 or higher.");
        _lowerBounds = lowerBoundsBToE.ToArray();
        HorizonYears = horizonYears;
        Version = version;
        IsIndicative = isIndicative;
    }

    /// <summary>METHODS §1.2: B ≥ 0.05 %, C ≥ 0.5 %, D ≥ 5 %, E ≥ 50 % within 5 years.</summary>
    public static LikelihoodScale Default { get; } = new([0.0005, 0.005, 0.05, 0.5]);

    public IReadOnlyList<double> LowerBounds => _lowerBounds;
    public double HorizonYears { get; }
    public int Version { get; }
    public bool IsIndicative { get; }

    /// <summary>The equivalent annual probability 1 − (1 − p)^(1/years) of a probability over <paramref name="years"/>.</summary>
    public static double AnnualProbability(double probabilityOverHorizon, double years)
    {
        CheckProbability(probabilityOverHorizon, nameof(probabilityOverHorizon));
        if (!double.IsFinite(years) || years <= 0)
            throw new ArgumentOutOfRangeException(nameof(years), years, "The horizon is a positive number of years.");
        return 1.0 - Math.Pow(1.0 - probabilityOverHorizon, 1.0 / years);
    }

    /// <summary>
    /// Converts a probability over <paramref name="fromYears"/> to the same constant hazard over <paramref name="toYears"/>:
    /// 1 − (1 − p)^(to/from).
    /// </summary>
    public static double RescaleHorizon(double probability, double fromYears, double toYears)
    {
        CheckProbability(probability, nameof(probability));
        if (!double.IsFinite(fromYears) || fromYears <= 0) throw new ArgumentOutOfRangeException(nameof(fromYears), fromYears, "A horizon is a positive number of years.");
        if (!double.IsFinite(toYears) || toYears <= 0) throw new ArgumentOutOfRangeException(nameof(toYears), toYears, "A horizon is a positive number of years.");
        return 1.0 - Math.Pow(1.0 - probability, toYears / fromYears);
    }

    /// <summary>
    /// The class of a probability stated over <paramref name="horizonYears"/> (default: the scale's horizon); a probability
    /// over another horizon is first converted to the scale's horizon. The explanation shows the annual equivalent.
    /// </summary>
    public ScaleClassification Classify(double probability, double? horizonYears = null)
    {
        CheckProbability(probability, nameof(probability));
        var years = horizonYears ?? HorizonYears;
        var p = years == HorizonYears ? probability : RescaleHorizon(probability, years, HorizonYears);
        var index = 1;
        while (index < 5 && p >= _lowerBounds[index - 1]) index++;
        var cls = (ImpactClass)index;
        var annual = AnnualProbability(probability, years);
        var converted = years == HorizonYears ? string.Empty : $" ({Percent(p)} over the scale's {HorizonYears.ToString(CultureInfo.InvariantCulture)} years)";
        var range = index switch
        {
            1 => $"p < {Percent(_lowerBounds[0])}",
            5 => $"p ≥ {Percent(_lowerBounds[3])}",
            _ => $"{Percent(_lowerBounds[index - 2])} ≤ p < {Percent(_lowerBounds[index - 1])}",
        };
        var flag = IsIndicative ? ", indicative" : string.Empty;
        return new ScaleClassification(cls,
            $"{Percent(probability)} over {years.ToString(CultureInfo.InvariantCulture)} years{converted} lies in {cls}: {range}; about {Percent(annual)} a year (scale v{Version.ToString(CultureInfo.InvariantCulture)}{flag})");
    }

    private static void CheckProbability(double p, string name)
    {
        if (!double.IsFinite(p) || p < 0 || p > 1)
            throw new ArgumentOutOfRangeException(name, p, "A probability lies in [0, 1].");
    }

    private static string Percent(double p) => (p * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
