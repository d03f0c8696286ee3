using Baken.Domain.Capabilities;

namespace Baken.Domain.Strategy;

/// <summary>
/// A measure of the strategy's palette: who owns it, what it costs, what it requires or excludes, and its modelled
/// effect per scenario (a likelihood multiplier and/or an impact reduction per criterion, each a range), typed
/// (<see cref="ScenarioEffect"/>); analysts write and review it in the text form documented in docs/formats.md.
/// </summary>
public sealed class Measure : Record
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public StrategyPillar Pillar { get; set; }
    public MeasureType MeasureType { get; set; }
    /// <summary>Code of the owning ministry or organisation.</summary>
    public string? OwnerCode { get; set; }
    public MeasureStatus Status { get; set; }
    /// <summary>One-off cost, euros, in the start year.</summary>
    public double? OneOffCost { get; set; }
    /// <summary>Yearly cost, euros, in every year in force.</summary>
    public double? YearlyCost { get; set; }
    public int StartYear { get; set; } = 2027;
    public int LifetimeYears { get; set; } = 10;
    /// <summary>Planned date by which it is implemented (a milestone of the follow-up).</summary>
    public DateOnly? Due { get; set; }
    /// <summary>Measure codes that must be taken too.</summary>
    public List<string> Requires { get; set; } = [];
    /// <summary>Measure codes that cannot be taken together with this one.</summary>
    public List<string> Excludes { get; set; } = [];
    /// <summary>Source codes of the evidence for its effect.</summary>
    public List<string> Evidence { get; set; } = [];
    /// <summary>Its effect per scenario, one JSON column (text form "S-01: likelihood 0.6-0.7-0.8; 2.1 0.2-0.3", docs/formats.md).</summary>
    public IReadOnlyList<ScenarioEffect> Effects { get; set; } = [];
    /// <summary>Capability levels the measure adds once implemented (text form "CAP-MED+1; CAP-COMM+2").</summary>
    public IReadOnlyList<CapabilityRaise> CapabilityRaises { get; set; } = [];
}
