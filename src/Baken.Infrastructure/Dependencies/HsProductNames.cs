using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Baken.Infrastructure.Dependencies;

/// <summary>The HS editions whose product names Baken ships (BACI trade files come in one edition each).</summary>
public enum HsNomenclature
{
    /// <summary>HS 1992 (BACI "HS92" files: the longest series).</summary>
    Hs92,

    /// <summary>HS 2017 (BACI "HS17" files).</summary>
    Hs17,
}

/// <summary>
/// English names of HS 6-digit products, from CEPII's BACI product dictionaries shipped inside the program
/// (Dependencies/ProductNames: HS92 V202301 and HS17 V202201; Etalab 2.0, cite CEPII/BACI). No Dutch source exists, so
/// the names are English everywhere. A code missing from the asked edition is looked up in the other one (most codes
/// and names coincide), so a product is never shown without a name when either edition knows it.
/// </summary>
public sealed class HsProductNames
{
    private static readonly Lazy<HsProductNames> BundledNames = new(() => new HsProductNames(
        Load("hs92.tsv.gz"), Load("hs17.tsv.gz")));

    private readonly IReadOnlyDictionary<int, string> hs92;
    private readonly IReadOnlyDictionary<int, string> hs17;

    private HsProductNames(IReadOnlyDictionary<int, string> hs92, IReadOnlyDictionary<int, string> hs17)
    {
        this.hs92 = hs92;
        this.hs17 = hs17;
    }

    /// <summary>The names shipped with the program.</summary>
    public static HsProductNames Bundled => BundledNames.Value;

    public int Count(HsNomenclature edition) => (edition == HsNomenclature.Hs92 ? hs92 : hs17).Count;

    /// <summary>The English name of <paramref name="hs6"/> in <paramref name="edition"/>, else in the other edition; null when neither knows it.</summary>
    public string? Name(int hs6, HsNomenclature edition = HsNomenclature.Hs17)
    {
        var (first, second) = edition == HsNomenclature.Hs92 ? (hs92, hs17) : (hs17, hs92);
        return first.GetValueOrDefault(hs6) ?? second.GetValueOrDefault(hs6);
    }

    /// <summary>The edition a BACI file name states ("BACI_HS92_Y2021_V202301.csv"); null when it names none.</summary>
    public static HsNomenclature? EditionOf(string path)
    {
        var name = Path.GetFileName(path).ToUpperInvariant();
        if (name.Contains("HS92", StringComparison.Ordinal) || name.Contains("HS1992", StringComparison.Ordinal)) return HsNomenclature.Hs92;
        if (name.Contains("HS17", StringComparison.Ordinal) || name.Contains("HS2017", StringComparison.Ordinal)) return HsNomenclature.Hs17;
        return null;
    }

    private static Dictionary<int, string> Load(string file)
    {
        var assembly = typeof(HsProductNames).Assembly;
        var resource = $"{typeof(HsProductNames).Namespace}.ProductNames.{file}";
        using var stream = assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"The program lacks its product-name list '{resource}': the build is broken.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var names = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab == 6 && int.TryParse(line.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var code)) names[code] = line[(tab + 1)..];
        }
        return names;
    }
}
