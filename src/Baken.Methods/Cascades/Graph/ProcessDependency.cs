namespace Baken.Methods.Cascades.Graph;

/// <summary>
/// A directed dependency: process <see cref="Dependent"/> needs the output of process <see cref="Supplier"/>.
/// A loss at the supplier reaches the dependant after <see cref="DelayHours"/>, is first absorbed by the
/// dependant's back-up for <see cref="BackupHours"/>, and then takes away <see cref="Strength"/> of the
/// dependant's operability per unit of the supplier's inoperability (see <see cref="DisruptionSimulation"/>).
/// </summary>
public sealed record ProcessDependency
{
    /// <param name="dependent">Code of the process that depends ("from").</param>
    /// <param name="supplier">Code of the process depended on ("to"); must differ from <paramref name="dependent"/>.</param>
    /// <param name="strength">Share of the dependant's operability lost when the supplier is fully inoperable, in [0, 1]; 0 never propagates.</param>
    /// <param name="delayHours">Hours before a change at the supplier reaches the dependant, ≥ 0 (0 = at once).</param>
    /// <param name="backupHours">Hours the dependant can bridge a loss of this supplier on its own back-up, ≥ 0 (0 = no back-up).</param>
    public ProcessDependency(string dependent, string supplier, double strength, double delayHours = 0, double backupHours = 0)
    {
        if (string.IsNullOrWhiteSpace(dependent))
            throw new ArgumentException("A dependency must name the dependent process (\"from\").", nameof(dependent));
        if (string.IsNullOrWhiteSpace(supplier))
            throw new ArgumentException($"The dependency of '{dependent}' must name the supplier process (\"to\").", nameof(supplier));
        if (string.Equals(dependent, supplier, StringComparison.Ordinal))
            throw new ArgumentException(
                $"Process '{dependent}' cannot depend on itself: a dependency must link two different processes.", nameof(supplier));
        if (!double.IsFinite(strength) || strength < 0 || strength > 1)
            throw new ArgumentOutOfRangeException(nameof(strength), strength,
                $"Strength of the dependency of '{dependent}' on '{supplier}' is {strength}; it must lie in [0, 1].");
        if (!double.IsFinite(delayHours) || delayHours < 0)
            throw new ArgumentOutOfRangeException(nameof(delayHours), delayHours,
                $"Delay of the dependency of '{dependent}' on '{supplier}' is {delayHours} h; it must be a finite number of hours ≥ 0.");
        if (!double.IsFinite(backupHours) || backupHours < 0)
            throw new ArgumentOutOfRangeException(nameof(backupHours), backupHours,
                $"Back-up of the dependency of '{dependent}' on '{supplier}' is {backupHours} h; it must be a finite number of hours ≥ 0 (0 = no back-up).");
        Dependent = dependent;
        Supplier = supplier;
        Strength = strength;
        DelayHours = delayHours;
        BackupHours = backupHours;
    }

    /// <summary>Code of the process that depends.</summary>
    public string Dependent { get; }

    /// <summary>Code of the process depended on.</summary>
    public string Supplier { get; }

    /// <summary>Strength in [0, 1].</summary>
    public double Strength { get; }

    /// <summary>Propagation delay in hours, ≥ 0.</summary>
    public double DelayHours { get; }

    /// <summary>Back-up duration in hours, ≥ 0; 0 means no back-up.</summary>
    public double BackupHours { get; }

    /// <summary>True when the dependant has a back-up for this supplier.</summary>
    public bool HasBackup => BackupHours > 0;
}
