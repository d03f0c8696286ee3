namespace Baken.Domain.Signals;

/// <summary>Where an incoming signal stands in the analysts' review queue.</summary>
public enum SignalStatus { New, Accepted, Merged, Rejected }

/// <summary>
/// A signal of the horizon scan: what was reported, by whom and how reliable, tagged to what it concerns
/// ("interest:2;theme:T1;scenario:S-01;actor:A-1;vital-process:1;country:RUS;sector:energy"). Signals arrive by hand,
/// from files and from feeds, start as New, and an analyst accepts, merges or rejects them.
/// </summary>
public sealed class Signal : Record
{
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    /// <summary>Publishing organisation code or the feed's name.</summary>
    public string? Source { get; set; }
    public string? Url { get; set; }
    /// <summary>Admiralty reliability of the source, A–F.</summary>
    public string? Reliability { get; set; }
    /// <summary>Admiralty credibility of the information, 1–6.</summary>
    public string? Credibility { get; set; }
    public string? Tags { get; set; }
    public SignalStatus Status { get; set; }
    /// <summary>The signal this one duplicates: suggested at intake, confirmed by a merge.</summary>
    public string? DuplicateOf { get; set; }
    /// <summary>The feed it came from, and the feed's id of the entry (so a feed polled twice adds nothing).</summary>
    public string? Feed { get; set; }
    public string? ExternalId { get; set; }
}
