using Baken.Methods.Cascades.Graph;
using static Baken.Methods.Tests.Cascades.Graph.NetworkBuilder;

namespace Baken.Methods.Tests.Cascades.Graph;

public sealed class CriticalProcessAnalysisTests
{
    /// <summary>Hub H supplies L1 … L4 at full strength without delay; L4 depends on H only weakly (0.2).</summary>
    private static DependencyNetwork Star() => Network(
        "L3,H,L1,L4,L2",
        DependsOn("L1", "H"), DependsOn("L2", "H"), DependsOn("L3", "H"), DependsOn("L4", "H", 0.2));

    [Fact]
    public void Rank_Star_HubFirstWithItsKnockOnImpact()
    {
        var ranking = CriticalProcessAnalysis.Rank(Star(), horizonHours: 24, stepHours: 1);

        var hub = ranking[0];
        hub.Process.Code.ShouldBe("H");
        hub.Rank.ShouldBe(1);
        // Own 24 h + three leaves × 24 h + 0.2 × 24 h.
        hub.TotalImpactHours.ShouldBe(24 + 72 + 4.8, 1e-9);
        hub.KnockOnImpactHours.ShouldBe(76.8, 1e-9);
        hub.ProcessesFailed.ShouldBe(3);
        hub.DirectDependants.ShouldBe(4);
        hub.TransitiveDependants.ShouldBe(4);
    }

    [Fact]
    public void Rank_Star_LeavesTieAndFollowByCode()
    {
        var ranking = CriticalProcessAnalysis.Rank(Star(), 24, 1);

        ranking.Select(r => r.Process.Code).ShouldBe(["H", "L1", "L2", "L3", "L4"]);
        ranking.Select(r => r.Rank).ShouldBe([1, 2, 3, 4, 5]);
        ranking.Skip(1).ShouldAllBe(r => Math.Abs(r.TotalImpactHours - 24) < 1e-9 && r.KnockOnImpactHours == 0 && r.ProcessesFailed == 0);
    }

    [Fact]
    public void Rank_ShortOutage_UsesGivenDuration()
    {
        var ranking = CriticalProcessAnalysis.Rank(Star(), 24, 1, outageHours: 6);

        ranking[0].TotalImpactHours.ShouldBe(6 * (1 + 3 + 0.2), 1e-9);
    }

    [Fact]
    public void Rank_Chain_DeeperSupplierRanksHigher()
    {
        var chain = Network("C,B,A", DependsOn("B", "A", 1, delay: 1), DependsOn("C", "B", 1, delay: 1));

        var ranking = CriticalProcessAnalysis.Rank(chain, 10, 1);

        ranking.Select(r => r.Process.Code).ShouldBe(["A", "B", "C"]);
        // A: 10 + 9 + 8; B: 10 + 9; C: 10.
        ranking.Select(r => r.TotalImpactHours).ShouldBe([27, 19, 10], 1e-9);
    }

    [Fact]
    public void Rank_Loop_ReportsFeedbackLoop()
    {
        var network = Network("A,B,C", DependsOn("A", "B", delay: 1), DependsOn("B", "A", delay: 1), DependsOn("C", "A"));

        var ranking = CriticalProcessAnalysis.Rank(network, 10, 1);

        ranking.Single(r => r.Process.Code == "A").FeedbackLoop.ShouldBe(["A", "B"]);
        ranking.Single(r => r.Process.Code == "C").FeedbackLoop.ShouldBeNull();
    }

    [Fact]
    public void Rank_BadOutage_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CriticalProcessAnalysis.Rank(Star(), 24, 1, outageHours: 0))
            .Message.ShouldContain("outage duration");
    }

    [Fact]
    public void Rank_FiveHundredProcesses_Finishes()
    {
        // Not a timing test: a guard that the ranking scales to the size the brief names (≈ 1 s here).
        var processes = Enumerable.Range(0, 500).Select(i => Process($"P{i:000}")).ToArray();
        var dependencies = Enumerable.Range(1, 499)
            .SelectMany(i => new[] { DependsOn($"P{i:000}", $"P{(i - 1) / 2:000}", 0.6, delay: 1, backup: i % 3) })
            .Concat(Enumerable.Range(0, 499).Where(i => i % 7 == 0).Select(i => DependsOn($"P{i:000}", $"P{(i * 13 + 5) % 500:000}", 0.3, delay: 2)))
            .DistinctBy(d => (d.Dependent, d.Supplier))
            .Where(d => d.Dependent != d.Supplier)
            .ToArray();

        var ranking = CriticalProcessAnalysis.Rank(new DependencyNetwork(processes, dependencies), 72, 1);

        ranking.Count.ShouldBe(500);
        ranking[0].KnockOnImpactHours.ShouldBeGreaterThan(0);
    }
}
