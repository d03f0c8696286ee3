using Baken.Methods.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Baken.Methods.Tests.Signals;

public class ThresholdAlertsTests
{
    private static IndicatorSeries Series(params double[] values) =>
        new("IND", values.Select((v, i) => (new DateOnly(2024, 1, 1).AddMonths(i), v)).ToArray());

    [Fact]
    public void Evaluate_RisingSeries_RecordsEscalationsAndDeEscalationsInOrder()
    {
        var thresholds = new Thresholds(50, 80, ThresholdDirection.Rising);

        var crossings = ThresholdAlerts.Evaluate(Series(10, 50, 60, 85, 90, 40, 95), thresholds);

        crossings.Select(c => (c.Date.Month, c.From, c.To)).ShouldBe(
        [
            (2, AlertLevel.Green, AlertLevel.Amber), // 50 reaches amber (≥)
            (4, AlertLevel.Amber, AlertLevel.Red),
            (6, AlertLevel.Red, AlertLevel.Green),
            (7, AlertLevel.Green, AlertLevel.Red),  // jump over amber
        ]);
        crossings.Select(c => c.IsEscalation).ShouldBe([true, true, false, true]);
        ThresholdAlerts.CurrentLevel(Series(10, 50, 60, 85, 90, 40, 95), thresholds).ShouldBe(AlertLevel.Red);
    }

    [Fact]
    public void Evaluate_FallingSeries_AlertsWhenValueDropsToThreshold()
    {
        // Gas storage filling in percent: amber at ≤ 50, red at ≤ 30.
        var thresholds = new Thresholds(50, 30, ThresholdDirection.Falling);

        var crossings = ThresholdAlerts.Evaluate(Series(90, 70, 50, 45, 30, 55), thresholds);

        crossings.Select(c => (c.Value, c.From, c.To)).ShouldBe(
        [
            (50.0, AlertLevel.Green, AlertLevel.Amber),
            (30.0, AlertLevel.Amber, AlertLevel.Red),
            (55.0, AlertLevel.Red, AlertLevel.Green),
        ]);
        ThresholdAlerts.CurrentLevel(Series(90, 70, 50, 45, 30, 55), thresholds).ShouldBe(AlertLevel.Green);
    }

    [Fact]
    public void Evaluate_OnlyRedThreshold_NeverGivesAmber()
    {
        var crossings = ThresholdAlerts.Evaluate(Series(1, 5, 1), new Thresholds(null, 4, ThresholdDirection.Rising));

        crossings.Select(c => c.To).ShouldBe([AlertLevel.Red, AlertLevel.Green]);
    }

    [Fact]
    public void Evaluate_SeriesStartingRed_OpensWithEscalationFromGreen()
    {
        var crossings = ThresholdAlerts.Evaluate(Series(100), new Thresholds(50, 80, ThresholdDirection.Rising));

        crossings.Single().ShouldBe(new AlertCrossing(new DateOnly(2024, 1, 1), 100, AlertLevel.Green, AlertLevel.Red));
    }

    [Theory]
    [InlineData(80.0, 50.0, ThresholdDirection.Rising)]
    [InlineData(50.0, 50.0, ThresholdDirection.Rising)]
    [InlineData(30.0, 50.0, ThresholdDirection.Falling)]
    public void Thresholds_WrongOrderForDirection_AreRefused(double amber, double red, ThresholdDirection direction)
    {
        var e = Should.Throw<ArgumentException>(() => new Thresholds(amber, red, direction));
        e.Message.ShouldContain("amber threshold");
    }

    [Fact]
    public void Thresholds_NeitherSet_IsRefused() =>
        Should.Throw<ArgumentException>(() => new Thresholds(null, null, ThresholdDirection.Rising));

    [Fact]
    public void IndicatorSeries_TwoValuesOnOneDate_IsRefused()
    {
        var d = new DateOnly(2024, 1, 1);
        Should.Throw<ArgumentException>(() => new IndicatorSeries("X", [(d, 1), (d, 2)])).Message.ShouldContain("2024-01-01");
    }

    [Fact]
    public void IndicatorSeries_UnorderedPoints_AreSorted()
    {
        var s = new IndicatorSeries("X", [(new DateOnly(2024, 2, 1), 2), (new DateOnly(2024, 1, 1), 1)]);
        s.Points.Select(p => p.Value).ShouldBe([1.0, 2.0]);
    }

    [Property(MaxTest = 200, Replay = "(31,337)")]
    public Property Evaluate_AnySeries_CrossingsChainAndEndAtCurrentLevel()
    {
        var gen =
            from values in Gen.ArrayOf(Gen.Choose(0, 100).Select(i => (double)i))
            from falling in Gen.Elements(true, false)
            select (values, falling);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var thresholds = t.falling ? new Thresholds(60, 30, ThresholdDirection.Falling) : new Thresholds(40, 70, ThresholdDirection.Rising);
            var series = Series(t.values);
            var crossings = ThresholdAlerts.Evaluate(series, thresholds);
            var chained = crossings.Zip(crossings.Skip(1)).All(p => p.First.To == p.Second.From && p.First.Date < p.Second.Date);
            var starts = crossings.Count == 0 || crossings[0].From == AlertLevel.Green;
            var changes = crossings.All(c => c.From != c.To);
            var ends = (crossings.Count == 0 ? AlertLevel.Green : crossings[^1].To) == ThresholdAlerts.CurrentLevel(series, thresholds);
            return chained && starts && changes && ends;
        });
    }
}
