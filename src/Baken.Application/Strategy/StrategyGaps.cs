using Baken.Methods.Strategy;
using Baken.Domain;
using Baken.Domain.Councils;
using Baken.Domain.Strategy;
using A = Baken.Methods.Strategy;

namespace Baken.Application.Strategy;

/// <summary>
/// The gap analysis (METHODS §6) on a strategy snapshot: high-ranked scenarios nobody addresses, goals without owner,
/// measure or indicator, indicators without a recent value, overdue milestones and overdue council actions.
/// Computed only from what the snapshot holds, so a public report's gaps never name a withheld record.
/// </summary>
public static class StrategyGaps
{
    public static GapReport Find(StrategySnapshot s, DateOnly today, GapSettings? settings = null)
    {
        var scenarios = s.RankedScenarios.Select(r => new RankedScenario(r.Id, r.Title, r.Rank)).ToList();
        // A link to a record the reader may not see is named "withheld" in a gap's explanation, never by its code.
        List<string> Shown(string kind, IEnumerable<string> codes) => codes.Select(c => s.Shown(kind, c)).Distinct().ToList();
        var goals = s.Goals.Select(g => new GoalInfo(g.Code, g.Title, g.OwnerCode, Shown("scenario", g.Scenarios.Distinct()), Shown("measure", g.Measures.Distinct()))).ToList();
        var measures = s.Measures.Select(m => new MeasureInfo(m.Code, m.Title, m.OwnerCode, (MeasureProgress)(int)m.Status,
            Shown("scenario", m.Effects.Select(e => e.Scenario)), m.Due)).ToList();
        var indicators = s.Indicators.Select(i =>
        {
            var last = s.LatestValue(i.Code);
            return new IndicatorInfo(i.Code, i.Title, s.Shown("goal", i.GoalCode), i.Baseline, i.Target, i.Direction, i.Deadline,
                last?.Date, last?.Value, i.UpdateIntervalDays);
        }).ToList();
        var actions = s.Actions.Where(a => a.Status != ActionStatus.Cancelled)
            .Select(a => new FollowUpInfo(a.Code, a.Title, a.Owner, a.Deadline, a.Status == ActionStatus.Done, s.ActionCouncils.GetValueOrDefault(a.Code))).ToList();
        return GapAnalysis.Find(scenarios, goals, measures, indicators, actions, today, settings ?? new GapSettings());
    }

    /// <summary>
    /// The gaps of a redacted version: found on the caller's full snapshot (a goal whose measures are withheld has no
    /// gap on the full data and must not get one in the public version), then only those about a record the audience
    /// sees; the rest is one withheld total.
    /// </summary>
    public static (GapReport Gaps, int Withheld) ForAudience(StrategySnapshot full, StrategySnapshot shown, DateOnly today, GapSettings? settings = null)
    {
        var all = Find(full, today, settings);
        if (shown.Audience == Domain.Security.Audience.Caller) return (all, 0);
        var visible = new HashSet<(GapSubject, string)>(
            shown.RankedScenarios.Select(r => (GapSubject.Scenario, r.Id))
                .Concat(shown.Goals.Select(g => (GapSubject.Goal, g.Code)))
                .Concat(shown.Measures.Select(m => (GapSubject.Measure, m.Code)))
                .Concat(shown.Indicators.Select(i => (GapSubject.Indicator, i.Code)))
                .Concat(shown.Actions.Select(a => (GapSubject.FollowUpAction, a.Code))));
        // A dangling link's explanation names the codes it links to; it may only stand when the audience sees the holder.
        var kept = all.Gaps.Where(g => visible.Contains((g.Subject, g.SubjectCode))).Select(g => NamedFor(g, shown)).ToList();
        return (new GapReport(all.Today, kept), all.Gaps.Count - kept.Count);
    }

    /// <summary>
    /// A kept gap may still name linked records the caller sees and the audience does not (a goal's stopped measures, a
    /// link to a scenario outside the analysis): those names read "withheld" in its facts and its explanation.
    /// </summary>
    private static Gap NamedFor(Gap gap, StrategySnapshot shown)
    {
        var kind = gap.Message?.Key switch
        {
            "goal.nomeasure.stopped" or "goal.measure.dangling" => "measure",
            "goal.scenario.dangling" or "measure.scenario.dangling" => "scenario",
            "indicator.goal.dangling" => "goal",
            _ => null,
        };
        if (kind is null || gap.Message!.Arguments is not [string named, ..]) return gap;
        // The stopped measures come as one list "M-1, M-2"; a dangling link names one code.
        var shownNames = string.Join(", ", named.Split(", ").Select(c => shown.Shown(kind, c)).Distinct());
        if (shownNames == named) return gap;
        return gap with
        {
            Explanation = gap.Explanation.Replace(named, shownNames, StringComparison.Ordinal),
            Message = gap.Message with { Arguments = [shownNames, .. gap.Message.Arguments.Skip(1)] },
        };
    }
}
