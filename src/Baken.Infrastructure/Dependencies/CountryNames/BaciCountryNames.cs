namespace Baken.Infrastructure.Dependencies.CountryNames;

/// <summary>
/// A supplier as the trade screen recorded it (BACI's English short or full name) to its ISO 3166 alpha-3 code, so a page
/// can name the country in its reader's language. Read from a bundled list (baci-country-names.tsv: BACI's V202201
/// dictionary plus later spellings); a name it does not know, such as BACI's "Other Asia, nes", has no code.
/// </summary>
public static class BaciCountryNames
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Codes = new(Load);

    public static string? Iso3(string? name) => name is { Length: > 0 } n && Codes.Value.TryGetValue(n.Trim(), out var iso3) ? iso3 : null;

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(BaciCountryNames).Assembly.GetManifestResourceStream("Baken.Infrastructure.Dependencies.CountryNames.baci-country-names.tsv")
            ?? throw new InvalidOperationException("The bundled BACI country names are missing from the assembly.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (!line.StartsWith('#') && line.Split('\t') is [var name, var iso3]) codes[name] = iso3;
        return codes;
    }
}
