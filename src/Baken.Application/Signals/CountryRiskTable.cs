using System.Text.Json.Nodes;
using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <param name="InformRisk">The latest INFORM Risk kept (`baken inform import`), its release year and the previous release's value.</param>
/// <param name="BattleDeaths">The latest UCDP battle-related deaths kept (`baken ucdp import`) and its year.</param>
public sealed record CountryRiskRow(string Iso3, string Name, string Region, double? InformRisk, int? InformYear, double? PreviousInformRisk,
    double? BattleDeaths, int? DeathsYear)
{
    public double? Change => InformRisk is { } now && PreviousInformRisk is { } before ? now - before : null;

    /// <summary>INFORM's classes: very high ≥ 6.5, high ≥ 5, medium ≥ 3.5, low ≥ 2, very low below.</summary>
    public string? InformClass => InformRisk switch
    {
        null => null, >= 6.5 => "very high", >= 5 => "high", >= 3.5 => "medium", >= 2 => "low", _ => "very low",
    };
}

/// <summary>
/// The countries around Europe and the Kingdom's Caribbean neighbours (the catalogue's country table) ranked by their
/// INFORM Risk, with the change since the previous release and the latest battle deaths: the early-warning view of
/// the country risk index.
/// </summary>
public sealed class CountryRiskTable(IBakenDb db)
{
    public async Task<IReadOnlyList<CountryRiskRow>> HandleAsync(string? region = null, CancellationToken ct = default)
    {
        var countries = (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "ucdp_countries").ToListAsync(ct))
            .Select(e => (Entry: e, A: JsonNode.Parse(e.AttributesJson) as JsonObject ?? []))
            .Select(x => (Iso3: (string?)x.A["iso3"] ?? x.Entry.Code[(x.Entry.Code.IndexOf('.') + 1)..], Name: x.Entry.NameEn.Length > 0 ? x.Entry.NameEn : x.Entry.Name,
                Region: (string?)x.A["region"] ?? "other"))
            .Where(c => region is null || c.Region == region).ToList();
        var codes = countries.SelectMany(c => new[] { $"INFORM-{c.Iso3}", $"UCDP-{c.Iso3}" }).ToList();
        var series = (await db.Observations.AsNoTracking().Where(o => codes.Contains(o.IndicatorCode)).ToListAsync(ct))
            .GroupBy(o => o.IndicatorCode).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Date).ToList());
        return countries.Select(c =>
        {
            var inform = series.GetValueOrDefault($"INFORM-{c.Iso3}") ?? [];
            var deaths = series.GetValueOrDefault($"UCDP-{c.Iso3}") ?? [];
            return new CountryRiskRow(c.Iso3, c.Name, c.Region, inform.FirstOrDefault()?.Value, inform.FirstOrDefault()?.Date.Year, inform.Skip(1).FirstOrDefault()?.Value,
                deaths.FirstOrDefault()?.Value, deaths.FirstOrDefault()?.Date.Year);
        }).OrderByDescending(r => r.InformRisk ?? -1).ThenByDescending(r => r.BattleDeaths ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}
