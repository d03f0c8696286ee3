namespace Baken.Domain.Signals;

/// <summary>An RSS or Atom feed polled on a schedule: a URL (http or https) or a file path.</summary>
public sealed class Feed : Record
{
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    /// <summary>Tags given to every signal from this feed.</summary>
    public string? Tags { get; set; }
    /// <summary>Admiralty reliability of the feed's source, A–F.</summary>
    public string? Reliability { get; set; }
    public DateTime? LastPolledUtc { get; set; }
    public string? LastResult { get; set; }
}
