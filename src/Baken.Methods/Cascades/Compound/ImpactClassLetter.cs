namespace Baken.Methods.Cascades.Compound;

/// <summary>
/// The NRB impact classes as letters, in increasing order: 'X' (no impact, index 0), 'A' limited (1), 'B' substantial (2),
/// 'C' serious (3), 'D' very serious (4), 'E' catastrophic (5). Kept as plain letters so this module does not depend
/// on the risk engine's own class type; map by letter.
/// </summary>
public static class ImpactClassLetter
{
    /// <summary>The six letters in increasing order.</summary>
    public const string Ladder = "XABCDE";

    /// <summary>Index 0 … 5 of <paramref name="letter"/>; throws for anything other than an upper-case X, A … E.</summary>
    public static int IndexOf(char letter, string parameterName, string context)
    {
        var index = Ladder.IndexOf(letter, StringComparison.Ordinal);
        if (index < 0)
            throw new ArgumentException(
                $"{context}: impact class '{letter}' is not one of X, A, B, C, D, E (upper case).", parameterName);
        return index;
    }

    /// <summary>The letter of index 0 … 5.</summary>
    public static char At(int index) =>
        index is >= 0 and <= 5
            ? Ladder[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, "An impact class index lies in 0 (X) … 5 (E).");
}
