using Baken.Domain.Security;

namespace Baken.Infrastructure.Reports.Documents;

/// <summary>What a redacted document says about what it left out: counts per level, never titles.</summary>
public static class WithheldNotice
{
    /// <summary>"3 items (Staatsgeheim Geheim: 2, Departementaal Vertrouwelijk: 1)".</summary>
    public static string Counts(IReadOnlyDictionary<ClassificationLevel, int> withheld) =>
        $"{withheld.Values.Sum()} items (" + string.Join(", ", withheld.OrderByDescending(w => w.Key).Select(w => $"{w.Key.DisplayName()}: {w.Value}")) + ")";

    /// <summary>The notice for a document, or null when nothing was left out.</summary>
    public static Notice? For(IReadOnlyDictionary<ClassificationLevel, int> withheld, bool nl) =>
        withheld.Values.Sum() == 0 ? null : new Notice((nl ? "Niet opgenomen in deze versie: " : "Withheld from this version: ") + Counts(withheld));
}
