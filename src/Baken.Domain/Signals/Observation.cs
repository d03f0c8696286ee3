namespace Baken.Domain.Signals;

/// <summary>One value of an early-warning indicator at a date.</summary>
public sealed class Observation : Record
{
    public string IndicatorCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public double Value { get; set; }
}
