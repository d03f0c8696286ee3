using Baken.Methods.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Baken.Methods.Tests.Signals;

public class StackedThreatsTests
{
    private const string Vp01 = "vital-process:VP-01";
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    private static PressureEvent Weak(string source, DateOnly date, double weight = 0.4, params string[] targets) =>
        new(source, date, targets.Length == 0 ? [Vp01] : targets, weight, subThreshold: true);

    [Fact]
    public void Find_ThreeWeakSignalsWithinWindow_MakeAFindingNamingTheParts()
    {
        var events = new[]
        {
            Weak("aivd", AsOf.AddDays(-150)),
            Weak("tno", AsOf.AddDays(-60)),
            Weak("rivm", AsOf.AddDays(-5)),
        };

        var finding = StackedThreats.Find(events, StackSettings.Default, AsOf).Single();

        finding.Target.ShouldBe(Vp01);
        finding.Pressure.ShouldBe(1.2, 1e-12);
        finding.Parts.Select(p => p.SourceId).ShouldBe(["aivd", "tno", "rivm"]);
        finding.From.ShouldBe(AsOf.AddDays(-150));
        finding.To.ShouldBe(AsOf.AddDays(-5));
        finding.Explanation.ShouldContain("3 sub-threshold events from 3 sources");
        finding.Explanation.ShouldContain("pressure 1.2");
    }

    [Fact]
    public void Find_SameThreeSpreadOverFourHundredDays_MakeNoFinding()
    {
        var events = new[]
        {
            Weak("aivd", AsOf.AddDays(-400)),
            Weak("tno", AsOf.AddDays(-200)),
            Weak("rivm", AsOf.AddDays(-5)),
        };

        StackedThreats.Find(events, StackSettings.Default, AsOf).ShouldBeEmpty();
    }

    [Fact]
    public void Find_WindowEdges_AreInclusiveAndLaterEventsIgnored()
    {
        var events = new[]
        {
            Weak("a", AsOf.AddDays(-179)), // first day of the 180-day window
            Weak("b", AsOf),
            Weak("c", AsOf.AddDays(-30)),
            Weak("d", AsOf.AddDays(1)),   // after asOf
        };

        StackedThreats.Find(events, StackSettings.Default, AsOf).Single().Parts.Count.ShouldBe(3);
        StackedThreats.Find(events, StackSettings.Default, AsOf.AddDays(-1)).ShouldBeEmpty(); // only a and c remain
    }

    [Fact]
    public void Find_OneSourceRepeating_DoesNotMakeAStack()
    {
        var events = Enumerable.Range(0, 5).Select(i => Weak("same-feed", AsOf.AddDays(-i * 10))).ToArray();

        StackedThreats.Find(events, StackSettings.Default, AsOf).ShouldBeEmpty();
    }

    [Fact]
    public void Find_AlarmingEvents_AreLeftOutOfTheStack()
    {
        var events = new[]
        {
            Weak("a", AsOf.AddDays(-10)),
            Weak("b", AsOf.AddDays(-9)),
            new PressureEvent("c", AsOf.AddDays(-8), [Vp01], 0.9, subThreshold: true),  // alarming by weight
            new PressureEvent("d", AsOf.AddDays(-7), [Vp01], 0.3, subThreshold: false), // already over its own threshold
        };

        StackedThreats.Find(events, StackSettings.Default, AsOf).ShouldBeEmpty();

        var withThird = events.Append(Weak("e", AsOf.AddDays(-6))).ToArray();
        var finding = StackedThreats.Find(withThird, StackSettings.Default, AsOf).Single();
        finding.Parts.Select(p => p.SourceId).ShouldBe(["a", "b", "e"]);
        finding.Explanation.ShouldContain("2 alarming event(s)");
    }

    [Fact]
    public void Find_SeveralTargets_OrderedByPressureThenTarget()
    {
        var events = new[]
        {
            Weak("a", AsOf.AddDays(-3), 0.4, "sector:energy", "interest:2"),
            Weak("b", AsOf.AddDays(-2), 0.4, "sector:energy", "interest:2"),
            Weak("c", AsOf.AddDays(-1), 0.4, "sector:energy", "interest:2"),
            Weak("d", AsOf.AddDays(-1), 0.45, "sector:energy"),
        };

        StackedThreats.Find(events, StackSettings.Default, AsOf).Select(f => f.Target).ShouldBe(["sector:energy", "interest:2"]);
    }

    [Fact]
    public void MonthlyPressure_SlidingWindow_RisesAndFallsOffAfterTheWindow()
    {
        var events = new[] { Weak("a", new DateOnly(2024, 1, 15)), Weak("b", new DateOnly(2024, 3, 10)) };

        var series = StackedThreats.MonthlyPressure(events, new StackSettings(windowDays: 90), new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)).Single();

        series.Target.ShouldBe(Vp01);
        // Evaluated on month ends; a 90-day window on 30 Apr starts 1 Feb, so January's event has dropped out.
        series.Points.Select(p => p.MonthStart.Month).ShouldBe([1, 2, 3, 4, 5, 6]);
        series.Points.Select(p => Math.Round(p.Pressure, 9)).ShouldBe([0.4, 0.4, 0.8, 0.4, 0.4, 0.0]);
    }

    [Fact]
    public void FromSignal_KeepsOnlyStackableTargets()
    {
        var signal = new SignalItem("s", AsOf, "t", null, null, "AIVD", ["country:RUS", "actor:A-1", "vital-process:VP-01", "theme:T1"]);

        var e = PressureEvent.FromSignal(signal, 0.36)!;

        e.Targets.ShouldBe(["actor:A-1", "vital-process:VP-01"]);
        e.SourceId.ShouldBe("AIVD");
        e.Weight.ShouldBe(0.36);
        PressureEvent.FromSignal(new SignalItem("s2", AsOf, "t", null, null, "AIVD", ["country:RUS"]), 0.36).ShouldBeNull();
    }

    [Property(MaxTest = 100, Replay = "(5,9)")]
    public Property MonthlyPressure_EachPoint_EqualsTheWindowSumOnItsEvaluationDay()
    {
        var gen = Gen.ArrayOf(
            from day in Gen.Choose(0, 400)
            from weight in Gen.Choose(0, 49).Select(i => i / 100.0)
            select Weak("s" + day, new DateOnly(2023, 1, 1).AddDays(day), weight));
        return Prop.ForAll(gen.ToArbitrary(), events =>
        {
            var settings = new StackSettings(windowDays: 60);
            var from = new DateOnly(2023, 1, 10);
            var to = new DateOnly(2024, 2, 14);
            var series = StackedThreats.MonthlyPressure(events, settings, from, to);
            return series.All(s => s.Points.All(p =>
            {
                var end = p.MonthStart.AddMonths(1).AddDays(-1);
                var evaluated = end < to ? end : to;
                var expected = events.Where(e => e.Date <= evaluated && e.Date >= evaluated.AddDays(-59)).Sum(e => e.Weight);
                return Math.Abs(p.Pressure - expected) < 1e-9;
            }) && s.Points.Count == 14);
        });
    }

    [Property(MaxTest = 100, Replay = "(2024,631)")]
    public Property Find_AnyEvents_FindingsMeetEveryCondition()
    {
        var targets = new[] { Vp01, "sector:energy", "actor:A-1" };
        var gen = Gen.ArrayOf(
            from source in Gen.Elements("a", "b", "c", "d")
            from day in Gen.Choose(-300, 10)
            from weight in Gen.Choose(0, 80).Select(i => i / 100.0)
            from target in Gen.Elements(targets)
            from sub in Gen.Elements(true, true, false)
            select new PressureEvent(source, AsOf.AddDays(day), [target], weight, sub));
        return Prop.ForAll(gen.ToArbitrary(), events =>
        {
            var s = StackSettings.Default;
            var findings = StackedThreats.Find(events, s, AsOf);
            return findings.All(f =>
                       f.Pressure >= s.StackThreshold
                       && Math.Abs(f.Parts.Sum(p => p.Weight) - f.Pressure) < 1e-9
                       && f.Parts.Select(p => p.SourceId).Distinct().Count() >= s.MinSources
                       && f.Parts.All(p => p.SubThreshold && p.Weight < s.SingleEventAlarm && p.Date <= AsOf && p.Date > AsOf.AddDays(-s.WindowDays)))
                   && findings.Zip(findings.Skip(1)).All(p => p.First.Pressure >= p.Second.Pressure);
        });
    }
}
