using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Baken.Infrastructure.Signals;

/// <summary>
/// State-based battle-related deaths located in one country in one year (UCDP GED from 1989, PRIO Battle-deaths 3.1
/// before), as low / best / high estimates in persons. GwCode is the (modified cShapes 2.0) Gleditsch–Ward code.
/// </summary>
public sealed record CountryYearDeaths(int GwCode, string Country, int Year, double Low, double Best, double High);

/// <summary>A country on Baken's watch list: Gleditsch–Ward code as in the UCDP file, ISO 3166-1 alpha-3, region.</summary>
public sealed record UcdpCountry(int GwCode, string Iso3, string Name, string UcdpName, string Region);

/// <summary>The file's shape is wrong: which line and column, what was found.</summary>
public sealed class UcdpFormatException(string message) : Exception(message);

/// <summary>Reads the UCDP/PRIO country-year battle-death file (data/ucdp/ucdpbrds_country_year_1946_2022.csv) and the watch list.</summary>
public static class UcdpReader
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["gwcode", "country_name", "year", "low", "best", "high"];

    /// <summary>
    /// Every row of the country-year file (quoted CSV with a header naming at least <see cref="RequiredColumns"/>),
    /// in file order. Throws <see cref="UcdpFormatException"/> naming the line and column of the first bad value.
    /// </summary>
    public static IReadOnlyList<CountryYearDeaths> ReadCountryYears(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"UCDP country-year file '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        return ReadCountryYears(stream, path);
    }

    public static IReadOnlyList<CountryYearDeaths> ReadCountryYears(Stream stream, string name = "UCDP file")
    {
        // The CSV library's own errors (an unclosed quote, say) are bad input too, reported like every other.
        try { return ReadRows(stream, name); }
        catch (CsvFormatException e) { throw new UcdpFormatException($"{name}: {e.Message}"); }
    }

    private static IReadOnlyList<CountryYearDeaths> ReadRows(Stream stream, string name)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var csv = CsvReader.Create(stream, options, true);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
            throw new UcdpFormatException($"{name}: the header lacks column(s) {string.Join(", ", missing)}; it needs {string.Join(", ", RequiredColumns)}.");
        int Col(string c) => header.IndexOf(c);
        var (gw, country, year, low, best, high) = (Col("gwcode"), Col("country_name"), Col("year"), Col("low"), Col("best"), Col("high"));
        var rows = new List<CountryYearDeaths>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount != header.Count)
                throw new UcdpFormatException($"{name} line {line}: {csv.FieldCount} cells; the header has {header.Count}.");
            rows.Add(new CountryYearDeaths(
                Int(csv.GetString(gw), line, "gwcode"),
                csv.GetString(country),
                Int(csv.GetString(year), line, "year"),
                Deaths(csv.GetString(low), line, "low"),
                Deaths(csv.GetString(best), line, "best"),
                Deaths(csv.GetString(high), line, "high")));
        }
        return rows;

        int Int(string text, long line, string column) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new UcdpFormatException($"{name} line {line}, column {column}: '{text}' is not a whole number.");

        double Deaths(string text, long line, string column) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0
                ? v
                : throw new UcdpFormatException($"{name} line {line}, column {column}: '{text}' is not a number of deaths ≥ 0.");
    }

    /// <summary>The (year, best estimate) series of one country, in year order, as <c>Escalation.Detect</c> takes it.</summary>
    public static IReadOnlyList<(int Year, double Deaths)> BestSeries(IEnumerable<CountryYearDeaths> rows, int gwCode) =>
        rows.Where(r => r.GwCode == gwCode).OrderBy(r => r.Year).Select(r => (r.Year, r.Best)).ToArray();

    /// <summary>
    /// The watch list from the catalogue file ucdp_countries.json ({ "kind", "description", "items": [ { gwcode, iso3,
    /// name, ucdp_name, region } ] }). Throws <see cref="UcdpFormatException"/> naming the item that is incomplete.
    /// </summary>
    public static IReadOnlyList<UcdpCountry> ReadCountries(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (root?["items"] is not JsonArray items)
            throw new UcdpFormatException($"{path}: expected an object with an \"items\" array.");
        var list = new List<UcdpCountry>();
        var n = 0;
        foreach (var item in items)
        {
            n++;
            if (item is not JsonObject o
                || o["gwcode"] is not JsonValue gwValue || !gwValue.TryGetValue<int>(out var gwCode)
                || o["iso3"] is not JsonValue isoValue || !isoValue.TryGetValue<string>(out var iso3) || iso3.Length != 3
                || o["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var countryName))
                throw new UcdpFormatException($"{path} item {n}: needs gwcode (a whole number), iso3 (three letters), name and region.");
            var region = o["region"] is JsonValue r && r.TryGetValue<string>(out var rs) ? rs : null;
            if (region is not ("around-europe" or "caribbean" or "other"))
                throw new UcdpFormatException($"{path} item {n}: region '{region}' is not one of around-europe, caribbean, other.");
            var ucdpName = o["ucdp_name"] is JsonValue u && u.TryGetValue<string>(out var us) ? us : countryName;
            list.Add(new UcdpCountry(gwCode, iso3, countryName, ucdpName, region));
        }
        return list;
    }
}
