namespace Baken.Domain.Councils;

/// <summary>A follow-up action of a decision: owner, deadline and status. Overdue ones return to the council's next agenda.</summary>
public sealed class FollowUpAction : Record
{
    public string Title { get; set; } = "";
    public string DecisionCode { get; set; } = "";
    public string? Owner { get; set; }
    public DateOnly Deadline { get; set; }
    public ActionStatus Status { get; set; }
    public string? Note { get; set; }
}
