namespace Baken.Methods.Cascades.Compound;

/// <summary>How the impacts of the parts of a compound scenario combine on one criterion.</summary>
public enum CriterionCombination
{
    /// <summary>Add the parts' quantities (e.g. deaths, euros) and class the sum with the criterion's scale; for additive criteria.</summary>
    SumThenReclass,

    /// <summary>Take the highest class of the parts; for criteria where effects do not add up (qualitative ladders).</summary>
    MaxClass,
}

/// <summary>The combination rule of one criterion.</summary>
public sealed record CriterionRule
{
    /// <param name="criterion">Criterion code, e.g. "2.1".</param>
    /// <param name="combination">The rule.</param>
    /// <param name="lowerBounds">The criterion's class scale; required for <see cref="CriterionCombination.SumThenReclass"/>.</param>
    public CriterionRule(string criterion, CriterionCombination combination, ClassLowerBounds? lowerBounds = null)
    {
        if (string.IsNullOrWhiteSpace(criterion))
            throw new ArgumentException("A combination rule must name its criterion.", nameof(criterion));
        if (!Enum.IsDefined(combination))
            throw new ArgumentOutOfRangeException(nameof(combination), combination, $"Unknown combination rule for criterion '{criterion}'.");
        if (combination == CriterionCombination.SumThenReclass && lowerBounds is null)
            throw new ArgumentException(
                $"Criterion '{criterion}' is combined by 'sum then re-class', which needs the class lower bounds of the criterion.",
                nameof(lowerBounds));
        Criterion = criterion;
        Combination = combination;
        LowerBounds = lowerBounds;
    }

    public string Criterion { get; }

    public CriterionCombination Combination { get; }

    public ClassLowerBounds? LowerBounds { get; }
}

/// <summary>One scenario's score on one criterion: a class and, where known, the quantity behind it.</summary>
public sealed record CriterionScore
{
    /// <param name="criterion">Criterion code, e.g. "2.1".</param>
    /// <param name="impactClass">'X' or 'A' … 'E' (see <see cref="ImpactClassLetter"/>).</param>
    /// <param name="quantity">The quantity in the criterion's unit, finite and ≥ 0; null when only the class is known.</param>
    public CriterionScore(string criterion, char impactClass, double? quantity = null)
    {
        if (string.IsNullOrWhiteSpace(criterion))
            throw new ArgumentException("A criterion score must name its criterion.", nameof(criterion));
        ImpactClassLetter.IndexOf(impactClass, nameof(impactClass), $"Criterion '{criterion}'");
        if (quantity is { } q && (!double.IsFinite(q) || q < 0))
            throw new ArgumentOutOfRangeException(nameof(quantity), q, $"Quantity for criterion '{criterion}' must be a finite number ≥ 0.");
        Criterion = criterion;
        Class = impactClass;
        Quantity = quantity;
    }

    public string Criterion { get; }

    /// <summary>'X', 'A' … 'E'.</summary>
    public char Class { get; }

    public double? Quantity { get; }
}

/// <summary>A scenario taking part in a compound scenario.</summary>
public sealed record ScenarioPart
{
    /// <param name="scenarioId">Identifier or name of the scenario, used in explanations.</param>
    /// <param name="probability">Probability that it happens within the horizon, in [0, 1]; all parts must use the same horizon.</param>
    /// <param name="scores">Its scores, at most one per criterion; a criterion it does not score counts as class X, quantity 0.</param>
    public ScenarioPart(string scenarioId, double probability, IReadOnlyList<CriterionScore> scores)
    {
        if (string.IsNullOrWhiteSpace(scenarioId))
            throw new ArgumentException("A scenario part needs an identifier.", nameof(scenarioId));
        if (!double.IsFinite(probability) || probability < 0 || probability > 1)
            throw new ArgumentOutOfRangeException(nameof(probability), probability,
                $"Probability of scenario '{scenarioId}' over the horizon must lie in [0, 1].");
        ArgumentNullException.ThrowIfNull(scores);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            ArgumentNullException.ThrowIfNull(score, nameof(scores));
            if (!seen.Add(score.Criterion))
                throw new ArgumentException($"Scenario '{scenarioId}' scores criterion '{score.Criterion}' twice.", nameof(scores));
        }
        ScenarioId = scenarioId;
        Probability = probability;
        Scores = scores.ToArray();
    }

    public string ScenarioId { get; }

    /// <summary>Probability within the horizon, in [0, 1].</summary>
    public double Probability { get; }

    public IReadOnlyList<CriterionScore> Scores { get; }
}

/// <summary>Which dependence between the parts the likelihood of the compound assumes.</summary>
public enum DependenceKind
{
    /// <summary>The parts occur independently: p = Π p_i.</summary>
    Independent,

    /// <summary>Given conditional probabilities: p = p_1 · P(S_2 | S_1) · P(S_3 | S_1, S_2) · …</summary>
    Conditional,
}

/// <summary>The stated dependence assumption of a compound scenario's likelihood (METHODS.md §2).</summary>
public sealed record DependenceAssumption
{
    private DependenceAssumption(DependenceKind kind, IReadOnlyList<double> conditionalProbabilities)
    {
        Kind = kind;
        ConditionalProbabilities = conditionalProbabilities;
    }

    /// <summary>The parts occur independently of each other.</summary>
    public static DependenceAssumption Independent { get; } = new(DependenceKind.Independent, []);

    /// <summary>
    /// The analyst gives P(S_2 | S_1), then P(S_3 | S_1 and S_2), …: one value in [0, 1] per part after the first,
    /// in the order of the parts.
    /// </summary>
    public static DependenceAssumption Conditional(params IReadOnlyList<double> conditionalProbabilities)
    {
        ArgumentNullException.ThrowIfNull(conditionalProbabilities);
        if (conditionalProbabilities.Count == 0)
            throw new ArgumentException("A conditional dependence needs at least P(S2 | S1).", nameof(conditionalProbabilities));
        for (var i = 0; i < conditionalProbabilities.Count; i++)
        {
            var p = conditionalProbabilities[i];
            if (!double.IsFinite(p) || p < 0 || p > 1)
                throw new ArgumentOutOfRangeException(nameof(conditionalProbabilities), p,
                    $"Conditional probability {i + 1} (of part {i + 2} given the parts before it) must lie in [0, 1].");
        }
        return new DependenceAssumption(DependenceKind.Conditional, conditionalProbabilities.ToArray());
    }

    public DependenceKind Kind { get; }

    /// <summary>For <see cref="DependenceKind.Conditional"/>: P(S_i | S_1 … S_{i−1}) for i = 2 … n; empty otherwise.</summary>
    public IReadOnlyList<double> ConditionalProbabilities { get; }
}
