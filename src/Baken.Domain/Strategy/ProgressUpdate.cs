namespace Baken.Domain.Strategy;

/// <summary>
/// An owner's report on a goal or a measure at a date: status, optionally an indicator's value, comment and evidence.
/// Updates are records like any other, so they are classified, versioned and kept.
/// </summary>
public sealed class ProgressUpdate : Record
{
    /// <summary>The goal or measure it reports on (a reference like any other: "goal:CODE" in its text form).</summary>
    public RecordLink? Subject { get; set; }
    public DateOnly Date { get; set; }
    public ProgressStatus Status { get; set; }
    public string? IndicatorCode { get; set; }
    public double? Value { get; set; }
    public string? Comment { get; set; }
    /// <summary>Source codes.</summary>
    public List<string> Evidence { get; set; } = [];
}
