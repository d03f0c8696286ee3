using System.Text.RegularExpressions;

namespace Baken.Methods.CountryRisk;

/// <summary>
/// One node of an INFORM model tree: an input (leaf) or an aggregation over its children.
/// The tree is data: a release's structure, aggregations and weights live in <see cref="InformModel"/>
/// instances, not in the evaluator.
/// </summary>
public sealed partial class InformNode
{
    private InformNode(
        string id,
        string name,
        InformLevel level,
        InformAggregation aggregation,
        IReadOnlyList<InformNode> children,
        IReadOnlyList<double> weights,
        IReadOnlyList<string> columnHeaders)
    {
        Id = id;
        Name = name;
        Level = level;
        Aggregation = aggregation;
        Children = children;
        Weights = weights;
        ColumnHeaders = columnHeaders;
    }

    /// <summary>Stable identifier, lower snake case (for example <c>hazard_exposure</c>); also the output column name.</summary>
    public string Id { get; }

    /// <summary>The name INFORM uses (for example "Hazard &amp; Exposure").</summary>
    public string Name { get; }

    /// <summary>The level of the node in the INFORM hierarchy.</summary>
    public InformLevel Level { get; }

    /// <summary>How the children combine; <see cref="InformAggregation.Input"/> for a leaf.</summary>
    public InformAggregation Aggregation { get; }

    /// <summary>The child nodes, in the order INFORM lists them; empty for a leaf.</summary>
    public IReadOnlyList<InformNode> Children { get; }

    /// <summary>One positive weight per child for the weighted aggregations; empty otherwise.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Column headers under which INFORM releases publish this node's score (matched case-insensitively).</summary>
    public IReadOnlyList<string> ColumnHeaders { get; }

    /// <summary>True when the node has no children and its score must come from the data.</summary>
    public bool IsLeaf => Children.Count == 0;

    /// <summary>Creates an input node whose score comes from the data.</summary>
    /// <param name="id">Lower snake case identifier, unique in the tree.</param>
    /// <param name="name">The INFORM name.</param>
    /// <param name="level">Any level below <see cref="InformLevel.Risk"/>.</param>
    /// <param name="columnHeaders">Headers the releases use for this score; the name is always matched too.</param>
    public static InformNode Leaf(string id, string name, InformLevel level, params string[] columnHeaders)
    {
        Validate(id, name, level);
        if (level == InformLevel.Risk)
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Leaf '{id}' cannot be at level Risk; the root must aggregate.");
        return new InformNode(id, name, level, InformAggregation.Input, [], [], Headers(name, columnHeaders));
    }

    /// <summary>Creates a node that aggregates its children.</summary>
    /// <param name="id">Lower snake case identifier, unique in the tree.</param>
    /// <param name="name">The INFORM name.</param>
    /// <param name="level">The node's level; every child must be at a finer level.</param>
    /// <param name="aggregation">Any aggregation except <see cref="InformAggregation.Input"/>.</param>
    /// <param name="children">At least one child.</param>
    /// <param name="weights">One positive weight per child for the weighted aggregations; null otherwise.</param>
    /// <param name="columnHeaders">Headers the releases use for this score; the name is always matched too.</param>
    public static InformNode Aggregate(
        string id,
        string name,
        InformLevel level,
        InformAggregation aggregation,
        IReadOnlyList<InformNode> children,
        IReadOnlyList<double>? weights = null,
        params string[] columnHeaders)
    {
        Validate(id, name, level);
        ArgumentNullException.ThrowIfNull(children);
        if (aggregation == InformAggregation.Input || !Enum.IsDefined(aggregation))
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, $"Node '{id}' needs an aggregation other than Input.");
        if (children.Count == 0)
            throw new ArgumentException($"Node '{id}' aggregates with {aggregation} but has no children; use Leaf for an input.", nameof(children));
        foreach (var child in children)
        {
            ArgumentNullException.ThrowIfNull(child, nameof(children));
            if (child.Level <= level)
                throw new ArgumentException($"Child '{child.Id}' of '{id}' is at level {child.Level}; it must be finer than {level}.", nameof(children));
        }

        var weighted = aggregation is InformAggregation.WeightedArithmeticMean or InformAggregation.WeightedMaximum;
        IReadOnlyList<double> checkedWeights = [];
        if (weighted)
        {
            if (weights is null || weights.Count != children.Count)
                throw new ArgumentException($"Node '{id}' ({aggregation}) needs one weight per child ({children.Count}); got {weights?.Count ?? 0}.", nameof(weights));
            for (var i = 0; i < weights.Count; i++)
            {
                if (!double.IsFinite(weights[i]) || weights[i] <= 0)
                    throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"Weight of '{children[i].Id}' under '{id}' must be positive and finite; got {weights[i]}.");
            }
            checkedWeights = weights.ToArray();
        }
        else if (weights is { Count: > 0 })
        {
            throw new ArgumentException($"Node '{id}' aggregates with {aggregation}, which takes no weights; got {weights.Count}.", nameof(weights));
        }

        return new InformNode(id, name, level, aggregation, children.ToArray(), checkedWeights, Headers(name, columnHeaders));
    }

    /// <summary>This node and all nodes below it, parents before children.</summary>
    public IEnumerable<InformNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf()) yield return node;
        }
    }

    public override string ToString() => $"{Id} ({Level}, {Aggregation})";

    private static void Validate(string id, string name, InformLevel level)
    {
        if (id is null || !IdPattern().IsMatch(id))
            throw new ArgumentException($"Node id must be lower snake case (a-z, 0-9, _; starting with a letter); got '{id}'.", nameof(id));
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"Node '{id}' needs a name; got '{name}'.", nameof(name));
        if (!Enum.IsDefined(level))
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Node '{id}' has an undefined level {level}.");
    }

    private static string[] Headers(string name, string[]? columnHeaders) =>
        new[] { name }.Concat(columnHeaders ?? []).Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdPattern();
}
