using System.Globalization;
using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using A = Baken.Methods.Signals;

namespace Baken.Application.Signals;

/// <summary>
/// Turns early-warning indicators into alerts: every escalation across a threshold (green → amber → red, by the
/// indicator's direction) and, where the indicator asks for it, every jump against the years before. Each alert is made
/// once (its code is the indicator, date and level), carries the indicator's classification and names its scenarios
/// (<see cref="IndicatorScenarios"/>: listed, tagged, by theme or by trend), so a likelihood review opens on the right ones.
/// </summary>
public sealed class EvaluateAlerts(IBakenDb db, ImportRecords import)
{
    /// <param name="since">Only crossings on or after this date become alerts (default: the whole history).</param>
    public async Task<Result<IReadOnlyList<Alert>>> HandleAsync(DateOnly? since = null, CancellationToken ct = default)
    {
        var indicators = await db.WarningIndicators.AsNoTracking().Where(i => i.Amber != null || i.Red != null).ToListAsync(ct);
        var codes = indicators.Select(i => i.Code).ToList();
        var observations = (await db.Observations.AsNoTracking().Where(o => codes.Contains(o.IndicatorCode)).ToListAsync(ct))
            .GroupBy(o => o.IndicatorCode).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Date).ToList());
        var rows = new List<ImportRow>();
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var scenarios = await IndicatorScenarios.ResolveAsync(db, indicators, ct);
        ImportRow Row(WarningIndicator indicator, DateOnly date, double value, string from, string to, string explanation) =>
            AlertRow(indicator, string.Join(";", compartments.Names(indicator.CompartmentMask)), string.Join(";", scenarios[indicator.Code]), date, value, from, to, explanation);
        foreach (var indicator in indicators)
        {
            if (!observations.TryGetValue(indicator.Code, out var points) || points.Count == 0) continue;
            var series = new IndicatorSeries(indicator.Code, points.DistinctBy(p => p.Date).Select(p => (p.Date, p.Value)).ToList());
            var thresholds = new Thresholds(indicator.Amber, indicator.Red, indicator.Direction);
            foreach (var c in ThresholdAlerts.Evaluate(series, thresholds).Where(c => c.IsEscalation && (since is null || c.Date >= since)))
                rows.Add(Row(indicator, c.Date, c.Value, c.From.ToString().ToLowerInvariant(), c.To.ToString().ToLowerInvariant(),
                    string.Create(CultureInfo.InvariantCulture, $"{indicator.Title}: {c.Value:G6} {indicator.Unit} on {c.Date:yyyy-MM-dd} crosses the {c.To.ToString().ToLowerInvariant()} threshold ({(c.To == AlertLevel.Red ? indicator.Red : indicator.Amber):G6}).")));
            // Jumps are judged per year (the UCDP series are yearly); other series have no jump rule.
            if (indicator.JumpFactor is { } factor && points.Select(p => p.Date.Year).Distinct().Count() == points.Count)
            {
                var settings = new EscalationSettings(factor, 3, indicator.Amber ?? 0, indicator.Red ?? double.MaxValue);
                foreach (var jump in Escalation.Detect(points.Select(p => (p.Date.Year, p.Value)).ToList(), settings)
                             .Where(j => j.Kind.HasFlag(EscalationKind.Jump)))
                {
                    var date = points.First(p => p.Date.Year == jump.Year).Date;
                    if (since is not null && date < since) continue;
                    rows.Add(Row(indicator, date, jump.Deaths, "baseline", "jump", string.Create(CultureInfo.InvariantCulture,
                        $"{indicator.Title}: {jump.Deaths:G6} {indicator.Unit} in {jump.Year} is {jump.Ratio:0.#} times the mean of the years before ({jump.Baseline:G6}).")));
                }
            }
        }
        var wanted = rows.Select(r => r.Values["code"]!).ToList();
        // Made once: an alert that exists at any level is not made again (and its existence is not told).
        var existing = (await db.Alerts.IgnoreQueryFilters().Where(a => wanted.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        rows = rows.Where(r => !existing.Contains(r.Values["code"]!)).DistinctBy(r => r.Values["code"]).ToList();
        if (rows.Count == 0) return Result<IReadOnlyList<Alert>>.Ok([]);
        var result = await import.HandleAsync(new ImportRecordsRequest("alert", rows), ct);
        if (!result.IsOk) return Result<IReadOnlyList<Alert>>.Invalid(result.Errors);
        var made = rows.Select(r => r.Values["code"]!).ToList();
        return Result<IReadOnlyList<Alert>>.Ok(await db.Alerts.AsNoTracking().Where(a => made.Contains(a.Code)).OrderBy(a => a.Date).ToListAsync(ct));
    }

    /// <summary>An alert inherits the indicator's classification and compartments: it says what the indicator says.</summary>
    private static ImportRow AlertRow(WarningIndicator indicator, string compartments, string scenarios, DateOnly date, double value, string from, string to, string explanation) =>
        new(0, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"ALERT-{indicator.Code}-{date:yyyyMMdd}-{to}",
            ["classification"] = indicator.ClassificationLevel.ToString(),
            ["compartments"] = compartments,
            ["indicator"] = indicator.Code,
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["value"] = value.ToString("R", CultureInfo.InvariantCulture),
            ["from_level"] = from,
            ["to_level"] = to,
            ["explanation"] = explanation,
            ["status"] = "open",
            ["scenarios"] = scenarios.Length == 0 ? null : scenarios,
        });
}
