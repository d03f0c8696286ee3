namespace Baken.Methods.CountryRisk;

/// <summary>
/// One release of the INFORM model: a named tree whose root is the INFORM Risk index.
/// Node ids are unique within the tree.
/// </summary>
public sealed class InformModel
{
    private readonly Dictionary<string, InformNode> _byId;

    /// <param name="release">A label for the release, for example "INFORM 2020 (GRI v0.4.0)".</param>
    /// <param name="root">The root node; it must be at level <see cref="InformLevel.Risk"/> and aggregate.</param>
    public InformModel(string release, InformNode root)
    {
        if (string.IsNullOrWhiteSpace(release))
            throw new ArgumentException($"release must name the INFORM release; got '{release}'.", nameof(release));
        ArgumentNullException.ThrowIfNull(root);
        if (root.Level != InformLevel.Risk || root.IsLeaf)
            throw new ArgumentException($"The root '{root.Id}' must be an aggregating node at level Risk; got {root.Level}, {root.Aggregation}.", nameof(root));

        _byId = new Dictionary<string, InformNode>(StringComparer.Ordinal);
        foreach (var node in root.DescendantsAndSelf())
        {
            if (!_byId.TryAdd(node.Id, node))
                throw new ArgumentException($"Node id '{node.Id}' occurs more than once in release '{release}'; ids must be unique.", nameof(root));
        }

        Release = release;
        Root = root;
        Nodes = root.DescendantsAndSelf().ToArray();
    }

    /// <summary>The release label.</summary>
    public string Release { get; }

    /// <summary>The INFORM Risk node.</summary>
    public InformNode Root { get; }

    /// <summary>Every node, parents before children, children in INFORM's order.</summary>
    public IReadOnlyList<InformNode> Nodes { get; }

    /// <summary>The node with id <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public InformNode this[string id] =>
        _byId.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Release '{Release}' has no node '{id}'.");

    /// <summary>True when the tree has a node with id <paramref name="id"/>.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    public override string ToString() => Release;
}
