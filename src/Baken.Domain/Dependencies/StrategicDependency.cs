namespace Baken.Domain.Dependencies;

public enum DependencyStatus { Flagged, Assessed, Decided, Closed }

/// <summary>
/// A flagged strategic dependency (a product the screen marked dependent for an importer) with the assessment
/// framework of seed 004: its options — accept or delay, diversify, stockpile, substitute, counter-power — with their
/// costs and benefits, and the decision taken. It can feed a scenario and be put on a council's agenda.
/// </summary>
public sealed class StrategicDependency : Record
{
    public string Title { get; set; } = "";
    /// <summary>HS 2017 six-digit product code.</summary>
    public int Hs6 { get; set; }
    /// <summary>EU27 or an ISO3 country code.</summary>
    public string Importer { get; set; } = "";
    public int Year { get; set; }
    public double? SupplierHhi { get; set; }
    public double? ExtraShare { get; set; }
    public double? ImportExportRatio { get; set; }
    public string? TopSupplier { get; set; }
    public double? TopSupplierShare { get; set; }
    /// <summary>Code of the dependency domain (catalogue entry), e.g. dependency_domains.MED.</summary>
    public string? Domain { get; set; }
    public string? VitalProcesses { get; set; }
    /// <summary>One line per option: "diversify: cost €40m a year; benefit halves the top supplier's share".</summary>
    public string? Options { get; set; }
    public string? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Scenario { get; set; }
    public DependencyStatus Status { get; set; }
}
