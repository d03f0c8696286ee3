namespace Baken.Domain.Register;

/// <summary>A state or non-state actor, with judged intent and capability (classes A–E, or empty when unknown).</summary>
public sealed class Actor : Record
{
    public string Name { get; set; } = "";
    public ActorType ActorType { get; set; }
    public string? Description { get; set; }
    public string? Intent { get; set; }
    public string? Capability { get; set; }
}
