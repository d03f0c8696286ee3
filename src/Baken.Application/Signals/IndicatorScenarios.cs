using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>
/// The scenarios an early-warning indicator informs, so that its alerts open a likelihood review on the right scenarios:
/// the indicator's own list, its <c>scenario:</c> tags, the scenarios of its <c>theme:</c> tags, and the scenarios of the
/// trends it is tagged with (<c>trend:</c>). Only scenarios at or below the indicator's classification and within its
/// compartments count: an alert carries the indicator's marking, and a reference never points above its record.
/// Country and actor tags name no scenario: scenarios carry no country or actor.
/// </summary>
public static class IndicatorScenarios
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResolveAsync(IBakenDb db, IReadOnlyList<WarningIndicator> indicators, CancellationToken ct = default)
    {
        var parsed = indicators.ToDictionary(i => i.Code, i => (Explicit: i.Scenarios.Concat(SignalTags.Values(i.Tags, "scenario")).ToList(),
            Themes: SignalTags.Values(i.Tags, "theme").ToList(), Trends: SignalTags.Values(i.Tags, "trend").ToList()));
        var themes = parsed.Values.SelectMany(p => p.Themes).Distinct().ToList();
        var trendCodes = parsed.Values.SelectMany(p => p.Trends).Distinct().ToList();
        var trends = trendCodes.Count == 0 ? new Dictionary<string, List<string>>()
            : (await db.Trends.AsNoTracking().Where(t => trendCodes.Contains(t.Code)).Select(t => new { t.Code, t.Scenarios }).ToListAsync(ct))
                .ToDictionary(t => t.Code, t => t.Scenarios.ToList());
        var named = parsed.Values.SelectMany(p => p.Explicit).Concat(trends.Values.SelectMany(x => x)).Distinct().ToList();
        var scenarios = await db.Scenarios.AsNoTracking()
            .Where(s => named.Contains(s.Code) || (s.ThemeCode != null && themes.Contains(s.ThemeCode)))
            .Select(s => new { s.Code, s.ThemeCode, s.ClassificationLevel, s.CompartmentMask }).ToListAsync(ct);

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            var p = parsed[indicator.Code];
            var wanted = p.Explicit.Concat(p.Trends.SelectMany(t => trends.GetValueOrDefault(t) ?? [])).ToHashSet(StringComparer.Ordinal);
            result[indicator.Code] = scenarios
                .Where(s => wanted.Contains(s.Code) || (s.ThemeCode is { } theme && p.Themes.Contains(theme)))
                .Where(s => s.ClassificationLevel <= indicator.ClassificationLevel && (s.CompartmentMask & ~indicator.CompartmentMask) == 0)
                .Select(s => s.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        return result;
    }
}
