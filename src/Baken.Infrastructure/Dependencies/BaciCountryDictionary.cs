using System.Text;
using CsvHelper;

namespace Baken.Infrastructure.Dependencies;

/// <summary>A country of the BACI dictionary.</summary>
/// <param name="Code">BACI numeric code (mostly ISO 3166 numeric; a few are BACI's own, e.g. 251 France, 842 USA).</param>
/// <param name="Name">Short English name.</param>
/// <param name="Iso2">ISO alpha-2, or empty.</param>
/// <param name="Iso3">ISO alpha-3, or empty.</param>
public sealed record BaciCountry(int Code, string Name, string Iso2, string Iso3);

/// <summary>
/// The BACI country dictionary (country_codes_V*.csv). CEPII writes it in Latin-1; both the older columns
/// (country_code, country_name_abbreviation, iso_2digit_alpha, iso_3digit_alpha) and the newer ones (country_code,
/// country_name, country_iso2, country_iso3) are read.
/// </summary>
public sealed class BaciCountryDictionary
{
    private readonly Dictionary<int, BaciCountry> byCode;

    public BaciCountryDictionary(IEnumerable<BaciCountry> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        byCode = [];
        foreach (var country in countries)
            if (!byCode.TryAdd(country.Code, country))
                throw new ArgumentException($"Country code {country.Code} appears twice in the dictionary.", nameof(countries));
        Countries = byCode.Values.OrderBy(c => c.Code).ToList();
    }

    public IReadOnlyList<BaciCountry> Countries { get; }

    public BaciCountry? Find(int code) => byCode.GetValueOrDefault(code);

    /// <summary>
    /// The country with ISO alpha-3 <paramref name="iso3"/> (case-insensitive). Where BACI keeps a historic
    /// aggregate under the same ISO3 (58 Belgium-Luxembourg next to 56 Belgium), the lowest code, the current
    /// country, wins.
    /// </summary>
    public BaciCountry? FindByIso3(string iso3) =>
        Countries.FirstOrDefault(c => string.Equals(c.Iso3, iso3, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a dictionary file (Latin-1).</summary>
    /// <exception cref="BaciFormatException">Missing file, missing column or bad code.</exception>
    public static BaciCountryDictionary Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new BaciFormatException(path, "file not found.");
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            Encoding = Encoding.Latin1,
        };
        var countries = new List<BaciCountry>();
        var codes = new HashSet<int>();
        try
        {
            using var reader = CsvReader.FromFile(path, options);
            var headers = reader.Headers;
            if (headers.Count == 0)
                throw new BaciFormatException(path, "the file is empty; expected a header with country_code.");
            var code = Column(path, headers, "country_code");
            var name = Column(path, headers, "country_name_abbreviation", "country_name");
            var iso2 = Column(path, headers, "iso_2digit_alpha", "country_iso2");
            var iso3 = Column(path, headers, "iso_3digit_alpha", "country_iso3");
            while (reader.Read())
            {
                var codeText = reader.GetString(code);
                if (!int.TryParse(codeText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value is < 0 or > 999)
                    throw new BaciFormatException(path,
                        $"line {reader.LineNumber}, column 'country_code': '{codeText}' is not a code in [0, 999].");
                if (!codes.Add(value))
                    throw new BaciFormatException(path, $"line {reader.LineNumber}, column 'country_code': {value} appears twice.");
                countries.Add(new BaciCountry(value, reader.GetString(name), reader.GetString(iso2), reader.GetString(iso3)));
            }
        }
        catch (CsvFormatException e)
        {
            throw new BaciFormatException(path, $"malformed CSV ({e.Message}).", e);
        }
        return new BaciCountryDictionary(countries);
    }

    private static int Column(string path, IReadOnlyList<string> headers, params string[] names)
    {
        foreach (var name in names)
            for (var i = 0; i < headers.Count; i++)
                if (string.Equals(headers[i].Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new BaciFormatException(path,
            $"the header lacks column '{string.Join("' or '", names)}' (found: {string.Join(",", headers)}).");
    }
}
