using Baken.Analysis.Strategy;
using Baken.Domain;
using Baken.Domain.Councils;
using Baken.Domain.Strategy;
using A = Baken.Analysis.Strategy;

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
        var goals = s.Goals.Select(g => new GoalInfo(g.Code, g.Title, g.OwnerCode, Codes(g.Scenarios), Codes(g.Measures))).ToList();
        var measures = s.Measures.Select(m => new MeasureInfo(m.Code, m.Title, m.OwnerCode, (MeasureProgress)(int)m.Status,
            MeasureEffectText.ScenarioCodes(m.Effects).Distinct().ToList(), m.Due)).ToList();
        var indicators = s.Indicators.Select(i =>
        {
            var last = s.LatestValue(i.Code);
            return new IndicatorInfo(i.Code, i.Title, i.GoalCode, i.Baseline, i.Target, (A.IndicatorDirection)(int)i.Direction, i.Deadline,
                last?.Date, last?.Value, i.UpdateIntervalDays);
        }).ToList();
        var actions = s.Actions.Where(a => a.Status != ActionStatus.Cancelled)
            .Select(a => new FollowUpInfo(a.Code, a.Title, a.Owner, a.Deadline, a.Status == ActionStatus.Done, s.ActionCouncils.GetValueOrDefault(a.Code))).ToList();
        return GapAnalysis.Find(scenarios, goals, measures, indicators, actions, today, settings ?? new GapSettings());
    }

    private static List<string> Codes(string? text) => Register.RecordFieldBuilder<Record>.SplitCodes(text).Distinct().ToList();
}
