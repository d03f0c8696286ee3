namespace Baken.Methods.Risk;

/// <summary>
/// An NRB class: X (no impact), A (limited), B (substantial), C (serious), D (very serious), E (catastrophic).
/// The same ladder serves likelihood, where only A–E are meaningful. The numeric value is the class index 0..5
/// (X = 0, A = 1, …, E = 5), which the aggregation and the Monte Carlo draw use directly.
/// </summary>
public enum ImpactClass
{
    X = 0,
    A = 1,
    B = 2,
    C = 3,
    D = 4,
    E = 5,
}

/// <summary>Conversions between class letters and class indices.</summary>
public static class ImpactClasses
{
    /// <summary>Index of E, the highest class.</summary>
    public const int MaxIndex = 5;

    /// <summary>The six classes in ascending order X, A, …, E.</summary>
    public static IReadOnlyList<ImpactClass> All { get; } = [ImpactClass.X, ImpactClass.A, ImpactClass.B, ImpactClass.C, ImpactClass.D, ImpactClass.E];

    /// <summary>The class with index 0..5 (X = 0, E = 5).</summary>
    public static ImpactClass FromIndex(int index) =>
        index is >= 0 and <= MaxIndex
            ? (ImpactClass)index
            : throw new ArgumentOutOfRangeException(nameof(index), index, "A class index lies in 0 (X) .. 5 (E).");

    /// <summary>Reads one class letter X, A, B, C, D or E (case-insensitive, surrounding blanks ignored).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ImpactClass result)
    {
        var t = text.Trim();
        result = ImpactClass.X;
        if (t.Length != 1) return false;
        switch (char.ToUpperInvariant(t[0]))
        {
            case 'X': result = ImpactClass.X; return true;
            case 'A': result = ImpactClass.A; return true;
            case 'B': result = ImpactClass.B; return true;
            case 'C': result = ImpactClass.C; return true;
            case 'D': result = ImpactClass.D; return true;
            case 'E': result = ImpactClass.E; return true;
            default: return false;
        }
    }

    /// <summary>The class one step up or down, clipped to X..E.</summary>
    public static ImpactClass Shift(this ImpactClass value, int steps) =>
        (ImpactClass)Math.Clamp((int)value + steps, 0, MaxIndex);
}
