namespace Baken.Methods.Cascades.Graph;

/// <summary>One spell during which a process was failed (inoperability at or above the failure threshold).</summary>
/// <param name="FailedAtHours">First grid time of the spell, in hours.</param>
/// <param name="RecoveredAtHours">First grid time after it with inoperability below the threshold; null when still failed at the horizon.</param>
public sealed record ProcessOutage(double FailedAtHours, double? RecoveredAtHours);

/// <summary>What a disruption simulation found for one process.</summary>
public sealed class ProcessTrajectory
{
    internal ProcessTrajectory(
        VitalProcessNode process, double[] inoperability, IReadOnlyList<ProcessOutage> outages, double cumulativeImpactHours)
    {
        Process = process;
        Inoperability = inoperability;
        Outages = outages;
        CumulativeImpactHours = cumulativeImpactHours;
        PeakInoperability = inoperability.Max();
    }

    public VitalProcessNode Process { get; }

    /// <summary>Inoperability q(t) in [0, 1] at each time of <see cref="DisruptionSimulationResult.TimesHours"/>.</summary>
    public IReadOnlyList<double> Inoperability { get; }

    /// <summary>Spells of failure, in time order (empty if the process never failed).</summary>
    public IReadOnlyList<ProcessOutage> Outages { get; }

    /// <summary>Hours from the start of the run to the first failure; null if the process never failed.</summary>
    public double? FailedAtHours => Outages.Count == 0 ? null : Outages[0].FailedAtHours;

    /// <summary>Hours to the end of the last failure; null if the process never failed or is still failed at the horizon.</summary>
    public double? RecoveredAtHours => Outages.Count == 0 ? null : Outages[^1].RecoveredAtHours;

    /// <summary>True when the process is failed at the horizon.</summary>
    public bool FailedAtHorizon => Outages.Count > 0 && Outages[^1].RecoveredAtHours is null;

    /// <summary>
    /// Hour-weighted impact: ∫ q(t) dt over [0, horizon) in inoperability-hours (24 = one full day of total outage),
    /// with q constant on each step.
    /// </summary>
    public double CumulativeImpactHours { get; }

    /// <summary>Highest inoperability reached, in [0, 1].</summary>
    public double PeakInoperability { get; }
}

/// <summary>The outcome of <see cref="DisruptionSimulation.Run"/>.</summary>
public sealed class DisruptionSimulationResult
{
    private readonly Dictionary<string, ProcessTrajectory> byCode;

    internal DisruptionSimulationResult(
        double stepHours, IReadOnlyList<double> timesHours, SimulationSettings settings,
        IReadOnlyList<ProcessTrajectory> processes, double totalImpactHours, IReadOnlyList<CascadeEvent> timeline)
    {
        StepHours = stepHours;
        TimesHours = timesHours;
        Settings = settings;
        Processes = processes;
        TotalImpactHours = totalImpactHours;
        Timeline = timeline;
        byCode = processes.ToDictionary(p => p.Process.Code, StringComparer.Ordinal);
    }

    /// <summary>Length of a time step in hours.</summary>
    public double StepHours { get; }

    /// <summary>The time grid 0, Δ, 2Δ, …, horizon in hours.</summary>
    public IReadOnlyList<double> TimesHours { get; }

    public SimulationSettings Settings { get; }

    /// <summary>Per process, in the order of <see cref="DependencyNetwork.Processes"/>.</summary>
    public IReadOnlyList<ProcessTrajectory> Processes { get; }

    /// <summary>The trajectory of the process with <paramref name="code"/>.</summary>
    public ProcessTrajectory this[string code] =>
        byCode.TryGetValue(code, out var trajectory)
            ? trajectory
            : throw new ArgumentException($"Process '{code}' was not part of the simulated network.", nameof(code));

    /// <summary>Sum of every process's <see cref="ProcessTrajectory.CumulativeImpactHours"/>, in inoperability-hours.</summary>
    public double TotalImpactHours { get; }

    /// <summary>Number of processes that failed at some moment.</summary>
    public int ProcessesFailed => Processes.Count(p => p.Outages.Count > 0);

    /// <summary>
    /// Events in time order; at the same moment in the order of <see cref="CascadeEventKind"/>, then suppliers before
    /// their zero-delay dependants, then by process code.
    /// </summary>
    public IReadOnlyList<CascadeEvent> Timeline { get; }
}
