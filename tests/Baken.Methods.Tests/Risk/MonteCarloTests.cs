using Baken.Methods.Risk;
using Shouldly;
using static Baken.Methods.Tests.Risk.RiskBuilders;

namespace Baken.Methods.Tests.Risk;

public sealed class MonteCarloTests
{
    private static readonly AnalysisInput Random12 = RandomInput(seed: 12, scenarios: 12, criteria: 5, analysts: 4);

    private static AnalysisSettings McSettings(AnalysisInput input, long seed = 42, int iterations = 5_000, double? concentration = 30) =>
        new(EqualWeights(input.Criteria)) { Iterations = iterations, Seed = seed, DirichletConcentration = concentration };

    [Fact]
    public void Run_SameSeed_IdenticalResults()
    {
        var first = IntegratedAnalysis.Run(Random12, McSettings(Random12));
        var second = IntegratedAnalysis.Run(Random12, McSettings(Random12));

        IntegratedAnalysisTests.Fingerprint(second).ShouldBe(IntegratedAnalysisTests.Fingerprint(first));
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to a context and arrive late).</summary>
    private sealed class Collect : IProgress<double>
    {
        public readonly System.Collections.Concurrent.ConcurrentBag<double> Seen = [];
        public void Report(double value) => Seen.Add(value);
    }

    [Fact]
    public void Run_ReportsEveryBlockOnceUpToOne_WithoutChangingTheResult()
    {
        var progress = new Collect();
        // 5,000 iterations are 5 blocks of 1,024.
        var watched = IntegratedAnalysis.Run(Random12, McSettings(Random12) with { MaxDegreeOfParallelism = 2 }, progress);

        progress.Seen.Order().ShouldBe([0.2, 0.4, 0.6, 0.8, 1.0]);
        IntegratedAnalysisTests.Fingerprint(watched).ShouldBe(IntegratedAnalysisTests.Fingerprint(IntegratedAnalysis.Run(Random12, McSettings(Random12))));
        var none = new Collect();
        IntegratedAnalysis.Run(Random12, McSettings(Random12, iterations: 0), none);
        none.Seen.ShouldBeEmpty();
    }

    [Fact]
    public void Run_DifferentSeed_DifferentDraws()
    {
        var first = IntegratedAnalysis.Run(Random12, McSettings(Random12, seed: 1));
        var second = IntegratedAnalysis.Run(Random12, McSettings(Random12, seed: 2));

        first.Scenarios.Select(s => s.MonteCarlo!.Mean).ShouldNotBe(second.Scenarios.Select(s => s.MonteCarlo!.Mean));
    }

    [Fact]
    public void Run_OneThreadOrFour_IdenticalResults()
    {
        // 5,000 iterations span 5 blocks, so four workers really split the work.
        var one = IntegratedAnalysis.Run(Random12, McSettings(Random12) with { MaxDegreeOfParallelism = 1 });
        var four = IntegratedAnalysis.Run(Random12, McSettings(Random12) with { MaxDegreeOfParallelism = 4 });

        IntegratedAnalysisTests.Fingerprint(four).ShouldBe(IntegratedAnalysisTests.Fingerprint(one));
    }

    [Fact]
    public void Run_FixedClassesAndFixedWeights_ZeroWidthIntervalAtTheDeterministicValue()
    {
        var criteria = Criteria(3);
        var input = new AnalysisInput(criteria,
        [
            Scenario("S1", Analyst("a", "C", "E", "A", "C"), Analyst("b", "C", "E", "A", "C")),
            Single("S2", "B", "B", "B", "B"),
        ]);

        var result = IntegratedAnalysis.Run(input, Settings(criteria, iterations: 2_000));

        foreach (var s in result.Scenarios)
        {
            var mc = s.MonteCarlo!;
            mc.P05.ShouldBe(s.ImpactValue);
            mc.P95.ShouldBe(s.ImpactValue);
            mc.P50.ShouldBe(s.ImpactValue);
            mc.BandP05.ShouldBe(s.ImpactBand);
            mc.BandP95.ShouldBe(s.ImpactBand);
            mc.RankDistribution[s.Rank - 1].ShouldBe(1.0);
        }
        // (81 + 1 + 9) / 3 = 30.333…
        result.Scenarios[0].ImpactValue.ShouldBe(91.0 / 3, 1e-12);
    }

    [Fact]
    public void Run_TopProbabilities_SumToKOverScenarios()
    {
        var result = IntegratedAnalysis.Run(Random12, McSettings(Random12));

        result.Scenarios.Sum(s => s.MonteCarlo!.PTop5).ShouldBe(5.0, 1e-9);
        result.Scenarios.Sum(s => s.MonteCarlo!.PTop10).ShouldBe(10.0, 1e-9);
        foreach (var s in result.Scenarios) s.MonteCarlo!.RankDistribution.Sum().ShouldBe(1.0, 1e-9);
        for (var r = 0; r < 12; r++) result.Scenarios.Sum(s => s.MonteCarlo!.RankDistribution[r]).ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Run_Outranking_IsComplementaryAndMatchesRanks()
    {
        var result = IntegratedAnalysis.Run(Random12, McSettings(Random12));
        var p = result.Outranking;
        var n = result.OutrankingOrder.Count;

        for (var i = 0; i < n; i++)
        {
            p[i][i].ShouldBe(0);
            for (var j = i + 1; j < n; j++) (p[i][j] + p[j][i]).ShouldBe(1.0, 1e-12);
        }
        // Expected rank = 1 + Σⱼ P(j outranks i).
        foreach (var s in result.Scenarios)
        {
            var i = result.OutrankingOrder.ToList().IndexOf(s.Id);
            var expectedRank = 1 + Enumerable.Range(0, n).Where(j => j != i).Sum(j => p[j][i]);
            var meanRank = s.MonteCarlo!.RankDistribution.Select((q, r) => q * (r + 1)).Sum();
            meanRank.ShouldBe(expectedRank, 1e-9);
        }
    }

    [Fact]
    public void Run_RangeWithoutMode_DrawFrequenciesConvergeToUniform()
    {
        // One criterion, one analyst, "B-D": each band B, C, D has probability 1/3 (I is the class value itself).
        var criteria = Criteria(1);
        var input = new AnalysisInput(criteria, [Single("S", "C", "B-D")]);

        var mc = IntegratedAnalysis.Run(input, Settings(criteria, iterations: 30_000, seed: 5)).Scenarios[0].MonteCarlo!;

        // Binomial standard error √(⅓·⅔/30000) = 0.0027; allow 4 s.e.
        mc.BandDistribution[(int)ImpactClass.B].ShouldBe(1.0 / 3, 0.011);
        mc.BandDistribution[(int)ImpactClass.C].ShouldBe(1.0 / 3, 0.011);
        mc.BandDistribution[(int)ImpactClass.D].ShouldBe(1.0 / 3, 0.011);
        mc.BandP05.ShouldBe(ImpactClass.B);
        mc.BandP95.ShouldBe(ImpactClass.D);
        mc.P05.ShouldBe(3);
        mc.P95.ShouldBe(27);
    }

    [Fact]
    public void Run_TriangularRangesPooledOverAnalysts_ConvergeToTheMixture()
    {
        // Analyst a: "B-D~C" → B 2/9, C 5/9, D 2/9; analyst b: "E" → pooled: B 1/9, C 5/18, D 1/9, E 1/2.
        var criteria = Criteria(1);
        var input = new AnalysisInput(criteria, [Scenario("S", Analyst("a", "C", "B-D~C"), Analyst("b", "C", "E"))]);

        var mc = IntegratedAnalysis.Run(input, Settings(criteria, iterations: 40_000, seed: 11)).Scenarios[0].MonteCarlo!;

        mc.BandDistribution[(int)ImpactClass.B].ShouldBe(1.0 / 9, 0.008);
        mc.BandDistribution[(int)ImpactClass.C].ShouldBe(5.0 / 18, 0.01);
        mc.BandDistribution[(int)ImpactClass.D].ShouldBe(1.0 / 9, 0.008);
        mc.BandDistribution[(int)ImpactClass.E].ShouldBe(0.5, 0.01);
    }

    [Fact]
    public void Run_DirichletWeights_MeanStaysNearFixedWeightValue()
    {
        // Fixed classes, weights drawn around equal weights: E[wᵢ] = ⅓ so E[I] = (81 + 1 + 9)/3 ≈ 30.33; the spread is real.
        var criteria = Criteria(3);
        var input = new AnalysisInput(criteria, [Single("S", "C", "E", "A", "C")]);
        var settings = Settings(criteria, iterations: 20_000, seed: 3) with { DirichletConcentration = 10 };

        var mc = IntegratedAnalysis.Run(input, settings).Scenarios[0].MonteCarlo!;

        mc.Mean.ShouldBe(91.0 / 3, 0.6);
        (mc.P95 - mc.P05).ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Settings_InvalidValues_AreRefusedWithTheirName()
    {
        var profile = EqualWeights(Criteria(1));

        Should.Throw<ArgumentOutOfRangeException>(() => new AnalysisSettings(profile) { Iterations = -1 }).ParamName.ShouldBe("Iterations");
        Should.Throw<ArgumentOutOfRangeException>(() => new AnalysisSettings(profile) { DirichletConcentration = 0 }).ParamName.ShouldBe("DirichletConcentration");
        Should.Throw<ArgumentOutOfRangeException>(() => new AnalysisSettings(profile) { Factor = 1 }).ParamName.ShouldBe("Factor");
        new AnalysisSettings(profile) { DirichletConcentration = double.PositiveInfinity }.DirichletConcentration.ShouldBeNull();
    }
}
