namespace Baken.Domain.Signals;

/// <summary>A trend or driver of the security environment, with its horizon and the signals and scenarios it connects.</summary>
public sealed class Trend : Record
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Summary { get; set; }
    /// <summary>Years ahead (6–20 in horizon scanning), empty when not stated.</summary>
    public int? HorizonYears { get; set; }
    /// <summary>"rising", "stable", "falling" or free text.</summary>
    public string? Direction { get; set; }
    public string? Confidence { get; set; }
    public string? Signals { get; set; }
    public string? Scenarios { get; set; }
}
