using Baken.Methods.Cascades.Graph;
using Baken.Methods;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Cascades.Graph.NetworkBuilder;

namespace Baken.Methods.Tests.Cascades.Graph;

/// <summary>
/// Propagation on hand-built networks. Values are exact on the grid (products of 0, 1 and the strengths), so the
/// tolerance is 1e-12 throughout.
/// </summary>
public sealed class DisruptionSimulationTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// A supplies B (strength 1, delay 2 h, no back-up); B supplies C (strength 0.8, delay 1 h, back-up 4 h).
    /// A is down from t = 0 for 24 h. By hand: B is down on [2, 26); the loss reaches C at t = 3, its back-up bridges
    /// t = 3 … 6, C is at 0.8 on [7, 27). Impacts: A 24, B 24, C 20 × 0.8 = 16 inoperability-hours.
    /// </summary>
    private static DisruptionSimulationResult Chain(double backupOfC = 4) =>
        DisruptionSimulation.Run(
            Network("A,B,C", DependsOn("B", "A", 1, delay: 2), DependsOn("C", "B", 0.8, delay: 1, backup: backupOfC)),
            [new InitialDisruption("A", 0, 24)],
            horizonHours: 48,
            stepHours: 1);

    [Fact]
    public void Run_Chain_FailureTimesFollowDelaysAndBackup()
    {
        var run = Chain();

        run["A"].FailedAtHours.ShouldBe(0);
        run["B"].FailedAtHours.ShouldBe(2);
        run["C"].FailedAtHours.ShouldBe(7);
    }

    [Fact]
    public void Run_Chain_RecoveryTimesFollowDelays()
    {
        var run = Chain();

        run["A"].RecoveredAtHours.ShouldBe(24);
        run["B"].RecoveredAtHours.ShouldBe(26);
        run["C"].RecoveredAtHours.ShouldBe(27);
        run.Processes.ShouldAllBe(p => !p.FailedAtHorizon);
    }

    [Fact]
    public void Run_Chain_CumulativeImpactIsHourWeighted()
    {
        var run = Chain();

        run["A"].CumulativeImpactHours.ShouldBe(24, Tolerance);
        run["B"].CumulativeImpactHours.ShouldBe(24, Tolerance);
        run["C"].CumulativeImpactHours.ShouldBe(16, Tolerance);
        run.TotalImpactHours.ShouldBe(64, Tolerance);
        run["C"].PeakInoperability.ShouldBe(0.8, Tolerance);
    }

    [Fact]
    public void Run_Chain_TrajectoryOfDependantIsZeroWhileBackupHolds()
    {
        var c = Chain()["C"].Inoperability;

        c.Count.ShouldBe(49);
        Enumerable.Range(0, 7).ShouldAllBe(k => c[k] == 0);
        Enumerable.Range(7, 20).ShouldAllBe(k => Math.Abs(c[k] - 0.8) < Tolerance);
        Enumerable.Range(27, 22).ShouldAllBe(k => c[k] == 0);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 4)]
    [InlineData(4, 7)]
    [InlineData(10, 13)]
    public void Run_Backup_DelaysFailureByExactlyItsDuration(double backupHours, double expectedFailure)
    {
        Chain(backupHours)["C"].FailedAtHours.ShouldBe(expectedFailure);
    }

    [Fact]
    public void Run_BackupLongerThanOutage_DependantNeverFails()
    {
        var run = Chain(backupOfC: 24);

        run["C"].FailedAtHours.ShouldBeNull();
        run["C"].CumulativeImpactHours.ShouldBe(0);
    }

    [Fact]
    public void Run_BackupNotRefilled_SecondOutageIsFeltAtOnce()
    {
        // Two 3-hour outages of A; B's 4-hour back-up bridges the first and one hour of the second.
        var run = DisruptionSimulation.Run(
            Network("A,B", DependsOn("B", "A", 1, backup: 4)),
            [new InitialDisruption("A", 0, 3), new InitialDisruption("A", 10, 3)],
            24, 1);

        run["B"].Outages.ShouldBe([new ProcessOutage(11, 13)]);
    }

    [Fact]
    public void Run_DisruptedProcess_RecoversWhenDurationEnds()
    {
        var run = DisruptionSimulation.Run(Network("A"), [new InitialDisruption("A", 5, 10, 0.7)], 24, 1);

        run["A"].Outages.ShouldBe([new ProcessOutage(5, 15)]);
        run["A"].Inoperability[4].ShouldBe(0);
        run["A"].Inoperability[5].ShouldBe(0.7);
        run["A"].Inoperability[15].ShouldBe(0);
        run["A"].CumulativeImpactHours.ShouldBe(7, Tolerance);
    }

    [Fact]
    public void Run_EndlessDisruption_StillFailedAtHorizon()
    {
        var run = DisruptionSimulation.Run(
            Network("A,B", DependsOn("B", "A")), [new InitialDisruption("A", 0, double.PositiveInfinity)], 12, 1);

        run["B"].FailedAtHorizon.ShouldBeTrue();
        run["B"].RecoveredAtHours.ShouldBeNull();
        run["B"].CumulativeImpactHours.ShouldBe(12, Tolerance);
    }

    [Fact]
    public void Run_ZeroStrength_NeverPropagates()
    {
        var run = DisruptionSimulation.Run(
            Network("A,B,C", DependsOn("B", "A", 0), DependsOn("C", "B", 1)), [new InitialDisruption("A", 0, 24)], 48, 1);

        run["B"].Inoperability.ShouldAllBe(q => q == 0);
        run["C"].Inoperability.ShouldAllBe(q => q == 0);
        run.TotalImpactHours.ShouldBe(24, Tolerance);
        run.Timeline.ShouldAllBe(e => e.ProcessCode == "A");
    }

    [Fact]
    public void Run_TwoSuppliers_CombineAsIndependentLosses()
    {
        // 1 − (1 − 0.5·1)(1 − 0.4·1) = 0.7
        var run = DisruptionSimulation.Run(
            Network("S1,S2,D", DependsOn("D", "S1", 0.5), DependsOn("D", "S2", 0.4)),
            [new InitialDisruption("S1", 0, 10), new InitialDisruption("S2", 0, 10)], 10, 1);

        run["D"].Inoperability[0].ShouldBe(0.7, Tolerance);
    }

    [Fact]
    public void Run_PartialSeverity_ScalesWithStrength()
    {
        var run = DisruptionSimulation.Run(
            Network("A,B", DependsOn("B", "A", 0.6)), [new InitialDisruption("A", 0, 10, 0.5)], 10, 1);

        run["B"].Inoperability[3].ShouldBe(0.3, Tolerance);
        run["B"].FailedAtHours.ShouldBeNull();
    }

    [Fact]
    public void Run_DelayedLoop_LossDecaysGeometrically()
    {
        // A ⇄ B at strength 0.5 and delay 1 h; A down for one step: q_A(0) = 1, q_B(1) = 0.5, q_A(2) = 0.25, …
        var run = DisruptionSimulation.Run(
            Network("A,B", DependsOn("B", "A", 0.5, delay: 1), DependsOn("A", "B", 0.5, delay: 1)),
            [new InitialDisruption("A", 0, 1)], 8, 1);

        run["A"].Inoperability[4].ShouldBe(0.0625, Tolerance);
        run["B"].Inoperability[5].ShouldBe(0.03125, Tolerance);
        run["A"].Inoperability[5].ShouldBe(0);
    }

    [Fact]
    public void Run_InstantLoop_SettlesAtFixedPoint()
    {
        // q_A = 1 − (1 − 0.5)(1 − 0.5 q_B), q_B = 0.5 q_A  ⇒  q_A = 0.5 / 0.875 = 4/7, q_B = 2/7.
        var run = DisruptionSimulation.Run(
            Network("A,B", DependsOn("B", "A", 0.5), DependsOn("A", "B", 0.5)),
            [new InitialDisruption("A", 0, 10, 0.5)], 10, 1);

        run["A"].Inoperability[0].ShouldBe(4.0 / 7, 1e-11);
        run["B"].Inoperability[0].ShouldBe(2.0 / 7, 1e-11);
    }

    [Fact]
    public void Run_DelayBetweenGridPoints_IsRoundedUpToWholeSteps()
    {
        var network = Network("A,B", DependsOn("B", "A", 1, delay: 1.5));
        var disruption = new[] { new InitialDisruption("A", 0, 10) };

        DisruptionSimulation.Run(network, disruption, 12, 1)["B"].FailedAtHours.ShouldBe(2);
        DisruptionSimulation.Run(network, disruption, 12, 0.5)["B"].FailedAtHours.ShouldBe(1.5);
    }

    [Fact]
    public void Run_FineStep_GivesSameImpactAsHourlyStep()
    {
        var network = Network("A,B,C", DependsOn("B", "A", 1, delay: 2), DependsOn("C", "B", 0.8, delay: 1, backup: 4));
        var coarse = DisruptionSimulation.Run(network, [new InitialDisruption("A", 0, 24)], 48, 1);
        var fine = DisruptionSimulation.Run(network, [new InitialDisruption("A", 0, 24)], 48, 0.1);

        fine.TotalImpactHours.ShouldBe(coarse.TotalImpactHours, 1e-9);
        fine["C"].FailedAtHours!.Value.ShouldBe(7, 1e-9);
    }

    [Fact]
    public void Run_FailureThresholdSetting_DecidesWhatCountsAsFailed()
    {
        var network = Network("A,B", DependsOn("B", "A", 0.4));
        var disruption = new[] { new InitialDisruption("A", 0, 10) };

        DisruptionSimulation.Run(network, disruption, 12, 1)["B"].FailedAtHours.ShouldBeNull();
        DisruptionSimulation.Run(network, disruption, 12, 1, new SimulationSettings(0.4))["B"].FailedAtHours.ShouldBe(0);
    }

    [Fact]
    public void Run_Chain_TimelineTellsTheStory()
    {
        var lines = Chain().Timeline.Select(e => e.Description).ToArray();

        lines.ShouldBe([
            "t=0h: 'Process A' is disrupted (severity 1) until t=24h",
            "t=0h: 'Process A' fails from its initial disruption",
            "t=2h: 'Process B' fails because 'Process A' is inoperable (delay 2h)",
            "t=3h: 'Process C' bridges the loss of 'Process B' on its back-up (4h)",
            "t=7h: the back-up of 'Process C' for 'Process B' has run out",
            "t=7h: 'Process C' fails after its back-up for 'Process B' ran out",
            "t=24h: the initial disruption of 'Process A' ends",
            "t=24h: 'Process A' is fully operable again",
            "t=26h: 'Process B' is fully operable again",
            "t=27h: 'Process C' is fully operable again",
        ]);
    }

    [Fact]
    public void Run_Chain_TimelineSentencesAreKeyedTexts_WhoseEnglishIsTheDescription()
    {
        // A page renders Said by key in its reader's language (#17); the CLI prints Description, its English.
        var timeline = Chain().Timeline;

        timeline.ShouldAllBe(e => e.Said != null && e.Said.English == e.Description);
        var failure = timeline.Single(e => e.Kind == CascadeEventKind.Failed && e.ProcessCode == "B").Said!;
        failure.Text.ShouldBe(CascadeTexts.Failed);
        var cause = failure.Args[2].ShouldBeOfType<ParseProblem>();
        cause.Text.ShouldBe(CascadeTexts.Because);
        cause.Args[1].ShouldBeOfType<ParseProblem>().Args[0].ShouldBeOfType<ParseProblem>().Text.ShouldBe(CascadeTexts.Delay);
    }

    [Fact]
    public void Run_Chain_TimelineEventsCarryKindsAndCodes()
    {
        var failure = Chain().Timeline.Single(e => e.Kind == CascadeEventKind.Failed && e.ProcessCode == "C");

        failure.TimeHours.ShouldBe(7);
        failure.SupplierCode.ShouldBe("B");
    }

    [Fact]
    public void Run_SameMoment_CauseIsListedBeforeEffect()
    {
        // "A" sorts before "Z", but Z's failure causes A's at the same moment.
        var run = DisruptionSimulation.Run(Network("A,Z", DependsOn("A", "Z")), [new InitialDisruption("Z", 0, 5)], 10, 1);

        run.Timeline.Where(e => e.Kind == CascadeEventKind.Failed).Select(e => e.ProcessCode).ShouldBe(["Z", "A"]);
    }

    [Fact]
    public void Run_SeveralCauses_FailureNamesLargestAndCountsOthers()
    {
        var run = DisruptionSimulation.Run(
            Network("S1,S2,D", DependsOn("D", "S1", 0.3), DependsOn("D", "S2", 0.4)),
            [new InitialDisruption("S1", 0, 10), new InitialDisruption("S2", 0, 10)], 10, 1);

        run.Timeline.Single(e => e.Kind == CascadeEventKind.Failed && e.ProcessCode == "D").Description
            .ShouldBe("t=0h: 'Process D' fails because 'Process S2' is inoperable (1 other cause)");
    }

    [Fact]
    public void Run_DutchCulture_TimelineNumbersUseDecimalPoint()
    {
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
            var run = DisruptionSimulation.Run(Network("A"), [new InitialDisruption("A", 0, 2.5, 0.75)], 5, 0.5);

            run.Timeline[0].Description.ShouldBe("t=0h: 'Process A' is disrupted (severity 0.75) until t=2.5h");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Run_NoDisruption_NothingHappens()
    {
        var run = DisruptionSimulation.Run(Network("A,B", DependsOn("B", "A")), [], 10, 1);

        run.TotalImpactHours.ShouldBe(0);
        run.Timeline.ShouldBeEmpty();
        run.TimesHours.ShouldBe([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }

    [Fact]
    public void Run_UnknownProcess_NamesIt()
    {
        Should.Throw<ArgumentException>(() => DisruptionSimulation.Run(Network("A"), [new InitialDisruption("Z", 0, 1)], 10, 1))
            .Message.ShouldContain("'Z'");
    }

    [Theory]
    [InlineData(10, 0, "time step")]
    [InlineData(0, 1, "horizon")]
    [InlineData(10, 3, "not a whole number of time steps")]
    [InlineData(1_000_000, 1, "at most 100000")]
    public void Run_BadGrid_SaysWhy(double horizon, double step, string expected)
    {
        Should.Throw<ArgumentException>(() => DisruptionSimulation.Run(Network("A"), [], horizon, step))
            .Message.ShouldContain(expected);
    }

    [Fact]
    public void Run_TooManyValues_SuggestsLargerStep()
    {
        var network = new DependencyNetwork(Enumerable.Range(0, 200).Select(i => Process($"P{i}")), []);

        Should.Throw<ArgumentException>(() => DisruptionSimulation.Run(network, [], 60_000, 1)).Message.ShouldContain("Use a larger step");
    }

    [Property(MaxTest = 300, Replay = "(20261123,701)")]
    public Property Run_AnyNetwork_InoperabilityWithinUnitInterval() =>
        Prop.ForAll(RandomCases().ToArbitrary(), c =>
            DisruptionSimulation.Run(c.Network, [c.Disruption], 24, 1).Processes
                .All(p => p.Inoperability.All(q => q is >= 0 and <= 1)));

    [Property(MaxTest = 300, Replay = "(20261123,705)")]
    public Property Run_AddingADependency_NeverLowersImpact() =>
        Prop.ForAll(RandomCases().ToArbitrary(), c =>
        {
            if (c.Extra is null) return true;
            var before = DisruptionSimulation.Run(c.Network, [c.Disruption], 24, 1);
            var after = DisruptionSimulation.Run(c.Network.WithDependency(c.Extra), [c.Disruption], 24, 1);
            return after.TotalImpactHours >= before.TotalImpactHours - 1e-9
                && before.Processes.All(p => after[p.Process.Code].CumulativeImpactHours >= p.CumulativeImpactHours - 1e-9);
        });

    [Property(MaxTest = 200, Replay = "(20261123,703)")]
    public Property Run_OrderOfProcessesAndDependencies_ChangesNothing() =>
        Prop.ForAll(RandomCases().ToArbitrary(), c =>
        {
            var reordered = new DependencyNetwork(c.Network.Processes.Reverse(), c.Network.Dependencies.Reverse());
            var original = DisruptionSimulation.Run(c.Network, [c.Disruption], 24, 1);
            var shuffled = DisruptionSimulation.Run(reordered, [c.Disruption], 24, 1);
            return original.TotalImpactHours == shuffled.TotalImpactHours
                && original.Processes.All(p => p.Inoperability.SequenceEqual(shuffled[p.Process.Code].Inoperability))
                && original.Timeline.SequenceEqual(shuffled.Timeline);
        });

    [Property(MaxTest = 200, Replay = "(20261123,707)")]
    public Property Run_LongerDisruption_NeverLowersImpact() =>
        Prop.ForAll(RandomCases().ToArbitrary(), c =>
        {
            var d = c.Disruption;
            var longer = new InitialDisruption(d.ProcessCode, d.StartHours, d.DurationHours + 3, d.Severity);
            return DisruptionSimulation.Run(c.Network, [longer], 24, 1).TotalImpactHours
                >= DisruptionSimulation.Run(c.Network, [d], 24, 1).TotalImpactHours - 1e-9;
        });

    [Property(MaxTest = 200, Replay = "(20261123,709)")]
    public Property Run_FeedbackGainBelowOne_EveryLossDiesOut() =>
        Prop.ForAll(RandomCases().ToArbitrary(), c =>
        {
            if (DependencyStructure.Of(c.Network).FeedbackGain > 0.8) return true;
            var run = DisruptionSimulation.Run(c.Network, [c.Disruption], 400, 1);
            return run.Processes.All(p => p.Inoperability[^1] < 1e-9);
        });
}
