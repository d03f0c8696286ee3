using Baken.Methods.Risk;
using Baken.Domain.Capabilities;

namespace Baken.Domain.Register;

/// <summary>A concrete, plausible incident or development that analysts score.</summary>
public sealed class Scenario : Record
{
    public string Title { get; set; } = "";
    public string? RiskCode { get; set; }
    public string? ThemeCode { get; set; }
    public RiskKind Kind { get; set; }
    public string? Narrative { get; set; }
    /// <summary>Horizon in years over which the likelihood is judged (default 5; NRR uses 2 for malicious risks).</summary>
    public int HorizonYears { get; set; } = 5;
    public string? Assumptions { get; set; }
    /// <summary>The reasonable worst case the scores refer to (NRR practice), when it differs from the narrative.</summary>
    public string? ReasonableWorstCase { get; set; }
    /// <summary>Capabilities the scenario calls on, with the level needed (0–4), in one phase or in any (text form "CAP-MED@response=4; CAP-COMM=3").</summary>
    public IReadOnlyList<CapabilityNeed> Capabilities { get; set; } = [];
    /// <summary>Initial disruptions of vital processes (text form "1: 24h; 6: 12h 0.5": process code, duration and severity 0–1).</summary>
    public IReadOnlyList<ScenarioDisruption> Disruptions { get; set; } = [];
    /// <summary>For a compound scenario: the scenarios that happen at once.</summary>
    public List<string> Components { get; set; } = [];
    /// <summary>For a compound scenario: independent, or conditional (P of each part after the first given the ones before); null when not stated (independent).</summary>
    public CompoundDependence? Dependence { get; set; }
}
