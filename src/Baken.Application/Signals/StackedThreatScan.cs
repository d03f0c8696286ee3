using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using A = Baken.Methods.Signals;

namespace Baken.Application.Signals;

/// <summary>
/// Stacked threats (METHODS §2) over what the reader may see: signals that were not rejected, merged or marked as a likely duplicate, weighted by
/// their Admiralty grades (an indicative table), and early-warning indicators that moved towards their amber threshold
/// without reaching it, each such move weighing <see cref="IndicatorMoveWeight"/>. A finding names the target
/// (interest, vital process, sector or actor) and every part that made it.
/// </summary>
/// <summary>A finding with its marking: the high-water mark of the signals, indicators and observations it was built from.</summary>
public sealed record MarkedFinding(StackedThreatFinding Finding, Classification Classification, Marking Marking);

public sealed class StackedThreatScan(IBakenDb db)
{
    /// <summary>The weight of one sub-threshold indicator move: below a single alarm, so only several together stack (indicative).</summary>
    public const double IndicatorMoveWeight = 0.3;

    public async Task<IReadOnlyList<StackedThreatFinding>> HandleAsync(DateOnly asOf, StackSettings? settings = null, CancellationToken ct = default) =>
        (await HandleMarkedAsync(asOf, settings, ct)).Select(f => f.Finding).ToList();

    /// <summary>
    /// The findings, each with its marking. Whatever is made from a finding (a scenario, an agenda item) must carry at
    /// least this marking: promotion never lowers it.
    /// </summary>
    public async Task<IReadOnlyList<MarkedFinding>> HandleMarkedAsync(DateOnly asOf, StackSettings? settings = null, CancellationToken ct = default)
    {
        var marks = new Dictionary<string, List<Classification>>(StringComparer.Ordinal);
        void Mark(string source, Classification c)
        {
            if (!marks.TryGetValue(source, out var list)) marks[source] = list = [];
            list.Add(c);
        }
        settings ??= StackSettings.Default;
        var from = settings.WindowStart(asOf);
        var events = new List<PressureEvent>();
        foreach (var s in await db.Signals.AsNoTracking()
                     // A likely duplicate repeats an event already counted, unless an analyst accepted it as news of its own.
                     .Where(s => s.Date >= from && s.Date <= asOf && s.Tags != null
                                 && ((s.Status == SignalStatus.New && s.DuplicateOf == null) || s.Status == SignalStatus.Accepted)).ToListAsync(ct))
        {
            var weight = SourceGrades.Weight(s.Reliability is { Length: 1 } r ? r[0] : 'F', s.Credibility is { Length: 1 } c ? c[0] : '6');
            var item = new SignalItem(s.Code, s.Date, s.Title, s.Summary, s.Url, s.Source ?? s.Code, Register.RecordFieldBuilder<Record>.SplitCodes(s.Tags).ToList());
            if (PressureEvent.FromSignal(item, weight) is { } e) { events.Add(e); Mark(e.SourceId, s.Classification); }
        }

        var indicators = await db.WarningIndicators.AsNoTracking().Where(i => i.Tags != null && (i.Amber != null || i.Red != null)).ToListAsync(ct);
        var codes = indicators.Select(i => i.Code).ToList();
        var observations = (await db.Observations.AsNoTracking().Where(o => codes.Contains(o.IndicatorCode) && o.Date <= asOf).ToListAsync(ct))
            .GroupBy(o => o.IndicatorCode).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Date).ToList());
        foreach (var indicator in indicators)
        {
            var targets = Register.RecordFieldBuilder<Record>.SplitCodes(indicator.Tags)
                .Where(t => PressureEvent.TargetKinds.Contains(t[..t.IndexOf(':')])).ToList();
            if (targets.Count == 0 || !observations.TryGetValue(indicator.Code, out var points)) continue;
            var thresholds = new Thresholds(indicator.Amber, indicator.Red, indicator.Direction);
            for (var k = 1; k < points.Count; k++)
            {
                if (points[k].Date < from) continue;
                var towards = indicator.Direction == A.ThresholdDirection.Rising ? points[k].Value > points[k - 1].Value : points[k].Value < points[k - 1].Value;
                if (towards && thresholds.LevelOf(points[k].Value) == AlertLevel.Green)
                {
                    events.Add(new PressureEvent(indicator.Code, points[k].Date, targets, IndicatorMoveWeight, subThreshold: true));
                    Mark(indicator.Code, indicator.Classification);
                    Mark(indicator.Code, points[k].Classification);
                    Mark(indicator.Code, points[k - 1].Classification);
                }
            }
        }
        var directory = await Register.CompartmentDirectory.LoadAsync(db, ct);
        return StackedThreats.Find(events, settings, asOf).Select(f =>
        {
            var c = Classification.Highest(f.Parts.SelectMany(p => marks.GetValueOrDefault(p.SourceId) ?? []));
            return new MarkedFinding(f, c, directory.Marking(c));
        }).ToList();
    }
}
