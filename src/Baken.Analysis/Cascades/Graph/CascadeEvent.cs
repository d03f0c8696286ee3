namespace Baken.Analysis.Cascades.Graph;

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
public sealed record CascadeEvent(double TimeHours, CascadeEventKind Kind, string ProcessCode, string? SupplierCode, string Description);
