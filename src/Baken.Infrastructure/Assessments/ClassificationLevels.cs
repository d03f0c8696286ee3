namespace Baken.Infrastructure.Assessments;

/// <summary>
/// VIR-BI classification markings and their levels: 0 Ongerubriceerd, 1 Departementaal Vertrouwelijk (Dep.V),
/// 2 Staatsgeheim Confidentieel (Stg.C), 3 Staatsgeheim Geheim (Stg.G), 4 Staatsgeheim Zeer Geheim (Stg.ZG).
/// Case, blanks and dots are ignored when reading ("stg. c", "STG C" and "Stg.C" are the same marking).
/// </summary>
public static class ClassificationLevels
{
    private static readonly (string[] Names, int Level)[] Markings =
    [
        (["Ongerubriceerd", "Ongerubr", "Unclassified"], 0),
        (["Departementaal Vertrouwelijk", "Dep.V", "DepV", "Dep. Vertrouwelijk"], 1),
        (["Staatsgeheim Confidentieel", "Stg.C", "StgC", "Stg. Confidentieel"], 2),
        (["Staatsgeheim Geheim", "Stg.G", "StgG", "Stg. Geheim"], 3),
        (["Staatsgeheim Zeer Geheim", "Stg.ZG", "StgZG", "Stg. Zeer Geheim"], 4),
    ];

    /// <summary>The allowed markings, for error messages.</summary>
    public const string Allowed = "Ongerubriceerd, Departementaal Vertrouwelijk (Dep.V), Staatsgeheim Confidentieel (Stg.C), Staatsgeheim Geheim (Stg.G), Staatsgeheim Zeer Geheim (Stg.ZG)";

    /// <summary>The full Dutch name of a level 0..4.</summary>
    public static string Name(int level) =>
        level is >= 0 and <= 4 ? Markings[level].Names[0] : throw new ArgumentOutOfRangeException(nameof(level), level, "A classification level lies in 0..4.");

    public static bool TryParse(string? text, out int level)
    {
        var key = Normalise(text);
        foreach (var (names, l) in Markings)
        {
            if (names.Any(n => Normalise(n) == key))
            {
                level = l;
                return true;
            }
        }
        level = -1;
        return false;
    }

    private static string Normalise(string? text) =>
        new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray()).ToUpperInvariant();
}
