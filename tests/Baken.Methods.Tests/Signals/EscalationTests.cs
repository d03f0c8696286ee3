using Baken.Methods.Signals;

namespace Baken.Methods.Tests.Signals;

public class EscalationTests
{
    [Fact]
    public void Detect_DoublingAboveMinimum_IsAJump()
    {
        // Baseline for 2004 = mean(100, 100, 100) = 100; 250 / 100 = 2.5 ≥ 2.
        var findings = Escalation.Detect([(2001, 100), (2002, 100), (2003, 100), (2004, 250), (2005, 300)], EscalationSettings.Default);

        // 2001 opens the series and has nothing to be compared with; 2002 and 2003 are flat.
        findings.Select(f => f.Year).ShouldBe([2004, 2005]);
        var jump = findings.Single(f => f.Year == 2004);
        jump.Kind.ShouldBe(EscalationKind.Jump);
        jump.Baseline.ShouldBe(100, 1e-12);
        jump.Ratio.ShouldBe(2.5, 1e-12);
        // 2005: baseline mean(100, 100, 250) = 150, 300 / 150 = 2.0 — exactly the factor counts.
        findings.Single(f => f.Year == 2005).Ratio.ShouldBe(2.0, 1e-12);
        findings.Single(f => f.Year == 2005).Kind.ShouldBe(EscalationKind.Jump);
    }

    [Fact]
    public void Detect_JumpBelowMinimumDeaths_IsNotFlagged()
    {
        var findings = Escalation.Detect([(2001, 2), (2002, 2), (2003, 2), (2004, 20)], EscalationSettings.Default);

        findings.Where(f => f.Year == 2004).ShouldBeEmpty();
    }

    [Fact]
    public void Detect_ThresholdCrossings_AreFlaggedOnlyOnTheWayUp()
    {
        var findings = Escalation.Detect([(2000, 10), (2001, 30), (2002, 40), (2003, 1200), (2004, 900), (2005, 1100)],
            new EscalationSettings(factor: 100));

        findings.Select(f => (f.Year, f.Kind)).ShouldBe(
        [
            (2001, EscalationKind.ArmedConflictThreshold),
            (2003, EscalationKind.WarThreshold),
            (2005, EscalationKind.WarThreshold),
        ]);
    }

    [Fact]
    public void Detect_MissingYearInsideSeriesCountsAsZero()
    {
        // 1991–1995 have no rows: the baseline of 1996 is mean(0, 0, 0) and its 30 deaths are a jump and a crossing.
        var f = Escalation.Detect([(1990, 0), (1996, 30)], EscalationSettings.Default).Single();

        f.Kind.ShouldBe(EscalationKind.Jump | EscalationKind.ArmedConflictThreshold);
        f.Ratio.ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Detect_FirstYearsOfSeries_UseOnlyTheYearsThereAre()
    {
        // 1947's baseline is 1946 alone (100), not mean(0, 0, 100): 150 is no jump.
        var findings = Escalation.Detect([(1946, 100), (1947, 150), (1948, 160)], EscalationSettings.Default);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_DuplicateYearOrNegativeDeaths_AreRefused()
    {
        Should.Throw<ArgumentException>(() => Escalation.Detect([(2000, 1), (2000, 2)], null)).Message.ShouldContain("2000");
        Should.Throw<ArgumentOutOfRangeException>(() => Escalation.Detect([(2000, -1)], null));
    }

    [Fact]
    public void Settings_WarNotAboveMinimum_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new EscalationSettings(minimumDeaths: 25, warDeaths: 25)).ParamName.ShouldBe("warDeaths");
}
