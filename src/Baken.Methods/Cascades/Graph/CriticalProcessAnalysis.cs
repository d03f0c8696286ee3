namespace Baken.Methods.Cascades.Graph;

/// <summary>How much harm the failure of one process does to the network, with its structural measures.</summary>
/// <param name="Process">The process that fails.</param>
/// <param name="Rank">1 = most critical. Ties in impact are broken by more processes failed, then by code.</param>
/// <param name="TotalImpactHours">Network-wide cumulative impact of its failure alone, in inoperability-hours (its own outage included).</param>
/// <param name="KnockOnImpactHours">The part of <paramref name="TotalImpactHours"/> borne by other processes.</param>
/// <param name="ProcessesFailed">Other processes that reach the failure threshold.</param>
/// <param name="DirectDependants">Processes depending on it directly (strength &gt; 0).</param>
/// <param name="TransitiveDependants">Processes a loss at it can reach through chains of dependencies.</param>
/// <param name="FeedbackLoop">Codes of the feedback loop it is part of, or null.</param>
public sealed record CriticalProcess(
    VitalProcessNode Process,
    int Rank,
    double TotalImpactHours,
    double KnockOnImpactHours,
    int ProcessesFailed,
    int DirectDependants,
    int TransitiveDependants,
    IReadOnlyList<string>? FeedbackLoop);

/// <summary>
/// Ranks processes by the harm their failure does: each process in turn is disrupted alone (severity 1 from t = 0
/// for the given outage duration) and <see cref="DisruptionSimulation"/> measures the total impact on the network.
/// </summary>
public static class CriticalProcessAnalysis
{
    /// <summary>One simulation per process; most critical first.</summary>
    /// <param name="network">The network.</param>
    /// <param name="horizonHours">Horizon of each run in hours (see <see cref="DisruptionSimulation.Run"/>).</param>
    /// <param name="stepHours">Time step in hours.</param>
    /// <param name="outageHours">How long each process is down, in hours &gt; 0; null = the whole horizon.</param>
    /// <param name="settings">Failure threshold; null = default.</param>
    public static IReadOnlyList<CriticalProcess> Rank(
        DependencyNetwork network, double horizonHours, double stepHours, double? outageHours = null, SimulationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        settings ??= SimulationSettings.Default;
        var steps = TimeGrid.Steps(horizonHours, stepHours);
        DisruptionSimulation.RequireMemory(steps, network.Count);
        if (outageHours is { } hours && (double.IsNaN(hours) || hours <= 0))
            throw new ArgumentOutOfRangeException(nameof(outageHours), hours, "The outage duration must be > 0 hours (null = the whole horizon).");
        var duration = outageHours ?? double.PositiveInfinity;
        var canonical = network.Canonical;
        var structure = DependencyStructure.Of(network);

        var rows = new List<CriticalProcess>(network.Count);
        for (var i = 0; i < canonical.Nodes.Length; i++)
        {
            var node = canonical.Nodes[i];
            var trigger = GridDisruption.From(new InitialDisruption(node.Code, 0, duration), i, stepHours);
            var (total, byProcess, failed) = DisruptionSimulation.RunTotals(canonical, [trigger], steps, stepHours, settings.FailureThreshold);
            rows.Add(new CriticalProcess(
                node, 0, total, total - byProcess[i], failed.Where((f, j) => f && j != i).Count(),
                structure.DirectDependants(node.Code), structure.TransitiveDependants(node.Code).Count, structure.FeedbackLoopOf(node.Code)));
        }

        return rows
            .OrderByDescending(r => r.TotalImpactHours)
            .ThenByDescending(r => r.ProcessesFailed)
            .ThenBy(r => r.Process.Code, StringComparer.Ordinal)
            .Select((r, index) => r with { Rank = index + 1 })
            .ToArray();
    }
}
