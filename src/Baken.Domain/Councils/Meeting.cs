using Baken.Domain.Security;

namespace Baken.Domain.Councils;

/// <summary>
/// A meeting of a council at a security level: nobody below that level can be invited and no item above it can be
/// put on its agenda. The level is what may be discussed, separate from the classification of the meeting record.
/// </summary>
public sealed class Meeting : Record
{
    public string CouncilCode { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public ClassificationLevel SecurityLevel { get; set; }
    /// <summary>Council-member codes invited.</summary>
    public List<string> Invited { get; set; } = [];
    public MeetingStatus Status { get; set; }
    public string? Minutes { get; set; }
}
