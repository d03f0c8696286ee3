namespace Baken.Domain.Councils;

/// <summary>What a council decided on an agenda item.</summary>
public sealed class Decision : Record
{
    public string AgendaItemCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    public DateOnly? DecidedOn { get; set; }
}
