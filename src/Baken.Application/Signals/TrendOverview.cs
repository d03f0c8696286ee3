using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>An open alert on one of a trend's scenarios (or on an indicator tagged with the trend).</summary>
public sealed record TrendAlert(string Code, DateOnly Date, string Indicator, string ToLevel, IReadOnlyList<string> Scenarios);

/// <summary>One trend or driver as the trends page shows it: what it is, how far ahead, where it is going, what shows it and what it drives.</summary>
public sealed record TrendView(
    string Code, string Name, string? NameEn, string? Summary, int? HorizonYears, string? Direction, string? Confidence,
    IReadOnlyList<string> Scenarios, int SignalCount, DateOnly? LatestSignal, IReadOnlyList<TrendAlert> OpenAlerts);

/// <summary>
/// The trends page (issue 20): every trend and driver the reader may see, with the signals tagged with it (counted within
/// the reader's clearance), the scenarios it drives and the open alerts on those scenarios — so early warning is read
/// against the long lines, and a trend whose scenarios are alerting stands out. Trends with open alerts come first.
/// </summary>
public sealed class TrendOverview(IBakenDb db)
{
    public async Task<IReadOnlyList<TrendView>> HandleAsync(CancellationToken ct = default)
    {
        var trends = await db.Trends.AsNoTracking().ToListAsync(ct);
        if (trends.Count == 0) return [];
        var tagged = (await db.Signals.AsNoTracking().Where(s => s.Tags != null && s.Tags.Contains("trend:") && s.Status != SignalStatus.Rejected)
                .Select(s => new { s.Tags, s.Date }).ToListAsync(ct))
            .SelectMany(s => SignalTags.Values(s.Tags, "trend").Select(t => (Trend: t, s.Date)))
            .GroupBy(x => x.Trend, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => (Count: g.Count(), Latest: g.Max(x => x.Date)), StringComparer.OrdinalIgnoreCase);
        var indicatorTrends = (await db.WarningIndicators.AsNoTracking().Where(i => i.Tags != null && i.Tags.Contains("trend:")).Select(i => new { i.Code, i.Tags }).ToListAsync(ct))
            .ToDictionary(i => i.Code, i => SignalTags.Values(i.Tags, "trend").ToHashSet(StringComparer.OrdinalIgnoreCase));
        var alerts = (await db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Closed).OrderByDescending(a => a.Date).ToListAsync(ct))
            .Select(a => new TrendAlert(a.Code, a.Date, a.IndicatorCode, a.ToLevel, a.Scenarios.ToList())).ToList();

        return trends.Select(t =>
            {
                var scenarios = t.Scenarios.ToList();
                var open = alerts.Where(a => a.Scenarios.Intersect(scenarios, StringComparer.Ordinal).Any()
                    || (indicatorTrends.TryGetValue(a.Indicator, out var ts) && ts.Contains(t.Code))).ToList();
                var signals = tagged.GetValueOrDefault(t.Code);
                return new TrendView(t.Code, t.Name, t.NameEn, t.Summary, t.HorizonYears, t.Direction, t.Confidence, scenarios,
                    signals.Count, signals.Count == 0 ? null : signals.Latest, open);
            })
            .OrderByDescending(v => v.OpenAlerts.Count).ThenByDescending(v => v.SignalCount).ThenBy(v => v.Code, StringComparer.Ordinal).ToList();
    }
}
