using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class OrdinalRankingTests
{
    private static OrdinalRanking.Entry Entry(string id, string classes, ImpactClass likelihood = ImpactClass.C) =>
        new(id, likelihood, classes.Split(',').Select(Enum.Parse<ImpactClass>).ToArray());

    [Fact]
    public void Medal_HandExample_CountsEThenDThenLower()
    {
        // S1 and S3 have one E each; no D or C; S3 has a B, S1 none → S3 above S1. S2 has no E → last despite three D's.
        var ranks = OrdinalRanking.Medal([Entry("S1", "E,A,A"), Entry("S2", "D,D,D"), Entry("S3", "E,B,X")]);

        ranks.ShouldBe([2, 3, 1]);
    }

    [Fact]
    public void Medal_FullTie_BrokenByLikelihoodThenId()
    {
        var ranks = OrdinalRanking.Medal([Entry("B", "C,C"), Entry("A", "C,C"), Entry("C", "C,C", ImpactClass.E)]);

        ranks.ShouldBe([3, 2, 1]);
    }

    [Fact]
    public void Evamix_HandExample_NetDominance()
    {
        // Equal weights. d(S1,S2) = ½·1 + ½·(−1) = 0; d(S1,S3) = ½·1 + ½·0 = ½; d(S2,S3) = ½ + ½ = 1.
        // Net: S1 = 0 + ½ = ½, S2 = 0 + 1 = 1, S3 = −½ − 1 = −1.5.
        var (ranks, net) = OrdinalRanking.Evamix([Entry("S1", "C,A"), Entry("S2", "B,B"), Entry("S3", "A,A")], [1, 1]);

        net.ShouldBe([0.5, 1.0, -1.5], 1e-12);
        ranks.ShouldBe([2, 1, 3]);
    }

    [Fact]
    public void Evamix_WeightsDecide_OnlyOrderOfClassesCounts()
    {
        // With weight 3:1 on the first criterion S1 (E,A) beats S2 (D,E): d = ¾·1 + ¼·(−1) = ½, whatever the ladder.
        var (ranks, net) = OrdinalRanking.Evamix([Entry("S1", "E,A"), Entry("S2", "D,E")], [3, 1]);

        net[0].ShouldBe(0.5, 1e-12);
        ranks.ShouldBe([1, 2]);
    }
}
