namespace Baken.Methods.Cascades.Graph;

/// <summary>
/// A disruption imposed on one process from outside the network (the scenario's trigger): from
/// <see cref="StartHours"/> for <see cref="DurationHours"/>, the process is at least <see cref="Severity"/> inoperable.
/// </summary>
public sealed record InitialDisruption
{
    /// <param name="processCode">Code of the disrupted process; must be in the network when simulated.</param>
    /// <param name="startHours">Start, in hours after the start of the run, ≥ 0.</param>
    /// <param name="durationHours">Duration in hours, &gt; 0; <see cref="double.PositiveInfinity"/> = not restored within the run.</param>
    /// <param name="severity">Inoperability imposed, in [0, 1] (1 = the process is fully down).</param>
    public InitialDisruption(string processCode, double startHours, double durationHours, double severity = 1.0)
    {
        if (string.IsNullOrWhiteSpace(processCode))
            throw new ArgumentException("An initial disruption must name the disrupted process.", nameof(processCode));
        if (!double.IsFinite(startHours) || startHours < 0)
            throw new ArgumentOutOfRangeException(nameof(startHours), startHours,
                $"Disruption of '{processCode}' starts at {startHours} h; the start must be a finite number of hours ≥ 0.");
        if (double.IsNaN(durationHours) || durationHours <= 0)
            throw new ArgumentOutOfRangeException(nameof(durationHours), durationHours,
                $"Disruption of '{processCode}' lasts {durationHours} h; the duration must be > 0 hours (infinity = not restored within the run).");
        if (!double.IsFinite(severity) || severity < 0 || severity > 1)
            throw new ArgumentOutOfRangeException(nameof(severity), severity,
                $"Severity of the disruption of '{processCode}' is {severity}; it must lie in [0, 1].");
        ProcessCode = processCode;
        StartHours = startHours;
        DurationHours = durationHours;
        Severity = severity;
    }

    public string ProcessCode { get; }

    /// <summary>Start in hours, ≥ 0.</summary>
    public double StartHours { get; }

    /// <summary>Duration in hours, &gt; 0, possibly infinite.</summary>
    public double DurationHours { get; }

    /// <summary>Imposed inoperability in [0, 1].</summary>
    public double Severity { get; }

    /// <summary>End in hours (start + duration); the process is restored from this moment on.</summary>
    public double EndHours => StartHours + DurationHours;
}

/// <summary>Settings of a disruption simulation.</summary>
public sealed record SimulationSettings
{
    /// <summary>The defaults: a process counts as failed from inoperability 0.5.</summary>
    public static SimulationSettings Default { get; } = new();

    /// <param name="failureThreshold">Inoperability from which a process counts as failed, in (0, 1]; default 0.5.</param>
    public SimulationSettings(double failureThreshold = 0.5)
    {
        if (!double.IsFinite(failureThreshold) || failureThreshold <= 0 || failureThreshold > 1)
            throw new ArgumentOutOfRangeException(nameof(failureThreshold), failureThreshold,
                "The failure threshold is an inoperability and must lie in (0, 1].");
        FailureThreshold = failureThreshold;
    }

    /// <summary>Inoperability from which a process counts as failed, in (0, 1].</summary>
    public double FailureThreshold { get; }
}
