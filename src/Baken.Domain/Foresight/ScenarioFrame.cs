namespace Baken.Domain.Foresight;

/// <summary>
/// An exploratory scenario frame of horizon scanning (METHODS §9): two key uncertainties, each between two poles, span
/// four worlds 6–20 years ahead. A world can become a register scenario; the frame then names it.
/// </summary>
public sealed class ScenarioFrame : Record
{
    public string Title { get; set; } = "";
    public int HorizonYears { get; set; } = 10;
    /// <summary>Codes of the trends and drivers behind the two uncertainties.</summary>
    public List<string> Drivers { get; set; } = [];
    public string UncertaintyA { get; set; } = "";
    public string ALow { get; set; } = "";
    public string AHigh { get; set; } = "";
    public string UncertaintyB { get; set; } = "";
    public string BLow { get; set; } = "";
    public string BHigh { get; set; } = "";
    /// <summary>The four worlds: 1 = A low/B low, 2 = A low/B high, 3 = A high/B low, 4 = A high/B high.</summary>
    public string? World1 { get; set; }
    public string? World2 { get; set; }
    public string? World3 { get; set; }
    public string? World4 { get; set; }
    /// <summary>The register scenario made from each world, if any.</summary>
    public string? Scenario1 { get; set; }
    public string? Scenario2 { get; set; }
    public string? Scenario3 { get; set; }
    public string? Scenario4 { get; set; }

    /// <summary>The poles of world n (1–4): (A's pole, B's pole).</summary>
    public (string A, string B) Poles(int world) => world switch
    {
        1 => (ALow, BLow),
        2 => (ALow, BHigh),
        3 => (AHigh, BLow),
        4 => (AHigh, BHigh),
        _ => throw new ArgumentOutOfRangeException(nameof(world), world, "A frame has worlds 1 to 4."),
    };

    public string? Narrative(int world) => world switch { 1 => World1, 2 => World2, 3 => World3, 4 => World4, _ => null };

    public string? ScenarioOf(int world) => world switch { 1 => Scenario1, 2 => Scenario2, 3 => Scenario3, 4 => Scenario4, _ => null };
}
