using QuikGraph;
using QuikGraph.Algorithms;

namespace Baken.Methods.Cascades.Graph;

/// <summary>
/// Vital processes and the dependencies between them: the input of <see cref="DisruptionSimulation"/> and
/// <see cref="CriticalProcessAnalysis"/>. Immutable once built; every code used by a dependency is a node, each
/// ordered pair of processes has at most one dependency, and no process depends on itself.
/// </summary>
/// <remarks>
/// Results never depend on the order in which nodes or dependencies were given: the computations run over the
/// processes sorted by code (ordinal), and only the presentation keeps the caller's order.
/// </remarks>
public sealed class DependencyNetwork
{
    private readonly Dictionary<string, int> positionByCode;
    private CanonicalNetwork? canonical;

    /// <param name="processes">The nodes; codes unique. At least one.</param>
    /// <param name="dependencies">The edges; both ends must be among <paramref name="processes"/>; at most one per (dependent, supplier) pair.</param>
    public DependencyNetwork(IEnumerable<VitalProcessNode> processes, IEnumerable<ProcessDependency> dependencies)
    {
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(dependencies);
        var nodes = processes.ToArray();
        if (nodes.Length == 0)
            throw new ArgumentException("A dependency network needs at least one vital process.", nameof(processes));
        positionByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(nodes[i], $"{nameof(processes)}[{i}]");
            if (!positionByCode.TryAdd(nodes[i].Code, i))
                throw new ArgumentException(
                    $"Process code '{nodes[i].Code}' occurs twice (processes[{positionByCode[nodes[i].Code]}] and processes[{i}]); codes must be unique.",
                    nameof(processes));
        }

        var edges = dependencies.ToArray();
        var pairs = new Dictionary<(string, string), int>();
        for (var e = 0; e < edges.Length; e++)
        {
            var edge = edges[e] ?? throw new ArgumentNullException($"{nameof(dependencies)}[{e}]");
            if (!positionByCode.ContainsKey(edge.Dependent))
                throw new ArgumentException(
                    $"dependencies[{e}]: dependent process '{edge.Dependent}' is not a node of the network.", nameof(dependencies));
            if (!positionByCode.ContainsKey(edge.Supplier))
                throw new ArgumentException(
                    $"dependencies[{e}]: supplier process '{edge.Supplier}' (needed by '{edge.Dependent}') is not a node of the network.",
                    nameof(dependencies));
            if (!pairs.TryAdd((edge.Dependent, edge.Supplier), e))
                throw new ArgumentException(
                    $"dependencies[{e}]: '{edge.Dependent}' already depends on '{edge.Supplier}' (dependencies[{pairs[(edge.Dependent, edge.Supplier)]}]); "
                    + "combine them into one dependency.", nameof(dependencies));
        }

        Processes = nodes;
        Dependencies = edges;
    }

    /// <summary>The processes, in the order given.</summary>
    public IReadOnlyList<VitalProcessNode> Processes { get; }

    /// <summary>The dependencies, in the order given.</summary>
    public IReadOnlyList<ProcessDependency> Dependencies { get; }

    /// <summary>Number of processes.</summary>
    public int Count => Processes.Count;

    public bool Contains(string code) => positionByCode.ContainsKey(code);

    /// <summary>The process with <paramref name="code"/>; throws when it is not in the network.</summary>
    public VitalProcessNode this[string code] => Processes[PositionOf(code, nameof(code))];

    /// <summary>The dependencies of <paramref name="code"/> on its suppliers.</summary>
    public IReadOnlyList<ProcessDependency> SuppliersOf(string code)
    {
        PositionOf(code, nameof(code));
        return Dependencies.Where(d => d.Dependent == code).ToArray();
    }

    /// <summary>The dependencies of other processes on <paramref name="code"/>.</summary>
    public IReadOnlyList<ProcessDependency> DependantsOf(string code)
    {
        PositionOf(code, nameof(code));
        return Dependencies.Where(d => d.Supplier == code).ToArray();
    }

    /// <summary>A new network with one more dependency (validated like the others).</summary>
    public DependencyNetwork WithDependency(ProcessDependency dependency) => new(Processes, Dependencies.Append(dependency));

    /// <summary>
    /// The network as a QuikGraph graph for drawing and further graph algorithms: vertices are process codes, an
    /// edge runs from the dependent to its supplier ("depends on") and carries the <see cref="ProcessDependency"/>.
    /// </summary>
    public BidirectionalGraph<string, TaggedEdge<string, ProcessDependency>> ToDependencyGraph()
    {
        var graph = new BidirectionalGraph<string, TaggedEdge<string, ProcessDependency>>(allowParallelEdges: false);
        graph.AddVertexRange(Processes.Select(p => p.Code));
        graph.AddEdgeRange(Dependencies.Select(d => new TaggedEdge<string, ProcessDependency>(d.Dependent, d.Supplier, d)));
        return graph;
    }

    internal int PositionOf(string code, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(code, parameterName);
        if (positionByCode.TryGetValue(code, out var position)) return position;
        throw new ArgumentException($"Process '{code}' (in {parameterName}) is not a node of the dependency network.", parameterName);
    }

    internal CanonicalNetwork Canonical => canonical ??= new CanonicalNetwork(this);
}

/// <summary>
/// The network in canonical form: processes sorted by code (ordinal) and numbered 0 … n − 1, incoming edges per
/// process sorted by supplier, and the order in which a time step updates the processes. Built once per network.
/// </summary>
internal sealed class CanonicalNetwork
{
    public CanonicalNetwork(DependencyNetwork network)
    {
        var n = network.Count;
        Nodes = network.Processes.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++) index[Nodes[i].Code] = i;
        CanonicalOfPosition = network.Processes.Select(p => index[p.Code]).ToArray();

        // Strength-0 dependencies are recorded but carry nothing, so they take no part in any computation.
        var active = network.Dependencies
            .Where(d => d.Strength > 0)
            .Select(d => new CanonicalEdge(index[d.Dependent], index[d.Supplier], d))
            .OrderBy(e => e.Dependent).ThenBy(e => e.Supplier)
            .ToArray();
        Edges = active;
        IncomingStart = new int[n + 1];
        foreach (var e in active) IncomingStart[e.Dependent + 1]++;
        for (var i = 0; i < n; i++) IncomingStart[i + 1] += IncomingStart[i];

        ImpactGraph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        ImpactGraph.AddVertexRange(Enumerable.Range(0, n));
        foreach (var e in active) ImpactGraph.AddEdge(new SEquatableEdge<int>(e.Supplier, e.Dependent));

        (UpdateOrder, HasInstantLoops) = OrderForInstantPropagation(n, active);
    }

    public VitalProcessNode[] Nodes { get; }

    /// <summary>Canonical index of the process at each position of <see cref="DependencyNetwork.Processes"/>.</summary>
    public int[] CanonicalOfPosition { get; }

    /// <summary>Dependencies with strength &gt; 0, sorted by (dependent, supplier).</summary>
    public CanonicalEdge[] Edges { get; }

    /// <summary>Incoming edges of process i are Edges[IncomingStart[i] .. IncomingStart[i + 1]).</summary>
    public int[] IncomingStart { get; }

    /// <summary>Edges from supplier to dependant: the direction in which a loss travels.</summary>
    public AdjacencyGraph<int, SEquatableEdge<int>> ImpactGraph { get; }

    /// <summary>
    /// Processes in topological order of the zero-delay dependencies (suppliers first), so one sweep settles a
    /// time step unless zero-delay dependencies form a loop.
    /// </summary>
    public int[] UpdateOrder { get; }

    /// <summary>True when zero-delay dependencies form a loop; a time step then sweeps until it settles.</summary>
    public bool HasInstantLoops { get; }

    /// <summary>Processes reachable from <paramref name="sources"/> along the impact direction, sources included.</summary>
    public bool[] Reachable(IEnumerable<int> sources)
    {
        var reached = new bool[Nodes.Length];
        var queue = new Queue<int>();
        foreach (var s in sources)
            if (!reached[s]) { reached[s] = true; queue.Enqueue(s); }
        while (queue.Count > 0)
        {
            foreach (var edge in ImpactGraph.OutEdges(queue.Dequeue()))
                if (!reached[edge.Target]) { reached[edge.Target] = true; queue.Enqueue(edge.Target); }
        }
        return reached;
    }

    private static (int[] Order, bool HasLoops) OrderForInstantPropagation(int n, CanonicalEdge[] edges)
    {
        var instant = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        instant.AddVertexRange(Enumerable.Range(0, n));
        foreach (var e in edges.Where(e => e.Source.DelayHours == 0))
            instant.AddEdge(new SEquatableEdge<int>(e.Supplier, e.Dependent));
        var component = new Dictionary<int, int>();
        var componentCount = instant.StronglyConnectedComponents(component);

        var members = new List<int>[componentCount];
        for (var c = 0; c < componentCount; c++) members[c] = [];
        for (var v = 0; v < n; v++) members[component[v]].Add(v);
        var hasLoops = members.Any(m => m.Count > 1);

        // Kahn's algorithm on the condensation; ties go to the component holding the lowest process index, so
        // the order is a function of the codes alone.
        var inDegree = new int[componentCount];
        var successors = new HashSet<int>[componentCount];
        for (var c = 0; c < componentCount; c++) successors[c] = [];
        foreach (var edge in instant.Edges)
        {
            var (from, to) = (component[edge.Source], component[edge.Target]);
            if (from != to && successors[from].Add(to)) inDegree[to]++;
        }
        var ready = new PriorityQueue<int, int>();
        for (var c = 0; c < componentCount; c++)
            if (inDegree[c] == 0) ready.Enqueue(c, members[c][0]);
        var order = new List<int>(n);
        while (ready.TryDequeue(out var c, out _))
        {
            order.AddRange(members[c]);
            foreach (var next in successors[c])
                if (--inDegree[next] == 0) ready.Enqueue(next, members[next][0]);
        }
        return (order.ToArray(), hasLoops);
    }
}

internal readonly record struct CanonicalEdge(int Dependent, int Supplier, ProcessDependency Source);
