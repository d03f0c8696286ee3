using Baken.Methods.Strategy;
using static Baken.Methods.Tests.Strategy.StrategyBuilders;

namespace Baken.Methods.Tests.Strategy;

public sealed class StrategyInputValidationTests
{
    [Fact]
    public void RankedScenario_RankBelowOne_ThrowsNamingFieldAndValue()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new RankedScenario("S1", "t", 0));
        ex.ParamName.ShouldBe("Rank");
        ex.Message.ShouldContain("RankedScenario.Rank of 'S1' = 0");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RankedScenario_BlankCode_Throws(string code) =>
        Should.Throw<ArgumentException>(() => new RankedScenario(code, "t", 1)).ParamName.ShouldBe("Code");

    [Fact]
    public void GoalInfo_BlankLinkedCode_ThrowsAndRepeatsAreDropped()
    {
        Should.Throw<ArgumentException>(() => new GoalInfo("G", "t", "BZ", ["S1", " "], [])).Message.ShouldContain("GoalInfo.ScenarioCodes of 'G'");
        new GoalInfo("G", "t", "BZ", ["S1", "S1", "s1"], []).ScenarioCodes.ShouldBe(["S1", "s1"]);
        Should.Throw<ArgumentNullException>(() => new GoalInfo("G", "t", "BZ", null!, [])).ParamName.ShouldBe("ScenarioCodes");
    }

    [Fact]
    public void GoalInfo_WhiteSpaceOwner_IsStoredAsNull() => new GoalInfo("G", "t", " ", [], []).Owner.ShouldBeNull();

    [Fact]
    public void MeasureInfo_UndefinedStatus_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new MeasureInfo("M", "t", null, (MeasureProgress)42, [], null)).Message.ShouldContain("MeasureInfo.Status of 'M' = 42");

    [Fact]
    public void IndicatorInfo_InvalidValues_ThrowNamingTheField()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new IndicatorInfo("I", "t", null, null, null, IndicatorDirection.Increase, null, null, null, 0))
            .ParamName.ShouldBe("UpdateIntervalDays");
        Should.Throw<ArgumentException>(() => new IndicatorInfo("I", "t", null, null, double.NaN, IndicatorDirection.Increase, null, null, null, 1))
            .Message.ShouldContain("IndicatorInfo.Target of 'I' = NaN");
        Should.Throw<ArgumentException>(() => new IndicatorInfo("I", "t", null, null, null, IndicatorDirection.Increase, null, Today, null, 1))
            .Message.ShouldContain("give both or neither");
        Should.Throw<ArgumentException>(() => new IndicatorInfo("I", "t", null, null, null, IndicatorDirection.Increase, null, null, 3.0, 1))
            .ParamName.ShouldBe("LastValueDate");
        Should.Throw<ArgumentException>(() => new IndicatorInfo("I", "t", "", null, null, IndicatorDirection.Increase, null, null, null, 1))
            .ParamName.ShouldBe("GoalCode");
        Should.Throw<ArgumentOutOfRangeException>(() => new IndicatorInfo("I", "t", null, null, null, (IndicatorDirection)7, null, null, null, 1))
            .ParamName.ShouldBe("Direction");
    }

    [Fact]
    public void IndicatorInfo_TargetReached_FollowsDirectionAndIsNullWhenUnjudgeable()
    {
        IndicatorInfo With(double? target, double? value, IndicatorDirection d) =>
            new("I", "t", null, null, target, d, null, value is null ? null : Today, value, 1);

        With(10, 10, IndicatorDirection.Increase).TargetReached.ShouldBe(true);
        With(10, 9, IndicatorDirection.Increase).TargetReached.ShouldBe(false);
        With(10, 10, IndicatorDirection.Decrease).TargetReached.ShouldBe(true);
        With(10, 11, IndicatorDirection.Decrease).TargetReached.ShouldBe(false);
        With(null, 11, IndicatorDirection.Decrease).TargetReached.ShouldBeNull();
        With(10, null, IndicatorDirection.Decrease).TargetReached.ShouldBeNull();
    }

    [Fact]
    public void FollowUpInfo_BlankCouncil_Throws() =>
        Should.Throw<ArgumentException>(() => new FollowUpInfo("A", "t", null, Today, false, " ")).ParamName.ShouldBe("CouncilCode");

    [Theory]
    [InlineData(-1, 365, 14, "TopScenarios")]
    [InlineData(10, 0, 14, "StaleAfterDays")]
    [InlineData(10, 365, -1, "ReminderDaysAhead")]
    public void GapSettings_OutOfRange_ThrowsNamingTheField(int top, int stale, int reminder, string field) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new GapSettings(top, stale, reminder)).ParamName.ShouldBe(field);

    [Fact]
    public void GapSettings_Defaults_AreTenScenariosAYearAndTwoWeeks()
    {
        var settings = new GapSettings();
        (settings.TopScenarios, settings.StaleAfterDays, settings.ReminderDaysAhead).ShouldBe((10, 365, 14));
    }

    [Fact]
    public void Find_DuplicateCodes_ThrowNamingTheListAndTheCode()
    {
        var ex = Should.Throw<ArgumentException>(() => Find(goals: [Goal("G1"), Goal("G1")]));
        ex.ParamName.ShouldBe("goals");
        ex.Message.ShouldContain("repeats goal code 'G1'");
        Should.Throw<ArgumentException>(() => Find(scenarios: [Scenario("S", 1), Scenario("S", 2)])).ParamName.ShouldBe("scenarios");
        Should.NotThrow(() => Find(goals: [Goal("G1"), Goal("g1")]));
    }

    [Fact]
    public void Find_NullListOrEntry_Throws()
    {
        Should.Throw<ArgumentNullException>(() => GapAnalysis.Find([], null!, [], [], [], Today, new GapSettings())).ParamName.ShouldBe("goals");
        Should.Throw<ArgumentException>(() => GapAnalysis.Find([], [], [null!], [], [], Today, new GapSettings())).ParamName.ShouldBe("measures");
        Should.Throw<ArgumentNullException>(() => GapAnalysis.Find([], [], [], [], [], Today, null!));
    }
}
