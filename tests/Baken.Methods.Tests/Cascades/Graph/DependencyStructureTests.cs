using Baken.Methods.Cascades.Graph;
using static Baken.Methods.Tests.Cascades.Graph.NetworkBuilder;

namespace Baken.Methods.Tests.Cascades.Graph;

public sealed class DependencyStructureTests
{
    [Fact]
    public void TransitiveDependants_Chain_FollowsLossDirection()
    {
        var structure = DependencyStructure.Of(Network("A,B,C,D", DependsOn("B", "A"), DependsOn("C", "B"), DependsOn("D", "C", 0)));

        structure.TransitiveDependants("A").ShouldBe(["B", "C"]);
        structure.DirectDependants("A").ShouldBe(1);
        structure.TransitiveDependants("C").ShouldBeEmpty();
        structure.IsAcyclic.ShouldBeTrue();
    }

    [Fact]
    public void FeedbackLoops_TwoLoops_FoundAndSorted()
    {
        var structure = DependencyStructure.Of(Network(
            "E,D,C,B,A",
            DependsOn("A", "B"), DependsOn("B", "C"), DependsOn("C", "A"), DependsOn("D", "E"), DependsOn("E", "D"), DependsOn("D", "A")));

        structure.FeedbackLoops.ShouldBe([["A", "B", "C"], ["D", "E"]]);
        structure.FeedbackLoopOf("E").ShouldBe(["D", "E"]);
        structure.IsAcyclic.ShouldBeFalse();
    }

    [Fact]
    public void FeedbackGain_TwoProcessLoop_IsGeometricMeanOfStrengths()
    {
        // W = [[0, 0.8], [0.2, 0]]: eigenvalues ±√(0.8 × 0.2) = ±0.4.
        DependencyStructure.Of(Network("A,B", DependsOn("A", "B", 0.8), DependsOn("B", "A", 0.2))).FeedbackGain.ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void FeedbackGain_Acyclic_IsZero()
    {
        DependencyStructure.Of(Network("A,B,C", DependsOn("B", "A"), DependsOn("C", "B"))).FeedbackGain.ShouldBe(0, 1e-12);
    }

    [Fact]
    public void FeedbackGain_AtOne_LossOutlivesItsCause()
    {
        var network = Network("A,B", DependsOn("A", "B", 1, delay: 1), DependsOn("B", "A", 1, delay: 1));

        DependencyStructure.Of(network).FeedbackGain.ShouldBe(1, 1e-12);
        DisruptionSimulation.Run(network, [new InitialDisruption("A", 0, 2)], 24, 1)["A"].FailedAtHorizon.ShouldBeTrue();
    }

    [Fact]
    public void FeedbackGain_BelowOne_LossDiesOut()
    {
        var network = Network("A,B", DependsOn("A", "B", 0.9, delay: 1), DependsOn("B", "A", 0.9, delay: 1));

        DependencyStructure.Of(network).FeedbackGain.ShouldBe(0.9, 1e-12);
        var run = DisruptionSimulation.Run(network, [new InitialDisruption("A", 0, 2)], 400, 1);
        run["A"].Inoperability[^1].ShouldBeLessThan(1e-8);
    }

    [Fact]
    public void ToDependencyGraph_EdgesRunFromDependantToSupplier()
    {
        var graph = Network("A,B", DependsOn("B", "A", 0.3)).ToDependencyGraph();

        graph.VertexCount.ShouldBe(2);
        var edge = graph.Edges.Single();
        (edge.Source, edge.Target, edge.Tag.Strength).ShouldBe(("B", "A", 0.3));
    }

    [Fact]
    public void DirectDependants_UnknownCode_NamesIt()
    {
        Should.Throw<ArgumentException>(() => DependencyStructure.Of(Network("A")).DirectDependants("Q")).Message.ShouldContain("'Q'");
    }
}
