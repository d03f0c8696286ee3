namespace Baken.Domain.Catalogue;

/// <summary>
/// The units of the catalogue's impact scales are written in English in the catalogue (deaths, people×days, km²×years,
/// EUR, ladder). Dutch text shows them in Dutch: each factor of a product unit is translated on its own, so a unit the
/// catalogue adds later still reads sensibly (an unknown factor stays as written).
/// </summary>
public static class ScaleUnit
{
    private static readonly Dictionary<string, string> DutchFactors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deaths"] = "doden",
        ["death"] = "dode",
        ["people"] = "personen",
        ["persons"] = "personen",
        ["seriously injured"] = "ernstig gewonden",
        ["injured"] = "gewonden",
        ["days"] = "dagen",
        ["day"] = "dag",
        ["years"] = "jaar",
        ["year"] = "jaar",
        ["hours"] = "uur",
        ["households"] = "huishoudens",
        ["ladder"] = "ladder",
    };

    /// <summary>The unit as shown in the language ("nl" or "en"); null or empty stays empty.</summary>
    public static string Display(string? unit, string language)
    {
        if (string.IsNullOrWhiteSpace(unit)) return string.Empty;
        if (!string.Equals(language, "nl", StringComparison.OrdinalIgnoreCase)) return unit;
        return string.Join("×", unit.Split('×').Select(f => DutchFactors.TryGetValue(f.Trim(), out var nl) ? nl : f.Trim()));
    }
}
