using Baken.Methods.Strategy;

namespace Baken.Methods.Tests.Strategy;

/// <summary>Terse builders for gap-analysis inputs; defaults describe a healthy record so each test only states what breaks.</summary>
internal static class StrategyBuilders
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static RankedScenario Scenario(string code, int rank) => new(code, $"Scenario {code}", rank);

    public static GoalInfo Goal(string code, string? owner = "BZ", string[]? scenarios = null, string[]? measures = null) =>
        new(code, $"Goal {code}", owner, scenarios ?? [], measures ?? []);

    public static MeasureInfo Measure(string code, MeasureProgress status = MeasureProgress.InProgress, string[]? scenarios = null, DateOnly? due = null) =>
        new(code, $"Measure {code}", "JenV", status, scenarios ?? [], due);

    /// <summary>An indicator with a fresh value (reported 10 days ago, interval 90 days) and no target or deadline.</summary>
    public static IndicatorInfo Indicator(
        string code,
        string? goal,
        int lastValueDaysAgo = 10,
        int intervalDays = 90,
        double? target = null,
        IndicatorDirection direction = IndicatorDirection.Increase,
        DateOnly? deadline = null,
        double? lastValue = 1.0,
        bool noValue = false) =>
        new(code, $"Indicator {code}", goal, 0.0, target, direction, deadline,
            noValue ? null : Today.AddDays(-lastValueDaysAgo), noValue ? null : lastValue, intervalDays);

    public static FollowUpInfo Action(string code, DateOnly deadline, bool done = false, string? council = "RVI") =>
        new(code, $"Action {code}", "AZ", deadline, done, council);

    public static GapReport Find(
        RankedScenario[]? scenarios = null,
        GoalInfo[]? goals = null,
        MeasureInfo[]? measures = null,
        IndicatorInfo[]? indicators = null,
        FollowUpInfo[]? followUps = null,
        GapSettings? settings = null,
        DateOnly? today = null) =>
        GapAnalysis.Find(scenarios ?? [], goals ?? [], measures ?? [], indicators ?? [], followUps ?? [], today ?? Today, settings ?? new GapSettings());

    public static string[] Codes(this GapReport report, GapKind kind) =>
        report.Gaps.Where(g => g.Kind == kind).Select(g => g.SubjectCode).ToArray();
}
