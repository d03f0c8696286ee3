namespace Baken.Methods.CountryRisk;

/// <summary>The scores of one country after evaluating an INFORM tree.</summary>
/// <param name="Risk">The INFORM Risk (0–10), or null when a dimension could not be scored.</param>
/// <param name="Scores">The score (0–10) of every node of the tree by node id: computed above the input level, published at and
/// below it; null where the data do not allow one.</param>
/// <param name="MissingInputs">Ids of input nodes that were missing and could not be derived from lower levels.</param>
/// <param name="DerivedInputs">Ids of nodes at or below the input level whose published score was missing and was computed from their children instead.</param>
public sealed record InformEvaluation(
    double? Risk,
    IReadOnlyDictionary<string, double?> Scores,
    IReadOnlyList<string> MissingInputs,
    IReadOnlyList<string> DerivedInputs);

/// <summary>
/// Evaluates an <see cref="InformModel"/> for one country from published (or raw) node scores.
/// </summary>
/// <remarks>
/// <para>Nodes at or below <c>inputLevel</c> take their published score; nodes above it are computed from their
/// children. A node whose published score is missing is computed from its children instead, if it has any.</para>
/// <para>Missing data follow the INFORM method: a missing score ('x' in the files) is left out of its parent's
/// aggregation rather than read as 0 — the mean is taken over the children present and weights are renormalised
/// over them. A node with no scored children is missing itself. The Risk is a geometric mean and is only computed
/// when all three dimensions are scored, because a missing dimension cannot be told apart from a zero one.</para>
/// </remarks>
public static class InformEvaluator
{
    /// <summary>Evaluates <paramref name="model"/> for one country.</summary>
    /// <param name="model">The release tree.</param>
    /// <param name="published">Scores in [0, 10] by node id; an absent key or a null value means missing. Ids not in the tree are ignored.</param>
    /// <param name="inputLevel">The finest level whose published scores are used; finer published scores are ignored.</param>
    public static InformEvaluation Evaluate(InformModel model, IReadOnlyDictionary<string, double?> published, InformLevel inputLevel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(published);
        if (!Enum.IsDefined(inputLevel) || inputLevel == InformLevel.Risk)
            throw new ArgumentOutOfRangeException(nameof(inputLevel), inputLevel, "inputLevel must be Dimension, Category, Component or SubComponent.");
        foreach (var (id, value) in published)
        {
            if (value is { } v && model.Contains(id)) InformScore.RequireScore(v, $"published['{id}']");
        }

        var scores = new Dictionary<string, double?>(StringComparer.Ordinal);
        var missing = new List<string>();
        var derived = new List<string>();
        var risk = Score(model.Root);
        // Nodes below the input level were not needed; report their published scores so a caller sees the whole tree.
        foreach (var node in model.Nodes)
            scores.TryAdd(node.Id, published.TryGetValue(node.Id, out var p) ? p : null);
        return new InformEvaluation(risk, scores, missing, derived);

        double? Score(InformNode node)
        {
            double? value;
            if (node.IsLeaf || node.Level >= inputLevel)
            {
                value = published.TryGetValue(node.Id, out var p) ? p : null;
                if (value is null && !node.IsLeaf)
                {
                    value = Aggregate(node);
                    if (value is not null) derived.Add(node.Id);
                }
                if (value is null && node.IsLeaf) missing.Add(node.Id);
            }
            else
            {
                value = Aggregate(node);
            }
            scores[node.Id] = value;
            return value;
        }

        double? Aggregate(InformNode node)
        {
            var values = new List<double>(node.Children.Count);
            var weights = new List<double>(node.Children.Count);
            for (var i = 0; i < node.Children.Count; i++)
            {
                if (Score(node.Children[i]) is not { } v) continue;
                values.Add(v);
                if (node.Weights.Count > 0) weights.Add(node.Weights[i]);
            }
            if (values.Count == 0) return null;
            return node.Aggregation switch
            {
                InformAggregation.ReversedGeometricMean => InformScore.ReversedGeometricMean(values),
                InformAggregation.GeometricMean => values.Count == node.Children.Count ? InformScore.GeometricMean(values) : null,
                InformAggregation.ArithmeticMean => InformScore.ArithmeticMean(values),
                InformAggregation.WeightedArithmeticMean => InformScore.WeightedArithmeticMean(values, weights),
                InformAggregation.WeightedMaximum => InformScore.WeightedMaximum(values, weights),
                _ => throw new InvalidOperationException($"Node '{node.Id}' has aggregation {node.Aggregation}, which cannot aggregate."),
            };
        }
    }
}
