namespace Baken.Domain.Register;

/// <summary>The provenance of a statement: a report, data set, briefing or web page.</summary>
public sealed class Source : Record
{
    public string Title { get; set; } = "";
    public string? OrganisationCode { get; set; }
    public string? Reference { get; set; }
    public DateOnly? Published { get; set; }
    /// <summary>Reliability grade of the source (Admiralty A–F), where known.</summary>
    public string? Reliability { get; set; }
}
