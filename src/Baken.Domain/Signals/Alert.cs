namespace Baken.Domain.Signals;

public enum AlertStatus { Open, Acknowledged, ReviewOpened, Closed }

/// <summary>
/// An indicator crossed a threshold (or jumped): when, to what level, and what was done about it. Made by the alert
/// evaluation, never by hand; an analyst acknowledges it or opens a likelihood review of its scenarios.
/// </summary>
public sealed class Alert : Record
{
    public string IndicatorCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public double Value { get; set; }
    /// <summary>"green", "amber", "red" or "jump".</summary>
    public string FromLevel { get; set; } = "";
    public string ToLevel { get; set; } = "";
    public string? Explanation { get; set; }
    public AlertStatus Status { get; set; }
    public List<string> Scenarios { get; set; } = [];
}
