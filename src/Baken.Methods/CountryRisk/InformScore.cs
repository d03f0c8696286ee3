namespace Baken.Methods.CountryRisk;

/// <summary>The pure arithmetic of the INFORM aggregations. All scores are on INFORM's 0–10 scale.</summary>
public static class InformScore
{
    /// <summary>The lowest INFORM score.</summary>
    public const double Minimum = 0.0;

    /// <summary>The highest INFORM score.</summary>
    public const double Maximum = 10.0;

    /// <summary>
    /// The reversed geometric mean <c>11 − (Π(11 − xᵢ))^(1/n)</c> of scores in [0, 10]; result in [0, 10].
    /// The 11 (not 10) keeps a score of 10 from zeroing the product.
    /// </summary>
    public static double ReversedGeometricMean(IReadOnlyList<double> scores)
    {
        RequireScores(scores, nameof(scores));
        var logSum = 0.0;
        foreach (var x in scores) logSum += Math.Log(11.0 - x);
        return Clamp(11.0 - Math.Exp(logSum / scores.Count));
    }

    /// <summary>The geometric mean <c>(Π xᵢ)^(1/n)</c> of scores in [0, 10]; 0 when any score is 0.</summary>
    public static double GeometricMean(IReadOnlyList<double> scores)
    {
        RequireScores(scores, nameof(scores));
        var logSum = 0.0;
        foreach (var x in scores)
        {
            if (x == 0.0) return 0.0;
            logSum += Math.Log(x);
        }
        return Clamp(Math.Exp(logSum / scores.Count));
    }

    /// <summary>The arithmetic mean of scores in [0, 10].</summary>
    public static double ArithmeticMean(IReadOnlyList<double> scores)
    {
        RequireScores(scores, nameof(scores));
        return scores.Average();
    }

    /// <summary>
    /// <c>Σ wᵢ xᵢ / Σ wᵢ</c> of scores in [0, 10] with positive finite weights (one per score);
    /// the weights need not sum to 1, so a caller can drop a missing child and keep the others' proportions.
    /// </summary>
    public static double WeightedArithmeticMean(IReadOnlyList<double> scores, IReadOnlyList<double> weights)
    {
        RequireScores(scores, nameof(scores));
        RequireWeights(weights, scores.Count, nameof(weights));
        double sum = 0, weightSum = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            sum += weights[i] * scores[i];
            weightSum += weights[i];
        }
        return Clamp(sum / weightSum);
    }

    /// <summary><c>max(wᵢ xᵢ)</c> of scores in [0, 10] with positive weights; capped at 10.</summary>
    public static double WeightedMaximum(IReadOnlyList<double> scores, IReadOnlyList<double> weights)
    {
        RequireScores(scores, nameof(scores));
        RequireWeights(weights, scores.Count, nameof(weights));
        var max = 0.0;
        for (var i = 0; i < scores.Count; i++) max = Math.Max(max, weights[i] * scores[i]);
        return Clamp(max);
    }

    /// <summary>Throws when <paramref name="score"/> is not a finite number in [0, 10].</summary>
    public static void RequireScore(double score, string parameterName)
    {
        if (!double.IsFinite(score) || score < Minimum || score > Maximum)
            throw new ArgumentOutOfRangeException(parameterName, score, $"{parameterName} must be an INFORM score in [0, 10]; got {score}.");
    }

    private static void RequireScores(IReadOnlyList<double> scores, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(scores, parameterName);
        if (scores.Count == 0)
            throw new ArgumentException($"{parameterName} must hold at least one score; got none.", parameterName);
        for (var i = 0; i < scores.Count; i++) RequireScore(scores[i], $"{parameterName}[{i}]");
    }

    private static void RequireWeights(IReadOnlyList<double> weights, int count, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(weights, parameterName);
        if (weights.Count != count)
            throw new ArgumentException($"{parameterName} must hold one weight per score ({count}); got {weights.Count}.", parameterName);
        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] <= 0)
                throw new ArgumentOutOfRangeException(parameterName, weights[i], $"{parameterName}[{i}] must be a positive finite weight; got {weights[i]}.");
        }
    }

    // Floating-point error can push a mean of in-range scores a few ulps outside [0, 10].
    private static double Clamp(double value) => Math.Clamp(value, Minimum, Maximum);
}
