namespace Baken.Domain.Security;

/// <summary>
/// The VIR-BI classification levels, lowest first. The numeric value is the order used in every
/// clearance comparison: a user may see a record when the record's level is at most the user's clearance.
/// </summary>
public enum ClassificationLevel
{
    Ongerubriceerd = 0,
    DepartementaalVertrouwelijk = 1,
    StaatsgeheimConfidentieel = 2,
    StaatsgeheimGeheim = 3,
    StaatsgeheimZeerGeheim = 4,
}

public static class ClassificationLevels
{
    private static readonly (ClassificationLevel Level, string Name, string Abbreviation)[] Names =
    [
        (ClassificationLevel.Ongerubriceerd, "Ongerubriceerd", "Ongerubriceerd"),
        (ClassificationLevel.DepartementaalVertrouwelijk, "Departementaal Vertrouwelijk", "Dep.V"),
        (ClassificationLevel.StaatsgeheimConfidentieel, "Staatsgeheim Confidentieel", "Stg.C"),
        (ClassificationLevel.StaatsgeheimGeheim, "Staatsgeheim Geheim", "Stg.G"),
        (ClassificationLevel.StaatsgeheimZeerGeheim, "Staatsgeheim Zeer Geheim", "Stg.ZG"),
    ];

    public const string Allowed = "Ongerubriceerd, Departementaal Vertrouwelijk (Dep.V), Staatsgeheim Confidentieel (Stg.C), Staatsgeheim Geheim (Stg.G), Staatsgeheim Zeer Geheim (Stg.ZG), or 0–4";

    /// <summary><see cref="Allowed"/> as a catalogue text, for field errors.</summary>
    public static readonly MessageTemplate Rule = new("allowed.classification", Allowed);

    // Other spellings seen in files from the analyst network.
    private static readonly (string Alias, ClassificationLevel Level)[] Aliases =
    [
        ("Unclassified", ClassificationLevel.Ongerubriceerd), ("Ongerubr", ClassificationLevel.Ongerubriceerd),
        ("Dep. Vertrouwelijk", ClassificationLevel.DepartementaalVertrouwelijk),
        ("Stg. Confidentieel", ClassificationLevel.StaatsgeheimConfidentieel),
        ("Stg. Geheim", ClassificationLevel.StaatsgeheimGeheim),
        ("Stg. Zeer Geheim", ClassificationLevel.StaatsgeheimZeerGeheim),
    ];

    public static string DisplayName(this ClassificationLevel level) => Names[(int)level].Name;

    public static string Abbreviation(this ClassificationLevel level) => Names[(int)level].Abbreviation;

    /// <summary>Parses the full Dutch name, its abbreviation, the enum name or the digit 0–4, ignoring case, spaces and dots.</summary>
    public static bool TryParse(string? text, out ClassificationLevel level)
    {
        level = ClassificationLevel.Ongerubriceerd;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = Normalise(text);
        if (key.Length == 1 && key[0] is >= '0' and <= '4')
        {
            level = (ClassificationLevel)(key[0] - '0');
            return true;
        }
        return Keys.TryGetValue(key, out level);
    }

    // Every spelling TryParse accepts, normalised once: a register page parses a badge per row. The first spelling wins
    // (names, then aliases), as the lists read in order did.
    private static readonly Dictionary<string, ClassificationLevel> Keys = BuildKeys();

    private static Dictionary<string, ClassificationLevel> BuildKeys()
    {
        var keys = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        foreach (var (l, name, abbreviation) in Names)
        {
            keys.TryAdd(Normalise(name), l);
            keys.TryAdd(Normalise(abbreviation), l);
            keys.TryAdd(Normalise(l.ToString()), l);
        }
        foreach (var (alias, l) in Aliases) keys.TryAdd(Normalise(alias), l);
        return keys;
    }

    private static string Normalise(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
