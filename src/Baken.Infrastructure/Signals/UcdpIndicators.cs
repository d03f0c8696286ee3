using System.Globalization;
using Baken.Application.Register;

namespace Baken.Infrastructure.Signals;

/// <summary>
/// The UCDP battle-death series as ready-made early-warning indicators, one per country of the country table
/// (around Europe and the Kingdom's Caribbean neighbours): amber at 25 deaths a year (UCDP's armed-conflict threshold),
/// red at 1,000 (war), and a jump alert when deaths at least double against the three years before.
/// </summary>
public static class UcdpIndicators
{
    public static (IReadOnlyList<ImportRow> Indicators, IReadOnlyList<ImportRow> Observations) Rows(
        IReadOnlyList<CountryYearDeaths> rows, IReadOnlyList<UcdpCountry> countries, string source)
    {
        var indicators = new List<ImportRow>();
        var observations = new List<ImportRow>();
        foreach (var country in countries.Where(c => c.Region is "around-europe" or "caribbean"))
        {
            var series = rows.Where(r => r.GwCode == country.GwCode).OrderBy(r => r.Year).ToList();
            if (series.Count == 0) continue;
            var code = $"UCDP-{country.Iso3}";
            indicators.Add(new ImportRow(indicators.Count + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["code"] = code, ["classification"] = "Ongerubriceerd", ["publishable"] = "true", ["provenance"] = source,
                ["title"] = $"Battle-related deaths, {country.Name}", ["unit"] = "deaths/year", ["direction"] = "rising",
                ["amber"] = "25", ["red"] = "1000", ["jump_factor"] = "2", ["tags"] = $"country:{country.Iso3}", ["source"] = "UCDP/PRIO (best estimate)",
            }));
            foreach (var r in series)
                observations.Add(new ImportRow(observations.Count + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["code"] = $"{code}-{r.Year}", ["classification"] = "Ongerubriceerd", ["publishable"] = "true",
                    ["indicator"] = code, ["date"] = $"{r.Year}-12-31", ["value"] = r.Best.ToString("R", CultureInfo.InvariantCulture),
                }));
        }
        return (indicators, observations);
    }
}
