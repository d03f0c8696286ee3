using Baken.Methods.Strategy;
using static Baken.Methods.Tests.Strategy.StrategyBuilders;

namespace Baken.Methods.Tests.Strategy;

public sealed class GapAnalysisTests
{
    // ---- UnaddressedScenario ----

    [Fact]
    public void Find_HighRankedScenarioWithoutGoalOrMeasure_IsUnaddressedInRankOrder()
    {
        var scenarios = new[] { Scenario("S-b", 2), Scenario("S-a", 3), Scenario("S-c", 1), Scenario("S-low", 11) };
        var report = Find(scenarios);

        report.Codes(GapKind.UnaddressedScenario).ShouldBe(["S-c", "S-b", "S-a"]);
        report.OfKind(GapKind.UnaddressedScenario)[0].Explanation
            .ShouldBe("Ranked 1 of 4 (top 10 must be addressed), but no goal links it and no measure has an effect on it.");
    }

    [Fact]
    public void Find_ScenarioLinkedByGoalOrLiveMeasure_IsAddressed()
    {
        var scenarios = new[] { Scenario("S1", 1), Scenario("S2", 2), Scenario("S3", 3), Scenario("S4", 4) };
        var report = Find(
            scenarios,
            goals: [Goal("G1", scenarios: ["S1"], measures: ["M1"])],
            measures: [Measure("M1", scenarios: ["S2"]), Measure("M2", MeasureProgress.Stopped, scenarios: ["S3"]), Measure("M3", MeasureProgress.Implemented, scenarios: ["S4"])]);

        report.Codes(GapKind.UnaddressedScenario).ShouldBe(["S3"]);
        report.OfKind(GapKind.UnaddressedScenario)[0].Explanation.ShouldContain("only stopped measures have an effect on it");
    }

    [Fact]
    public void Find_RankExactlyTopScenarios_IsHighRankedAndOneBelowIsNot()
    {
        var report = Find([Scenario("S5", 5), Scenario("S6", 6)], settings: new GapSettings(TopScenarios: 5));

        report.Codes(GapKind.UnaddressedScenario).ShouldBe(["S5"]);
    }

    [Fact]
    public void Find_TopScenariosZero_SwitchesTheCheckOff()
    {
        Find([Scenario("S1", 1)], settings: new GapSettings(TopScenarios: 0)).CountOf(GapKind.UnaddressedScenario).ShouldBe(0);
    }

    [Fact]
    public void Find_ScenarioCodesDifferingOnlyInCase_AreDifferentScenarios()
    {
        var report = Find([Scenario("S1", 1)], goals: [Goal("G", scenarios: ["s1"], measures: ["M"])], measures: [Measure("M")],
            indicators: [Indicator("I", "G")]);

        report.Codes(GapKind.UnaddressedScenario).ShouldBe(["S1"]);
        report.Codes(GapKind.DanglingLink).ShouldBe(["G"]);
    }

    // ---- Goals ----

    [Fact]
    public void Find_GoalOwnerNullEmptyOrWhiteSpace_IsGoalWithoutOwner()
    {
        var report = Find(goals: [Goal("G1", owner: null), Goal("G2", owner: ""), Goal("G3", owner: "  "), Goal("G4", owner: "Defensie")]);

        report.Codes(GapKind.GoalWithoutOwner).ShouldBe(["G1", "G2", "G3"]);
    }

    [Fact]
    public void Find_GoalWithoutLiveKnownMeasure_IsGoalWithoutMeasure()
    {
        var report = Find(
            goals:
            [
                Goal("G-none"),
                Goal("G-unknown", measures: ["M-x"]),
                Goal("G-stopped", measures: ["M-stop"]),
                Goal("G-ok", measures: ["M-stop", "M-live"]),
                Goal("G-done", measures: ["M-impl"]),
            ],
            measures: [Measure("M-stop", MeasureProgress.Stopped), Measure("M-live"), Measure("M-impl", MeasureProgress.Implemented)]);

        report.Codes(GapKind.GoalWithoutMeasure).ShouldBe(["G-none", "G-stopped", "G-unknown"]);
        report.OfKind(GapKind.GoalWithoutMeasure).Single(g => g.SubjectCode == "G-stopped").Explanation.ShouldContain("all its known measures are stopped (M-stop)");
    }

    [Fact]
    public void Find_GoalThatNoIndicatorNames_IsGoalWithoutIndicator()
    {
        var report = Find(goals: [Goal("G1"), Goal("G2"), Goal("g1")], indicators: [Indicator("I1", "G1"), Indicator("I2", null)]);

        report.Codes(GapKind.GoalWithoutIndicator).ShouldBe(["G2", "g1"]);
    }

    // ---- Indicators: recent values and reminders ----

    [Fact]
    public void Find_IndicatorWithoutValue_IsWithoutRecentValueWithoutDate()
    {
        var report = Find(indicators: [Indicator("I1", null, noValue: true)]);

        var gap = report.OfKind(GapKind.IndicatorWithoutRecentValue).ShouldHaveSingleItem();
        gap.SubjectCode.ShouldBe("I1");
        gap.Since.ShouldBeNull();
        gap.Explanation.ShouldContain("No value has ever been reported");
    }

    [Fact]
    public void Find_UpdateOverdueByInterval_IsWithoutRecentValueSinceDueDate()
    {
        // Interval 30: due 30 days after the last value; overdue from the next day on.
        var report = Find(indicators: [Indicator("I-over", null, lastValueDaysAgo: 31, intervalDays: 30), Indicator("I-due-today", null, lastValueDaysAgo: 30, intervalDays: 30)]);

        report.Codes(GapKind.IndicatorWithoutRecentValue).ShouldBe(["I-over"]);
        var gap = report.OfKind(GapKind.IndicatorWithoutRecentValue)[0];
        gap.Since.ShouldBe(Today.AddDays(-1));
        gap.Explanation.ShouldContain("update overdue");
        gap.Explanation.ShouldNotContain("stale");
    }

    [Fact]
    public void Find_ValueOlderThanStaleLimitButInsideLongInterval_IsStale()
    {
        var settings = new GapSettings(StaleAfterDays: 100);
        var report = Find(indicators: [Indicator("I-stale", null, lastValueDaysAgo: 101, intervalDays: 365), Indicator("I-edge", null, lastValueDaysAgo: 100, intervalDays: 365)],
            settings: settings);

        report.Codes(GapKind.IndicatorWithoutRecentValue).ShouldBe(["I-stale"]);
        var gap = report.OfKind(GapKind.IndicatorWithoutRecentValue)[0];
        gap.Explanation.ShouldContain("stale: older than the 100-day limit");
        gap.Explanation.ShouldNotContain("overdue");
        gap.Since.ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public void Find_BothStaleAndOverdue_OneGapNamingBothSinceTheEarlierDate()
    {
        var report = Find(indicators: [Indicator("I", null, lastValueDaysAgo: 400, intervalDays: 90)]);

        var gap = report.OfKind(GapKind.IndicatorWithoutRecentValue).ShouldHaveSingleItem();
        gap.Explanation.ShouldContain("update overdue");
        gap.Explanation.ShouldContain("stale");
        gap.Since.ShouldBe(Today.AddDays(-400 + 90));
    }

    [Fact]
    public void Find_NextUpdateWithinReminderWindow_IsUpdateDueSoonWithDueDate()
    {
        // Interval 90, reminder 14 days: due in 0, 14 and 15 days for last values 90, 76 and 75 days ago.
        var report = Find(indicators:
        [
            Indicator("I-today", null, lastValueDaysAgo: 90),
            Indicator("I-14", null, lastValueDaysAgo: 76),
            Indicator("I-15", null, lastValueDaysAgo: 75),
            Indicator("I-overdue", null, lastValueDaysAgo: 91),
        ]);

        report.Codes(GapKind.UpdateDueSoon).ShouldBe(["I-14", "I-today"]);
        report.OfKind(GapKind.UpdateDueSoon).Single(g => g.SubjectCode == "I-14").Since.ShouldBe(Today.AddDays(14));
        report.Codes(GapKind.IndicatorWithoutRecentValue).ShouldBe(["I-overdue"]);
        report.OfKind(GapKind.UpdateDueSoon).ShouldAllBe(g => g.IsReminder);
        report.ProblemCount.ShouldBe(1);
    }

    [Fact]
    public void Find_StaleIndicatorWhoseUpdateIsDueSoon_GetsNoReminderOnTopOfTheGap()
    {
        var report = Find(indicators: [Indicator("I", null, lastValueDaysAgo: 370, intervalDays: 375)]);

        report.Codes(GapKind.IndicatorWithoutRecentValue).ShouldBe(["I"]);
        report.CountOf(GapKind.UpdateDueSoon).ShouldBe(0);
    }

    [Fact]
    public void Find_ValueDatedAfterToday_CountsAsRecent()
    {
        var report = Find(indicators: [Indicator("I", null, lastValueDaysAgo: -5, intervalDays: 30)]);

        report.Gaps.ShouldBeEmpty();
    }

    // ---- OverdueMilestone ----

    [Fact]
    public void Find_IndicatorPastDeadline_OverdueUnlessTargetReachedInItsDirection()
    {
        var past = Today.AddDays(-1);
        var report = Find(indicators:
        [
            Indicator("Up-short", null, target: 10, lastValue: 9.99, deadline: past),
            Indicator("Up-exact", null, target: 10, lastValue: 10, deadline: past),
            Indicator("Down-short", null, target: 5, direction: IndicatorDirection.Decrease, lastValue: 5.01, deadline: past),
            Indicator("Down-exact", null, target: 5, direction: IndicatorDirection.Decrease, lastValue: 5, deadline: past),
            Indicator("No-value", null, target: 5, deadline: past, noValue: true),
            Indicator("No-target", null, target: null, lastValue: 0, deadline: past),
            Indicator("Due-today", null, target: 10, lastValue: 0, deadline: Today),
            Indicator("No-deadline", null, target: 10, lastValue: 0),
        ]);

        report.Codes(GapKind.OverdueMilestone).ShouldBe(["Down-short", "No-value", "Up-short"]);
        var gap = report.OfKind(GapKind.OverdueMilestone).Single(g => g.SubjectCode == "Up-short");
        gap.Since.ShouldBe(past);
        gap.Subject.ShouldBe(GapSubject.Indicator);
        gap.Explanation.ShouldBe("Deadline 2026-11-22 passed 1 day ago without the target reached: it needs a value ≥ 10, but the last value is 9.99.");
    }

    [Fact]
    public void Find_MeasurePastDue_OverdueUnlessImplementedOrStopped()
    {
        var past = Today.AddDays(-30);
        var report = Find(measures:
        [
            Measure("M-prop", MeasureProgress.Proposed, due: past),
            Measure("M-plan", MeasureProgress.Planned, due: past),
            Measure("M-prog", MeasureProgress.InProgress, due: past),
            Measure("M-impl", MeasureProgress.Implemented, due: past),
            Measure("M-stop", MeasureProgress.Stopped, due: past),
            Measure("M-today", MeasureProgress.InProgress, due: Today),
            Measure("M-none", MeasureProgress.InProgress, due: null),
        ]);

        report.Codes(GapKind.OverdueMilestone).ShouldBe(["M-plan", "M-prog", "M-prop"]);
        report.OfKind(GapKind.OverdueMilestone).ShouldAllBe(g => g.Subject == GapSubject.Measure && g.Since == past);
    }

    [Fact]
    public void Find_MeasureAndIndicatorWithSameCode_AreTwoGapsToldApartBySubject()
    {
        var past = Today.AddDays(-1);
        var report = Find(measures: [Measure("X", due: past)], indicators: [Indicator("X", null, target: 1, lastValue: 0, deadline: past)]);

        report.OfKind(GapKind.OverdueMilestone).Select(g => g.Subject).ShouldBe([GapSubject.Measure, GapSubject.Indicator]);
    }

    // ---- OverdueAction ----

    [Fact]
    public void Find_FollowUpNotDonePastDeadline_IsOverdueAction()
    {
        var report = Find(followUps:
        [
            Action("A-late", Today.AddDays(-3)),
            Action("A-done", Today.AddDays(-3), done: true),
            Action("A-today", Today),
            Action("A-future", Today.AddDays(3)),
            Action("A-nocouncil", Today.AddDays(-1), council: null),
        ]);

        report.Codes(GapKind.OverdueAction).ShouldBe(["A-late", "A-nocouncil"]);
        var gap = report.OfKind(GapKind.OverdueAction)[0];
        gap.Since.ShouldBe(Today.AddDays(-3));
        gap.Explanation.ShouldBe("Follow-up action of RVI (owner AZ) was due 2026-11-20, 3 days ago, and is not done.");
    }

    // ---- DanglingLink ----

    [Fact]
    public void Find_LinksToUnknownCodes_AreDanglingLinksOnePerLink()
    {
        var report = Find(
            scenarios: [Scenario("S1", 20)],
            goals: [Goal("G1", scenarios: ["S1", "S-gone"], measures: ["M1", "M-gone"])],
            measures: [Measure("M1", scenarios: ["S1", "S-old"])],
            indicators: [Indicator("I1", "G1"), Indicator("I2", "G-gone")]);

        var dangling = report.OfKind(GapKind.DanglingLink);
        dangling.Select(g => (g.Subject, g.SubjectCode)).ShouldBe(
        [
            (GapSubject.Goal, "G1"), (GapSubject.Goal, "G1"), (GapSubject.Indicator, "I2"), (GapSubject.Measure, "M1"),
        ]);
        string.Join(" | ", dangling.Select(g => g.Explanation)).ShouldBe(
            "The goal links measure 'M-gone', which does not exist. | " +
            "The goal links scenario 'S-gone', which is not in the latest integrated analysis. | " +
            "The indicator measures goal 'G-gone', which does not exist. | " +
            "The measure has an effect on scenario 'S-old', which is not in the latest integrated analysis.");
    }

    // ---- The whole picture ----

    [Fact]
    public void Find_GbvsLikeFixture_ReportsExactlyTheExpectedGapsInDocumentedOrder()
    {
        var report = Find(
            scenarios: [Scenario("CYB-1", 1), Scenario("ENE-2", 2), Scenario("PAN-3", 3), Scenario("FLD-4", 4)],
            goals:
            [
                Goal("D1", owner: "BZ", scenarios: ["CYB-1"], measures: ["M-cyber"]),
                Goal("D2", owner: null, scenarios: ["ENE-2"], measures: []),
                Goal("D3", owner: "VWS", scenarios: [], measures: ["M-stock"]),
            ],
            measures:
            [
                Measure("M-cyber", MeasureProgress.InProgress, scenarios: ["CYB-1"], due: Today.AddDays(100)),
                Measure("M-stock", MeasureProgress.Planned, scenarios: ["PAN-3"], due: Today.AddDays(-10)),
            ],
            indicators:
            [
                Indicator("I-cyber", "D1", lastValueDaysAgo: 80, intervalDays: 90),
                Indicator("I-stock", "D3", noValue: true),
            ],
            followUps: [Action("RVI-7", Today.AddDays(-2))]);

        report.Today.ShouldBe(Today);
        report.Gaps.Select(g => $"{g.Kind}:{g.SubjectCode}").ShouldBe(
        [
            "UnaddressedScenario:FLD-4",
            "GoalWithoutOwner:D2",
            "GoalWithoutMeasure:D2",
            "GoalWithoutIndicator:D2",
            "IndicatorWithoutRecentValue:I-stock",
            "UpdateDueSoon:I-cyber",
            "OverdueMilestone:M-stock",
            "OverdueAction:RVI-7",
        ]);
        report.CountsByKind.Keys.ShouldBe(Enum.GetValues<GapKind>());
        report.CountOf(GapKind.GoalWithoutOwner).ShouldBe(1);
        report.CountOf(GapKind.DanglingLink).ShouldBe(0);
        report.ProblemCount.ShouldBe(7);
    }

    [Fact]
    public void Find_EverythingInOrder_ReportsNoGaps()
    {
        var report = Find(
            scenarios: [Scenario("S1", 1)],
            goals: [Goal("G1", scenarios: ["S1"], measures: ["M1"])],
            measures: [Measure("M1", MeasureProgress.Implemented, scenarios: ["S1"], due: Today.AddDays(-100))],
            indicators: [Indicator("I1", "G1", target: 5, lastValue: 6, deadline: Today.AddDays(-1))],
            followUps: [Action("A1", Today.AddDays(-1), done: true)]);

        report.Gaps.ShouldBeEmpty();
        report.CountsByKind.Values.ShouldAllBe(n => n == 0);
    }
}
