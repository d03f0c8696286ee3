namespace Baken.Domain.Signals;

/// <summary>Horizon scanning's three kinds: a development under way, a force behind several trends, an unlikely event with high impact.</summary>
public enum TrendKind { Trend, Driver, Wildcard }

/// <summary>A trend or driver of the security environment, with its horizon and the signals and scenarios it connects.</summary>
public sealed class Trend : Record
{
    public TrendKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Summary { get; set; }
    /// <summary>Years ahead (6–20 in horizon scanning), empty when not stated.</summary>
    public int? HorizonYears { get; set; }
    /// <summary>"rising", "stable", "falling" or free text.</summary>
    public string? Direction { get; set; }
    public string? Confidence { get; set; }
    public List<string> Signals { get; set; } = [];
    public List<string> Scenarios { get; set; } = [];
}
