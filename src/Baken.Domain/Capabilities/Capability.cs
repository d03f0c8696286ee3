namespace Baken.Domain.Capabilities;

/// <summary>
/// Something the country must be able to do when a scenario happens (METHODS §8): early detection, crisis
/// communication, medical surge, … Scenarios state the level they need (per phase), organisations the level they have,
/// and measures how far they raise it; the gap table weighs each shortfall by the risk of the scenarios that need it.
/// </summary>
public sealed class Capability : Record
{
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>True for a placeholder or inferred entry (the starter catalogue is indicative).</summary>
    public bool Indicative { get; set; }
}
