using Baken.Methods.Councils;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Councils.CouncilBuilders;

namespace Baken.Methods.Tests.Councils;

public sealed class StrategyCoverageTests
{
    private static readonly DateOnly From = Day0;
    private static readonly DateOnly To = Day0.AddDays(364);

    private static readonly CoverageGoal[] Goals =
    [
        CGoal("1", "Voorkomen", scenarios: ["S-CYB"], measures: ["M-1"]),
        CGoal("2", "Voorkomen", scenarios: ["S-ENE"]),
        CGoal("3", "Verdedigen", measures: ["M-3"]),
        CGoal("4", "Versterken"),
        CGoal("5", "Verdedigen"),
    ];

    [Fact]
    public void Of_GoalLinkedByCodeScenarioOrMeasureInCycle_IsDiscussed()
    {
        var items = new[]
        {
            Item("by-scenario", "RVI", 100, "", "S-CYB"),
            Item("by-measure", "MCEV", 50, "", "M-3"),
            Item("by-goal", "RDIA", 364, "", "4"),
            Item("before", "RVI", -1, "", "S-ENE"),
            Item("after", "RVI", 365, "", "5"),
            Item("undated", "NVR", null, "", "5", "S-ENE"),
            Item("also-1", "NVR", 0, "", "M-1", "1"),
        };

        var report = StrategyCoverage.Of(Goals, items, From, To);

        report.Goals.Select(g => g.Goal.Code).ShouldBe(["1", "2", "3", "4", "5"]);
        report.Goals.Where(g => g.Discussed).Select(g => g.Goal.Code).ShouldBe(["1", "3", "4"]);
        report.Goals[0].Items.Select(i => i.ItemCode).ShouldBe(["also-1", "by-scenario"]);
        report.Goals[1].Items.ShouldBeEmpty();
        report.NotDiscussed.Select(g => g.Code).ShouldBe(["2", "5"]);
        report.DiscussedCount.ShouldBe(3);
        report.Pillars.Select(p => (p.Pillar, p.Discussed, p.Total)).ShouldBe(
            [("Voorkomen", 1, 2), ("Verdedigen", 1, 2), ("Versterken", 1, 1)]);
        report.Pillars[0].Fraction.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Of_CodesAreCaseSensitive()
    {
        var report = StrategyCoverage.Of(Goals, [Item("x", "RVI", 1, "", "s-cyb")], From, To);
        report.DiscussedCount.ShouldBe(0);
    }

    [Fact]
    public void Of_InvalidInput_ThrowsNamingTheField()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StrategyCoverage.Of(Goals, [], To, From)).ParamName.ShouldBe("to");
        Should.Throw<ArgumentException>(() => StrategyCoverage.Of([CGoal("1", "V"), CGoal("1", "W")], [], From, To)).ParamName.ShouldBe("goals");
        Should.Throw<ArgumentException>(() => CGoal("1", " ")).ParamName.ShouldBe("Pillar");
    }

    [Property(MaxTest = 200, Replay = "(20261123,801)")]
    public Property Of_GoalWithALinkedScenarioDiscussedInCycle_IsAlwaysCovered() =>
        Prop.ForAll(
            Gen.Choose(0, 364).ToArbitrary(),
            Gen.Choose(0, Goals.Length - 1).ToArbitrary(),
            Gen.Elements("RVI", "MCEV", "RDIA", "NVR").ToArbitrary(),
            (day, goalIndex, council) =>
            {
                var goal = Goals[goalIndex];
                var link = goal.ScenarioCodes.Concat(goal.MeasureCodes).Append(goal.Code).First();
                var report = StrategyCoverage.Of(Goals, [Item("x", council, day, "", link)], From, To);
                var coverage = report.Goals[goalIndex];
                return coverage.Discussed
                    && coverage.Items.Single().ItemCode == "x"
                    && report.Pillars.Sum(p => p.Total) == Goals.Length
                    && report.Pillars.Sum(p => p.Discussed) == report.DiscussedCount;
            });
}
