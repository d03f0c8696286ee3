namespace Baken.Methods.Cascades.Graph;

/// <summary>What happened in a <see cref="CascadeEvent"/>. The order is the order of events at the same moment.</summary>
public enum CascadeEventKind
{
    /// <summary>An initial disruption starts.</summary>
    DisruptionStarted,

    /// <summary>An initial disruption ends (the process itself is restored).</summary>
    DisruptionEnded,

    /// <summary>A loss from a supplier reaches a dependant that bridges it on its back-up.</summary>
    BackupActivated,

    /// <summary>The back-up is used up while the loss lasts: from now on the dependant feels the loss.</summary>
    BackupExhausted,

    /// <summary>A process's inoperability reaches the failure threshold.</summary>
    Failed,

    /// <summary>A failed process's inoperability drops below the failure threshold again.</summary>
    Recovered,
}

/// <summary>One line of a simulation's timeline, e.g. "t=6h: 'Drinkwatervoorziening' fails after its back-up for 'Regionale distributie elektriciteit' ran out".</summary>
/// <param name="TimeHours">Moment in hours from the start of the run (a point of the time grid).</param>
/// <param name="Kind">What happened.</param>
/// <param name="ProcessCode">The process concerned (for back-up events, the dependant).</param>
/// <param name="SupplierCode">For back-up events and propagated failures, the supplier whose loss is involved; otherwise null.</param>
/// <param name="Description">One readable sentence, starting with the time.</param>
public sealed record CascadeEvent(double TimeHours, CascadeEventKind Kind, string ProcessCode, string? SupplierCode, string Description)
{
    /// <summary>The <see cref="Description"/> as a keyed text (<see cref="CascadeTexts"/>), for a reader in another language.</summary>
    public ParseProblem? Said { get; init; }

    // Two events are the same when they say the same: Said is the Description's key and arguments.
    public bool Equals(CascadeEvent? other) =>
        other is not null && TimeHours.Equals(other.TimeHours) && Kind == other.Kind && ProcessCode == other.ProcessCode
        && SupplierCode == other.SupplierCode && Description == other.Description;

    public override int GetHashCode() => HashCode.Combine(TimeHours, Kind, ProcessCode, SupplierCode, Description);
}

/// <summary>
/// A timeline's sentences as keyed texts (<see cref="ParseText"/>): <see cref="CascadeEvent.Description"/> is their English
/// (the CLI's words); a page renders <see cref="CascadeEvent.Said"/> by key in its reader's language. Times, names and
/// numbers are arguments, written culture-independently so a timeline reads the same on every server.
/// </summary>
public static class CascadeTexts
{
    public static readonly ParseText Started = new("allowed.cascades.event.started", "t={0}: '{1}' is disrupted (severity {2}) {3}");
    public static readonly ParseText RestOfRun = new("allowed.cascades.event.restofrun", "for the rest of the run");
    public static readonly ParseText Until = new("allowed.cascades.event.until", "until t={0}");
    public static readonly ParseText Ended = new("allowed.cascades.event.ended", "t={0}: the initial disruption of '{1}' ends");
    public static readonly ParseText BackupActivated = new("allowed.cascades.event.backupactivated", "t={0}: '{1}' bridges the loss of '{2}' on its back-up ({3})");
    public static readonly ParseText BackupExhausted = new("allowed.cascades.event.backupexhausted", "t={0}: the back-up of '{1}' for '{2}' has run out");
    public static readonly ParseText Failed = new("allowed.cascades.event.failed", "t={0}: '{1}' fails {2}");
    public static readonly ParseText FromInitial = new("allowed.cascades.event.frominitial", "from its initial disruption");
    public static readonly ParseText AfterBackup = new("allowed.cascades.event.afterbackup", "after its back-up for '{0}' ran out{1}");
    public static readonly ParseText Because = new("allowed.cascades.event.because", "because '{0}' is inoperable{1}");
    public static readonly ParseText Note = new("allowed.cascades.event.note", " ({0})");
    public static readonly ParseText TwoNotes = new("allowed.cascades.event.twonotes", " ({0}; {1})");
    public static readonly ParseText Delay = new("allowed.cascades.event.delay", "delay {0}");
    public static readonly ParseText OtherCause = new("allowed.cascades.event.othercause", "{0} other cause");
    public static readonly ParseText OtherCauses = new("allowed.cascades.event.othercauses", "{0} other causes");
    public static readonly ParseText FullyOperable = new("allowed.cascades.event.fullyoperable", "t={0}: '{1}' is fully operable again");
    public static readonly ParseText Recovers = new("allowed.cascades.event.recovers", "t={0}: '{1}' recovers (inoperability {2}, below the failure threshold {3})");
}
