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
    /// <summary>Initial disruptions of vital processes, e.g. "1: 24h; 6: 12h 0.5" (process code: duration and severity 0–1).</summary>
    public string? Disruptions { get; set; }
}
