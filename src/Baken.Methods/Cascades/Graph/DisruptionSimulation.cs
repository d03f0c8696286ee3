using System.Globalization;

namespace Baken.Methods.Cascades.Graph;

/// <summary>
/// Propagation of disruptions through a <see cref="DependencyNetwork"/> over time (METHODS.md §2, "vital processes").
/// </summary>
/// <remarks>
/// <para>The model, on the grid t_k = k·Δ, k = 0 … K (K = horizon / Δ):</para>
/// <list type="number">
/// <item>An initial disruption imposes d_i(k) = severity on process i while start ≤ t_k &lt; start + duration
/// (several disruptions of one process: the largest applies). Start and duration are rounded up to whole steps,
/// so nothing happens earlier than stated and every disruption lasts at least one step.</item>
/// <item>A dependency of i on supplier j with strength w, delay δ and back-up b passes on the supplier's
/// inoperability as it was δ earlier: u(k) = q_j(k − L), L = ⌈δ / Δ⌉ (q = 0 before the run). While the
/// dependant still has back-up it feels nothing: c(k) = 0; once the back-up is used up, c(k) = w · u(k).</item>
/// <item>The back-up holds ⌈b / Δ⌉ steps. It is drawn down by one step in every step in which the supplier's loss
/// arrives (u(k) &gt; 0), whatever the depth of the loss, and is not refilled within the run (refuelling and
/// recharging are not modelled, which errs on the side of caution). So a back-up delays the impact of a loss by
/// exactly its duration.</item>
/// <item>Losses combine like independent failures: q_i(k) = 1 − (1 − d_i(k)) · Π_e (1 − c_e(k)). Every term
/// lies in [0, 1], so q does; more or stronger dependencies never lower q.</item>
/// <item>A process recovers as soon as its own disruption has ended and the losses reaching it have gone; the
/// model has no separate restart time. Zero-delay dependencies act within the same step (processes are updated
/// suppliers first; loops of zero-delay dependencies are iterated to their fixed point, tolerance 1e-12).</item>
/// </list>
/// <para>A process counts as failed while q ≥ <see cref="SimulationSettings.FailureThreshold"/>. The cumulative
/// impact is Δ · Σ_{k &lt; K} q(k) in inoperability-hours (q holds for its whole step). The run is deterministic
/// and independent of the order of nodes and dependencies in the network.</para>
/// </remarks>
public static class DisruptionSimulation
{
    /// <summary>Largest number of time steps K in one run (memory grows with K × processes).</summary>
    public const int MaxTimeSteps = 100_000;

    /// <summary>Largest (K + 1) × processes a run may hold (80 MB of trajectories).</summary>
    public const long MaxTrajectoryValues = 10_000_000;

    private const double LoopTolerance = 1e-12;
    private const int MaxLoopSweeps = 10_000;

    /// <summary>Simulates <paramref name="initialDisruptions"/> on <paramref name="network"/>.</summary>
    /// <param name="network">The processes and dependencies.</param>
    /// <param name="initialDisruptions">The external disruptions; their processes must be in the network. May be empty.</param>
    /// <param name="horizonHours">Length of the run in hours, &gt; 0, a whole multiple of <paramref name="stepHours"/>.</param>
    /// <param name="stepHours">Time step Δ in hours, &gt; 0; at most <see cref="MaxTimeSteps"/> steps per run and at most
    /// <see cref="MaxTrajectoryValues"/> values (steps + 1) × processes.</param>
    /// <param name="settings">Failure threshold; null = <see cref="SimulationSettings.Default"/>.</param>
    public static DisruptionSimulationResult Run(
        DependencyNetwork network,
        IReadOnlyList<InitialDisruption> initialDisruptions,
        double horizonHours,
        double stepHours,
        SimulationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(initialDisruptions);
        settings ??= SimulationSettings.Default;
        var steps = TimeGrid.Steps(horizonHours, stepHours);
        RequireMemory(steps, network.Count);
        var canonical = network.Canonical;
        var disruptions = new List<GridDisruption>(initialDisruptions.Count);
        for (var d = 0; d < initialDisruptions.Count; d++)
        {
            var disruption = initialDisruptions[d] ?? throw new ArgumentNullException($"{nameof(initialDisruptions)}[{d}]");
            var position = network.PositionOf(disruption.ProcessCode, $"{nameof(initialDisruptions)}[{d}]");
            disruptions.Add(GridDisruption.From(disruption, canonical.CanonicalOfPosition[position], stepHours));
        }

        var run = new Propagation(canonical, disruptions, steps, stepHours, settings.FailureThreshold, recordTimeline: true);
        run.Execute();
        return run.ToResult(network, settings);
    }

    /// <summary>Total impact only, for the many runs of <see cref="CriticalProcessAnalysis"/>.</summary>
    internal static (double TotalImpactHours, double[] ImpactByProcess, bool[] Failed) RunTotals(
        CanonicalNetwork canonical, IReadOnlyList<GridDisruption> disruptions, int steps, double stepHours, double threshold)
    {
        var run = new Propagation(canonical, disruptions, steps, stepHours, threshold, recordTimeline: false);
        run.Execute();
        return run.Totals();
    }

    internal static void RequireMemory(int steps, int processes)
    {
        var values = (steps + 1L) * processes;
        if (values > MaxTrajectoryValues)
            throw new ArgumentException(
                $"A run of {steps} steps over {processes} processes would hold {values} values; at most {MaxTrajectoryValues} are allowed. "
                + "Use a larger step or a shorter horizon.", "stepHours");
    }

    internal static string Hours(double hours) => Number(hours) + "h";

    /// <summary>Timeline numbers are culture-independent, so a timeline reads the same on every server.</summary>
    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The state of one run; kept in one place so <see cref="Run"/> and the critical-node ranking share it.</summary>
    private sealed class Propagation
    {
        private readonly CanonicalNetwork network;
        private readonly IReadOnlyList<GridDisruption> disruptions;
        private readonly int steps;
        private readonly double stepHours;
        private readonly double threshold;
        private readonly bool recordTimeline;
        private readonly double[][] q;
        private readonly int[] delaySteps;
        private readonly int[] backupSteps;
        private readonly int[] backupLeft;
        private readonly bool[] exhaustionReported;
        private readonly bool[] affected;
        private readonly int[] order;
        private readonly double[] direct;
        private readonly List<(int Step, int Kind, int Process, int Supplier, CascadeEvent Event)> events = [];

        public Propagation(
            CanonicalNetwork network, IReadOnlyList<GridDisruption> disruptions, int steps, double stepHours, double threshold,
            bool recordTimeline)
        {
            this.network = network;
            this.disruptions = disruptions;
            this.steps = steps;
            this.stepHours = stepHours;
            this.threshold = threshold;
            this.recordTimeline = recordTimeline;
            var n = network.Nodes.Length;
            q = new double[steps + 1][];
            var edges = network.Edges;
            delaySteps = new int[edges.Length];
            backupSteps = new int[edges.Length];
            for (var e = 0; e < edges.Length; e++)
            {
                delaySteps[e] = TimeGrid.StepsCovering(edges[e].Source.DelayHours, stepHours);
                backupSteps[e] = TimeGrid.StepsCovering(edges[e].Source.BackupHours, stepHours);
            }
            backupLeft = (int[])backupSteps.Clone();
            exhaustionReported = new bool[edges.Length];
            // Only processes downstream of a disruption can change; the rest stay at zero.
            affected = network.Reachable(disruptions.Select(d => d.Process));
            order = network.UpdateOrder.Where(i => affected[i]).ToArray();
            direct = new double[n];
        }

        public void Execute()
        {
            var n = network.Nodes.Length;
            foreach (var d in disruptions)
            {
                if (d.StartStep <= steps)
                    Record(d.StartStep, CascadeEventKind.DisruptionStarted, d.Process, -1, () => CascadeTexts.Started.With(
                        Hours(d.StartStep * stepHours), Name(d.Process), Number(d.Severity),
                        d.EndStep > steps ? CascadeTexts.RestOfRun.With() : CascadeTexts.Until.With(Hours(d.EndStep * stepHours))));
                if (d.EndStep <= steps)
                    Record(d.EndStep, CascadeEventKind.DisruptionEnded, d.Process, -1, () =>
                        CascadeTexts.Ended.With(Hours(d.EndStep * stepHours), Name(d.Process)));
            }

            for (var k = 0; k <= steps; k++)
            {
                var now = q[k] = new double[n];
                Array.Clear(direct);
                foreach (var d in disruptions)
                    if (k >= d.StartStep && k < d.EndStep) direct[d.Process] = Math.Max(direct[d.Process], d.Severity);

                Sweep(k);
                if (network.HasInstantLoops)
                {
                    var previous = new double[n];
                    for (var sweep = 1; sweep < MaxLoopSweeps; sweep++)
                    {
                        Array.Copy(now, previous, n);
                        Sweep(k);
                        var change = 0.0;
                        foreach (var i in order) change = Math.Max(change, Math.Abs(now[i] - previous[i]));
                        if (change <= LoopTolerance) break;
                    }
                }

                if (recordTimeline) RecordCrossings(k);
                DrawDownBackups(k);
            }
        }

        private void Sweep(int k)
        {
            var now = q[k];
            foreach (var i in order)
            {
                var operable = 1.0 - direct[i];
                for (var e = network.IncomingStart[i]; e < network.IncomingStart[i + 1]; e++)
                    operable *= 1.0 - Contribution(e, k);
                now[i] = 1.0 - operable;
            }
        }

        /// <summary>c_e(k): the loss dependency e passes on at step k, given the back-up left before this step.</summary>
        private double Contribution(int e, int k)
        {
            if (backupLeft[e] > 0) return 0.0;
            return network.Edges[e].Source.Strength * Arriving(e, k);
        }

        /// <summary>u_e(k): the supplier's inoperability as it reaches the dependant at step k.</summary>
        private double Arriving(int e, int k)
        {
            var source = k - delaySteps[e];
            return source < 0 ? 0.0 : q[source][network.Edges[e].Supplier];
        }

        private void DrawDownBackups(int k)
        {
            var edges = network.Edges;
            for (var e = 0; e < edges.Length; e++)
            {
                if (backupSteps[e] == 0 || !affected[edges[e].Dependent] || Arriving(e, k) <= 0) continue;
                var (dependent, supplier) = (edges[e].Dependent, edges[e].Supplier);
                if (backupLeft[e] == backupSteps[e])
                    Record(k, CascadeEventKind.BackupActivated, dependent, supplier, () =>
                        CascadeTexts.BackupActivated.With(Hours(k * stepHours), Name(dependent), Name(supplier), Hours(edges[e].Source.BackupHours)));
                if (backupLeft[e] > 0)
                {
                    backupLeft[e]--;
                }
                else if (!exhaustionReported[e])
                {
                    exhaustionReported[e] = true;
                    Record(k, CascadeEventKind.BackupExhausted, dependent, supplier, () =>
                        CascadeTexts.BackupExhausted.With(Hours(k * stepHours), Name(dependent), Name(supplier)));
                }
            }
        }

        private void RecordCrossings(int k)
        {
            foreach (var i in order)
            {
                var before = k == 0 ? 0.0 : q[k - 1][i];
                var now = q[k][i];
                if (before < threshold && now >= threshold)
                {
                    var (supplier, cause) = FailureCause(i, k);
                    Record(k, CascadeEventKind.Failed, i, supplier, () => CascadeTexts.Failed.With(Hours(k * stepHours), Name(i), cause));
                }
                else if (before >= threshold && now < threshold)
                {
                    Record(k, CascadeEventKind.Recovered, i, -1, () => now == 0
                        ? CascadeTexts.FullyOperable.With(Hours(k * stepHours), Name(i))
                        : CascadeTexts.Recovers.With(Hours(k * stepHours), Name(i), Number(now), Number(threshold)));
                }
            }
        }

        /// <summary>The largest single contribution to a failure, in words.</summary>
        private (int Supplier, ParseProblem Cause) FailureCause(int i, int k)
        {
            var largest = direct[i];
            var largestEdge = -1;
            var contributing = 0;
            for (var e = network.IncomingStart[i]; e < network.IncomingStart[i + 1]; e++)
            {
                var c = Contribution(e, k);
                if (c > 0) contributing++;
                if (c > largest) (largest, largestEdge) = (c, e);
            }
            if (largestEdge < 0) return (-1, CascadeTexts.FromInitial.With());
            var edge = network.Edges[largestEdge];
            var delay = backupSteps[largestEdge] == 0 && edge.Source.DelayHours > 0 ? CascadeTexts.Delay.With(Hours(edge.Source.DelayHours)) : null;
            var others = contributing - 1 + (direct[i] > 0 ? 1 : 0);
            var more = others <= 0 ? null : (others == 1 ? CascadeTexts.OtherCause : CascadeTexts.OtherCauses).With(others);
            object note = (delay, more) switch
            {
                (null, null) => "",
                ({ } d, null) => CascadeTexts.Note.With(d),
                (null, { } m) => CascadeTexts.Note.With(m),
                ({ } d, { } m) => CascadeTexts.TwoNotes.With(d, m),
            };
            var reason = (backupSteps[largestEdge] > 0 ? CascadeTexts.AfterBackup : CascadeTexts.Because).With(Name(edge.Supplier), note);
            return (edge.Supplier, reason);
        }

        private string Name(int i) => network.Nodes[i].Name;

        private void Record(int step, CascadeEventKind kind, int process, int supplier, Func<ParseProblem> describe)
        {
            if (!recordTimeline) return;
            var node = network.Nodes[process];
            var said = describe();
            events.Add((step, (int)kind, process, supplier, new CascadeEvent(
                step * stepHours, kind, node.Code, supplier < 0 ? null : network.Nodes[supplier].Code, said.English) { Said = said }));
        }

        public (double Total, double[] ByProcess, bool[] Failed) Totals()
        {
            var n = network.Nodes.Length;
            var impact = new double[n];
            var failed = new bool[n];
            foreach (var i in order)
            {
                var sum = 0.0;
                for (var k = 0; k < steps; k++) sum += q[k][i];
                for (var k = 0; k <= steps; k++) failed[i] |= q[k][i] >= threshold;
                impact[i] = sum * stepHours;
            }
            var total = 0.0;
            for (var i = 0; i < n; i++) total += impact[i];
            return (total, impact, failed);
        }

        public DisruptionSimulationResult ToResult(DependencyNetwork source, SimulationSettings settings)
        {
            var (total, impact, _) = Totals();
            var times = new double[steps + 1];
            for (var k = 0; k <= steps; k++) times[k] = k * stepHours;
            var trajectories = new ProcessTrajectory[source.Count];
            for (var position = 0; position < source.Count; position++)
            {
                var i = network.CanonicalOfPosition[position];
                var series = new double[steps + 1];
                for (var k = 0; k <= steps; k++) series[k] = q[k][i];
                trajectories[position] = new ProcessTrajectory(source.Processes[position], series, Outages(series, times), impact[i]);
            }
            // Within a moment, causes before effects: processes in update order (suppliers first along zero-delay links).
            var rank = new int[network.Nodes.Length];
            for (var r = 0; r < network.UpdateOrder.Length; r++) rank[network.UpdateOrder[r]] = r;
            var timeline = events
                .OrderBy(e => e.Step).ThenBy(e => e.Kind).ThenBy(e => rank[e.Process]).ThenBy(e => e.Supplier)
                .Select(e => e.Event)
                .ToArray();
            return new DisruptionSimulationResult(stepHours, times, settings, trajectories, total, timeline);
        }

        private List<ProcessOutage> Outages(double[] series, double[] times)
        {
            var outages = new List<ProcessOutage>();
            double? failedAt = null;
            for (var k = 0; k < series.Length; k++)
            {
                if (failedAt is null && series[k] >= threshold) failedAt = times[k];
                else if (failedAt is { } start && series[k] < threshold)
                {
                    outages.Add(new ProcessOutage(start, times[k]));
                    failedAt = null;
                }
            }
            if (failedAt is { } open) outages.Add(new ProcessOutage(open, null));
            return outages;
        }
    }
}

/// <summary>An <see cref="InitialDisruption"/> on the time grid: active for StartStep ≤ k &lt; EndStep.</summary>
internal readonly record struct GridDisruption(int Process, int StartStep, int EndStep, double Severity)
{
    public static GridDisruption From(InitialDisruption disruption, int process, double stepHours)
    {
        var start = TimeGrid.StepsCovering(disruption.StartHours, stepHours);
        var end = double.IsPositiveInfinity(disruption.DurationHours)
            ? int.MaxValue
            : (int)Math.Min(int.MaxValue, (long)start + Math.Max(1, TimeGrid.StepsCovering(disruption.DurationHours, stepHours)));
        return new GridDisruption(process, start, end, disruption.Severity);
    }
}

internal static class TimeGrid
{
    /// <summary>Relative slack for hours that are whole multiples of the step up to rounding (0.1 h × 30 ≠ 3 h exactly).</summary>
    private const double Slack = 1e-9;

    /// <summary>K = horizon / step, validated.</summary>
    public static int Steps(double horizonHours, double stepHours)
    {
        if (!double.IsFinite(stepHours) || stepHours <= 0)
            throw new ArgumentOutOfRangeException(nameof(stepHours), stepHours, "The time step must be a finite number of hours > 0.");
        if (!double.IsFinite(horizonHours) || horizonHours <= 0)
            throw new ArgumentOutOfRangeException(nameof(horizonHours), horizonHours, "The horizon must be a finite number of hours > 0.");
        var ratio = horizonHours / stepHours;
        var steps = Math.Round(ratio);
        if (Math.Abs(ratio - steps) > Slack * Math.Max(1, ratio) || steps < 1)
            throw new ArgumentException(
                $"The horizon of {horizonHours} h is not a whole number of time steps of {stepHours} h.", nameof(horizonHours));
        if (steps > DisruptionSimulation.MaxTimeSteps)
            throw new ArgumentException(
                $"A horizon of {horizonHours} h in steps of {stepHours} h needs {steps} steps; at most {DisruptionSimulation.MaxTimeSteps} are allowed. Use a larger step.",
                nameof(stepHours));
        return (int)steps;
    }

    /// <summary>⌈hours / step⌉, tolerant of rounding, saturating at int.MaxValue.</summary>
    public static int StepsCovering(double hours, double stepHours)
    {
        var ratio = hours / stepHours;
        var steps = Math.Ceiling(ratio - Slack * Math.Max(1, ratio));
        return steps >= int.MaxValue ? int.MaxValue : (int)Math.Max(0, steps);
    }
}
