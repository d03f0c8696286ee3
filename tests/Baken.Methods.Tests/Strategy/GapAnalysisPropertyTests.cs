using Baken.Methods.Strategy;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Strategy.StrategyBuilders;

namespace Baken.Methods.Tests.Strategy;

public sealed class GapAnalysisPropertyTests
{
    /// <summary>A random strategy tree over small code pools, so that links hit, miss and dangle.</summary>
    private sealed record World(RankedScenario[] Scenarios, GoalInfo[] Goals, MeasureInfo[] Measures, IndicatorInfo[] Indicators, FollowUpInfo[] FollowUps);

    private static Gen<string[]> Some(string prefix, int pool) =>
        Gen.Choose(0, pool - 1).Select(i => $"{prefix}{i}").ArrayOf().Select(a => a.Distinct().ToArray());

    private static Gen<T[]> Distinct<T>(Gen<T> gen, Func<T, string> code) =>
        gen.ArrayOf().Select(a => a.DistinctBy(code, StringComparer.Ordinal).ToArray());

    private static Arbitrary<World> Worlds()
    {
        var scenario = from i in Gen.Choose(0, 14) from rank in Gen.Choose(1, 15) select Scenario($"S{i}", rank);
        var goal = from i in Gen.Choose(0, 5) from owned in Gen.Elements(true, false) from s in Some("S", 16) from m in Some("M", 8)
                   select Goal($"G{i}", owned ? "BZ" : null, s, m);
        var measure = from i in Gen.Choose(0, 7) from status in Gen.Elements(Enum.GetValues<MeasureProgress>()) from s in Some("S", 16)
                      from due in Gen.Choose(-60, 60)
                      select Measure($"M{i}", status, s, Today.AddDays(due));
        var indicator = from i in Gen.Choose(0, 7) from g in Gen.Choose(0, 6) from age in Gen.Choose(-10, 500) from interval in Gen.Choose(1, 200)
                        from none in Gen.Elements(true, false) from target in Gen.Choose(0, 10) from value in Gen.Choose(0, 10)
                        from deadline in Gen.Choose(-30, 30) from dir in Gen.Elements(IndicatorDirection.Increase, IndicatorDirection.Decrease)
                        select Indicator($"I{i}", $"G{g}", age, interval, target, dir, Today.AddDays(deadline), value, none);
        var action = from i in Gen.Choose(0, 7) from d in Gen.Choose(-30, 30) from done in Gen.Elements(true, false) select Action($"A{i}", Today.AddDays(d), done);
        return (from s in Distinct(scenario, x => x.Code)
                from g in Distinct(goal, x => x.Code)
                from m in Distinct(measure, x => x.Code)
                from i in Distinct(indicator, x => x.Code)
                from a in Distinct(action, x => x.Code)
                select new World(s, g, m, i, a)).ToArbitrary();
    }

    private static GapReport FindIn(World w) => Find(w.Scenarios, w.Goals, w.Measures, w.Indicators, w.FollowUps);

    [Property(MaxTest = 300, Replay = "(20261123,601)")]
    public Property Find_ReorderingInputs_ChangesNothing() =>
        Prop.ForAll(Worlds(), w =>
        {
            var forward = FindIn(w);
            var backward = FindIn(new World(w.Scenarios.Reverse().ToArray(), w.Goals.Reverse().ToArray(), w.Measures.Reverse().ToArray(),
                w.Indicators.Reverse().ToArray(), w.FollowUps.Reverse().ToArray()));
            return forward.Gaps.SequenceEqual(backward.Gaps);
        });

    [Property(MaxTest = 300, Replay = "(20261123,607)")]
    public Property Find_UnaddressedScenarios_AreExactlyTopRankedOnesWithoutGoalOrLiveMeasure() =>
        Prop.ForAll(Worlds(), w =>
        {
            var expected = w.Scenarios
                .Where(s => s.Rank <= 10
                    && !w.Goals.Any(g => g.ScenarioCodes.Contains(s.Code))
                    && !w.Measures.Any(m => m.Status != MeasureProgress.Stopped && m.ScenarioCodes.Contains(s.Code)))
                .Select(s => s.Code).Order(StringComparer.Ordinal);
            return FindIn(w).Codes(GapKind.UnaddressedScenario).Order(StringComparer.Ordinal).SequenceEqual(expected);
        });

    [Property(MaxTest = 300, Replay = "(20261123,603)")]
    public Property Find_Gaps_AreOrderedByKindAndEachIndicatorGetsAtMostOneValueMessage() =>
        Prop.ForAll(Worlds(), w =>
        {
            var report = FindIn(w);
            var kinds = report.Gaps.Select(g => (int)g.Kind).ToArray();
            var valueMessages = report.Gaps.Where(g => g.Kind is GapKind.IndicatorWithoutRecentValue or GapKind.UpdateDueSoon).GroupBy(g => g.SubjectCode);
            return kinds.SequenceEqual(kinds.Order())
                && valueMessages.All(group => group.Count() == 1)
                && report.CountsByKind.Values.Sum() == report.Gaps.Count
                && report.Gaps.All(g => g.Explanation.Length > 0);
        });

    [Property(MaxTest = 300, Replay = "(20261123,609)")]
    public Property Find_LaterToday_NeverRemovesAnOverdueGap() =>
        Prop.ForAll(Worlds(), w =>
        {
            static HashSet<string> Overdue(GapReport r) => r.Gaps
                .Where(g => g.Kind is GapKind.OverdueMilestone or GapKind.OverdueAction or GapKind.IndicatorWithoutRecentValue)
                .Select(g => $"{g.Kind}/{g.Subject}/{g.SubjectCode}").ToHashSet();
            var now = Overdue(FindIn(w));
            var later = Overdue(Find(w.Scenarios, w.Goals, w.Measures, w.Indicators, w.FollowUps, today: Today.AddDays(7)));
            return now.IsSubsetOf(later);
        });
}
