namespace Baken.Domain.Councils;

/// <summary>A paper for an agenda item: the uploaded file itself, stored with its own classification.</summary>
public sealed class CouncilDocument : Record
{
    public string Title { get; set; } = "";
    public string AgendaItemCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
}
