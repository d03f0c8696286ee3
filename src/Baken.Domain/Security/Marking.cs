namespace Baken.Domain.Security;

/// <summary>
/// The marking a product carries (METHODS §10): the level and the compartments of everything that went in, written in
/// one format, level first and compartments after a double slash: <c>STG. GEHEIM // NUC, CYB</c>, or
/// <c>ONGERUBRICEERD</c> without compartments. Compute the high-water mark on <see cref="Classification"/>
/// (<see cref="Classification.Highest"/>) and turn it into a marking with the compartment codes, in their definition order.
/// </summary>
public sealed class Marking : IEquatable<Marking>
{
    private const string Separator = " // ";

    private static readonly string[] LevelTexts = ["ONGERUBRICEERD", "DEP. VERTROUWELIJK", "STG. CONFIDENTIEEL", "STG. GEHEIM", "STG. ZEER GEHEIM"];

    public Marking(ClassificationLevel level, IEnumerable<string>? compartments = null)
    {
        if (!Enum.IsDefined(level)) throw new DomainValidationException("level", level.ToString(), ClassificationLevels.Rule);
        Level = level;
        var codes = new List<string>();
        foreach (var code in compartments ?? [])
        {
            var c = code.Trim().ToUpperInvariant();
            if (c.Length > 0 && !codes.Contains(c, StringComparer.Ordinal)) codes.Add(c);
        }
        Compartments = codes.AsReadOnly();
        Text = LevelText(level) + (codes.Count == 0 ? "" : Separator + string.Join(", ", codes));
    }

    public static Marking Unclassified { get; } = new(ClassificationLevel.Ongerubriceerd);

    public ClassificationLevel Level { get; }

    /// <summary>Compartment codes in upper case, each once, in the order given (the directory's definition order).</summary>
    public IReadOnlyList<string> Compartments { get; }

    /// <summary>The marking line, e.g. <c>STG. GEHEIM // NUC, CYB</c>.</summary>
    public string Text { get; }

    /// <summary>The level as written in a marking line, e.g. <c>STG. GEHEIM</c>.</summary>
    public static string LevelText(ClassificationLevel level) => LevelTexts[(int)level];

    /// <summary>
    /// Reads a marking line (<c>STG. GEHEIM // NUC, CYB</c>); the level may be written in any form
    /// <see cref="ClassificationLevels.TryParse"/> reads, compartments separated by commas or semicolons.
    /// </summary>
    public static bool TryParse(string? text, out Marking marking)
    {
        marking = Unclassified;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Split("//", 2);
        if (!ClassificationLevels.TryParse(parts[0], out var level)) return false;
        var codes = parts.Length == 2 ? parts[1].Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (codes.Any(c => !RecordCode.IsValid(c))) return false;
        marking = new Marking(level, codes);
        return true;
    }

    /// <summary>True when this marking is at least <paramref name="other"/>: level not lower, every compartment kept.</summary>
    public bool Covers(Marking other) =>
        Level >= other.Level && other.Compartments.All(c => Compartments.Contains(c, StringComparer.Ordinal));

    public override string ToString() => Text;

    public bool Equals(Marking? other) => other is not null && Level == other.Level &&
        Compartments.Order(StringComparer.Ordinal).SequenceEqual(other.Compartments.Order(StringComparer.Ordinal));

    public override bool Equals(object? obj) => obj is Marking m && Equals(m);

    public override int GetHashCode() => HashCode.Combine(Level, string.Join(",", Compartments.Order(StringComparer.Ordinal)));
}
