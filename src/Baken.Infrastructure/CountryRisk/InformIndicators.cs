using System.Globalization;
using Baken.Application.Register;

namespace Baken.Infrastructure.CountryRisk;

/// <summary>
/// A recomputed INFORM release as early-warning series: one indicator per country (`INFORM-{ISO3}`, the INFORM Risk
/// 0–10, amber at 5.0 'high' and red at 6.5 'very high', INFORM's own class bounds) and one value per release, so the
/// releases together give each country's trend and a country moving into a higher class raises an alert.
/// </summary>
public static class InformIndicators
{
    public static (IReadOnlyList<ImportRow> Indicators, IReadOnlyList<ImportRow> Observations) Rows(InformComputeResult result, int releaseYear, string source)
    {
        var indicators = new List<ImportRow>();
        var observations = new List<ImportRow>();
        foreach (var c in result.Countries.Where(c => c.Risk is not null))
        {
            var code = $"INFORM-{c.Iso3}";
            indicators.Add(new ImportRow(indicators.Count + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["code"] = code, ["classification"] = "Ongerubriceerd", ["publishable"] = "true", ["provenance"] = source,
                ["title"] = $"INFORM Risk, {c.Country}", ["unit"] = "index 0–10", ["direction"] = "rising",
                ["amber"] = "5", ["red"] = "6.5", ["tags"] = $"country:{c.Iso3}", ["source"] = "INFORM (recomputed)",
            }));
            observations.Add(new ImportRow(observations.Count + 1, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["code"] = $"{code}-{releaseYear}", ["classification"] = "Ongerubriceerd", ["publishable"] = "true", ["provenance"] = source,
                ["indicator"] = code, ["date"] = $"{releaseYear}-01-01", ["value"] = Math.Round(c.Risk!.Value, 2).ToString("R", CultureInfo.InvariantCulture),
            }));
        }
        return (indicators, observations);
    }
}
