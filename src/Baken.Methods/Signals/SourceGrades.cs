namespace Baken.Methods.Signals;

/// <summary>
/// Weights for the Admiralty (NATO) grading of a report: source reliability A (completely reliable) … E (unreliable),
/// F (cannot be judged); information credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged).
/// The weight of a grade pair is <c>reliability weight × credibility weight</c>, in [0, 1].
/// </summary>
/// <remarks>
/// INDICATIVE: the Admiralty code is ordinal and publishes no numbers. The default table is an indicative,
/// linear mapping chosen for Baken (A/1 = 1.0 down to E/5 = 0.2 in steps of 0.2), with "cannot be judged" (F, 6)
/// set to the neutral 0.5 so that an unassessed source counts for more than one known to be unreliable.
/// Organisations that calibrate their own table pass it instead of <see cref="Default"/>.
/// </remarks>
public sealed record GradeWeights
{
    private readonly double[] _reliability;
    private readonly double[] _credibility;

    /// <param name="reliability">Six weights in [0, 1] for A, B, C, D, E, F in that order.</param>
    /// <param name="credibility">Six weights in [0, 1] for 1, 2, 3, 4, 5, 6 in that order.</param>
    public GradeWeights(IReadOnlyList<double> reliability, IReadOnlyList<double> credibility)
    {
        _reliability = Check(reliability, nameof(reliability), "A–F");
        _credibility = Check(credibility, nameof(credibility), "1–6");
    }

    /// <summary>Indicative default: A–E = 1.0, 0.8, 0.6, 0.4, 0.2, F = 0.5; 1–5 = 1.0, 0.8, 0.6, 0.4, 0.2, 6 = 0.5.</summary>
    public static GradeWeights Default { get; } = new([1.0, 0.8, 0.6, 0.4, 0.2, 0.5], [1.0, 0.8, 0.6, 0.4, 0.2, 0.5]);

    public IReadOnlyList<double> Reliability => _reliability;

    public IReadOnlyList<double> Credibility => _credibility;

    /// <summary>Weight of reliability <paramref name="reliability"/> (A–F, either case) alone, in [0, 1].</summary>
    public double ReliabilityWeight(char reliability)
    {
        var index = char.ToUpperInvariant(reliability) - 'A';
        if (index is < 0 or > 5)
            throw new ArgumentOutOfRangeException(nameof(reliability), reliability, "Source reliability must be a letter A–F.");
        return _reliability[index];
    }

    /// <summary>Weight of credibility <paramref name="credibility"/> ('1'–'6') alone, in [0, 1].</summary>
    public double CredibilityWeight(char credibility)
    {
        var index = credibility - '1';
        if (index is < 0 or > 5)
            throw new ArgumentOutOfRangeException(nameof(credibility), credibility, "Information credibility must be a digit 1–6.");
        return _credibility[index];
    }

    /// <summary>Weight of the grade pair, <c>reliability weight × credibility weight</c>, in [0, 1].</summary>
    public double Weight(char reliability, char credibility) => ReliabilityWeight(reliability) * CredibilityWeight(credibility);

    public bool Equals(GradeWeights? other) =>
        other is not null && _reliability.AsSpan().SequenceEqual(other._reliability) && _credibility.AsSpan().SequenceEqual(other._credibility);

    public override int GetHashCode() => HashCode.Combine(_reliability[0], _credibility[0]);

    private static double[] Check(IReadOnlyList<double> weights, string name, string grades)
    {
        ArgumentNullException.ThrowIfNull(weights, name);
        if (weights.Count != 6)
            throw new ArgumentException($"{name} needs six weights, one per grade {grades}; got {weights.Count}.", name);
        for (var i = 0; i < 6; i++)
            if (!double.IsFinite(weights[i]) || weights[i] < 0 || weights[i] > 1)
                throw new ArgumentOutOfRangeException(name, weights[i], $"{name} weight {i + 1} (grades {grades}) must lie in [0, 1].");
        return weights.ToArray();
    }
}

/// <summary>Admiralty-code weights with the indicative <see cref="GradeWeights.Default"/> table.</summary>
public static class SourceGrades
{
    /// <summary>
    /// Weight in [0, 1] of a report graded <paramref name="reliability"/> (A–F) / <paramref name="credibility"/> (1–6)
    /// under <paramref name="table"/> (indicative <see cref="GradeWeights.Default"/> when null).
    /// </summary>
    public static double Weight(char reliability, char credibility, GradeWeights? table = null) =>
        (table ?? GradeWeights.Default).Weight(reliability, credibility);
}
