namespace Baken.Domain.Strategy;

/// <summary>
/// A goal of a strategy edition (the GBVS's thirteen, or the integrated strategy's), under one pillar, with its owner
/// and the scenarios it addresses and the measures that serve it. Editing keeps every version in the history; a new
/// edition is a new set of goals with another edition name.
/// </summary>
public sealed class StrategyGoal : Record
{
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string Edition { get; set; } = "";
    public int Number { get; set; }
    public StrategyPillar Pillar { get; set; }
    public string? Summary { get; set; }
    /// <summary>Code of the owning ministry or organisation.</summary>
    public string? OwnerCode { get; set; }
    /// <summary>Scenario codes.</summary>
    public List<string> Scenarios { get; set; } = [];
    /// <summary>Measure codes.</summary>
    public List<string> Measures { get; set; } = [];
}
