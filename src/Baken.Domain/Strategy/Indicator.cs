using Baken.Methods.Strategy;

namespace Baken.Domain.Strategy;

/// <summary>An indicator of a goal: baseline, target and deadline, and how often its owner must report a value.</summary>
public sealed class Indicator : Record
{
    public string Title { get; set; } = "";
    public string GoalCode { get; set; } = "";
    public string? Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public double? Baseline { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public double? Target { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? OwnerCode { get; set; }
    /// <summary>Days between the updates the owner owes; a reminder is due when the next one comes near.</summary>
    public int UpdateIntervalDays { get; set; } = 182;
}
