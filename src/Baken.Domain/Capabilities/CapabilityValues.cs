namespace Baken.Domain.Capabilities;

/// <summary>The four phases of a capability session (METHODS §8); <see cref="Any"/> when a need names no phase.</summary>
public enum CapabilityPhase { Any, Prevention, Preparation, Response, Recovery }

/// <summary>Levels of a capability run 0–4 (indicative: 0 absent, 1 initial, 2 basic, 3 adequate, 4 strong).</summary>
public static class CapabilityScale
{
    public const int MaxLevel = 4;

    internal static string Code(string capability, string parameter) =>
        string.IsNullOrWhiteSpace(capability) || capability.Any(char.IsWhiteSpace)
            ? throw new ArgumentException($"A capability code is a code without spaces; got '{capability}'.", parameter)
            : capability;

    internal static int Level(int level, int min, string parameter) =>
        level < min || level > MaxLevel ? throw new ArgumentOutOfRangeException(parameter, level, $"A capability level lies in {min}–{MaxLevel}.") : level;
}

/// <summary>A scenario's need for a capability: the level (0–4) it calls for, in one phase or in any.</summary>
public sealed record CapabilityNeed
{
    public CapabilityNeed(string capability, CapabilityPhase phase, int level)
    {
        Capability = CapabilityScale.Code(capability, nameof(capability));
        Phase = Enum.IsDefined(phase) ? phase : throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a capability phase.");
        Level = CapabilityScale.Level(level, 0, nameof(level));
    }

    public string Capability { get; }
    public CapabilityPhase Phase { get; }
    public int Level { get; }
}

/// <summary>A capability an organisation holds, and its current level (0–4).</summary>
public sealed record CapabilityLevel
{
    public CapabilityLevel(string capability, int level)
    {
        Capability = CapabilityScale.Code(capability, nameof(capability));
        Level = CapabilityScale.Level(level, 0, nameof(level));
    }

    public string Capability { get; }
    public int Level { get; }
}

/// <summary>How many levels (1–4) a measure adds to a capability once it is implemented.</summary>
public sealed record CapabilityRaise
{
    public CapabilityRaise(string capability, int by)
    {
        Capability = CapabilityScale.Code(capability, nameof(capability));
        By = CapabilityScale.Level(by, 1, nameof(by));
    }

    public string Capability { get; }
    public int By { get; }
}
