using MathNet.Numerics.LinearAlgebra;
using QuikGraph.Algorithms;

namespace Baken.Methods.Cascades.Graph;

/// <summary>
/// Structural measures of a <see cref="DependencyNetwork"/> (QuikGraph): who depends on a process, directly and
/// through chains, and which processes form feedback loops. Dependencies of strength 0 carry no loss and are left out.
/// </summary>
public sealed class DependencyStructure
{
    private readonly DependencyNetwork network;
    private readonly string[][] transitive;
    private readonly int[] direct;
    private readonly int[] loopOf;
    private readonly Lazy<double> feedbackGain;

    private DependencyStructure(DependencyNetwork network)
    {
        this.network = network;
        var canonical = network.Canonical;
        var n = canonical.Nodes.Length;
        direct = new int[n];
        transitive = new string[n][];
        for (var i = 0; i < n; i++)
        {
            direct[i] = canonical.ImpactGraph.OutDegree(i);
            var reached = canonical.Reachable([i]);
            reached[i] = false;
            transitive[i] = Enumerable.Range(0, n).Where(j => reached[j]).Select(j => canonical.Nodes[j].Code).ToArray();
        }

        var component = new Dictionary<int, int>();
        canonical.ImpactGraph.StronglyConnectedComponents(component);
        var loops = Enumerable.Range(0, n)
            .GroupBy(i => component[i])
            .Where(g => g.Count() > 1)
            .Select(g => g.OrderBy(i => i).ToArray())
            .OrderBy(g => g[0])
            .ToArray();
        loopOf = Enumerable.Repeat(-1, n).ToArray();
        for (var l = 0; l < loops.Length; l++)
            foreach (var i in loops[l]) loopOf[i] = l;
        FeedbackLoops = loops.Select(g => (IReadOnlyList<string>)g.Select(i => canonical.Nodes[i].Code).ToArray()).ToArray();
        feedbackGain = new Lazy<double>(() => SpectralRadius(canonical));
    }

    /// <summary>Computes the measures of <paramref name="network"/>.</summary>
    public static DependencyStructure Of(DependencyNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new DependencyStructure(network);
    }

    /// <summary>
    /// Groups of processes that depend on each other in a cycle (strongly connected components with more than one
    /// process), each sorted by code; a loss inside such a group can feed back on itself.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> FeedbackLoops { get; }

    /// <summary>
    /// The feedback gain ρ(W): the spectral radius of the strength matrix (W_ij = strength of i's dependency on j).
    /// Below 1, every loss dies out once the disruptions that caused it have ended, because
    /// 1 − Π(1 − w·u) ≤ Σ w·u bounds the simulation by a stable linear system. At 1 or above, a loss can sustain
    /// itself in a feedback loop after its cause has gone: check the strengths of the loops before trusting such a run.
    /// 0 for an acyclic network.
    /// </summary>
    public double FeedbackGain => feedbackGain.Value;

    /// <summary>True when no dependency chain returns to its start.</summary>
    public bool IsAcyclic => FeedbackLoops.Count == 0;

    /// <summary>Number of processes that depend on <paramref name="code"/> directly.</summary>
    public int DirectDependants(string code) => direct[Index(code)];

    /// <summary>Codes of every process a loss at <paramref name="code"/> can reach through chains of dependencies, sorted by code.</summary>
    public IReadOnlyList<string> TransitiveDependants(string code) => transitive[Index(code)];

    /// <summary>The feedback loop <paramref name="code"/> belongs to, or null when it is in none.</summary>
    public IReadOnlyList<string>? FeedbackLoopOf(string code)
    {
        var loop = loopOf[Index(code)];
        return loop < 0 ? null : FeedbackLoops[loop];
    }

    private static double SpectralRadius(CanonicalNetwork canonical)
    {
        var n = canonical.Nodes.Length;
        var strengths = Matrix<double>.Build.Dense(n, n);
        foreach (var edge in canonical.Edges) strengths[edge.Dependent, edge.Supplier] = edge.Source.Strength;
        return strengths.Evd().EigenValues.Max(e => e.Magnitude);
    }

    private int Index(string code) => network.Canonical.CanonicalOfPosition[network.PositionOf(code, nameof(code))];
}
