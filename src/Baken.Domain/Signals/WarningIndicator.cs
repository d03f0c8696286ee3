using Baken.Methods.Signals;

namespace Baken.Domain.Signals;

/// <summary>
/// An early-warning indicator: a time series (its observations) with amber and red thresholds and a direction, linked
/// to the scenarios whose likelihood it informs and tagged to what it concerns (for stacked threats).
/// </summary>
public sealed class WarningIndicator : Record
{
    public string Title { get; set; } = "";
    public string? Unit { get; set; }
    public ThresholdDirection Direction { get; set; }
    public double? Amber { get; set; }
    public double? Red { get; set; }
    /// <summary>When set, a value at least this many times the mean of the three before it (and at least amber) is a jump alert too.</summary>
    public double? JumpFactor { get; set; }
    public List<string> Scenarios { get; set; } = [];
    public string? Tags { get; set; }
    public string? Source { get; set; }
}
