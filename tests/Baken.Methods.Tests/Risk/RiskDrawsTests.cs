using Baken.Methods.Risk;
using MathNet.Numerics.Statistics;
using Shouldly;
using static Baken.Methods.Tests.Risk.RiskBuilders;

namespace Baken.Methods.Tests.Risk;

/// <summary>The recorded draws are the run's own: the measures analysis values measures on exactly these.</summary>
public sealed class RiskDrawsTests
{
    private static readonly AnalysisInput Random8 = RandomInput(seed: 8, scenarios: 8, criteria: 4, analysts: 3);

    private static AnalysisSettings McSettings(double? concentration) =>
        new(EqualWeights(Random8.Criteria)) { Iterations = 3_000, Seed = 17, DirichletConcentration = concentration };

    [Theory]
    [InlineData(null)]
    [InlineData(30.0)]
    public void Draws_AllIterations_ReproduceTheRunsImpactPercentiles(double? concentration)
    {
        var settings = McSettings(concentration);
        var run = IntegratedAnalysis.Run(Random8, settings);
        var draws = IntegratedAnalysis.Draws(Random8, settings, settings.Iterations);
        var ladder = new ImpactLadder(settings.Factor);

        draws.ScenarioIds.ShouldBe(Random8.Scenarios.Select(s => s.Id).Order(StringComparer.Ordinal).ToList());
        for (var s = 0; s < draws.ScenarioIds.Count; s++)
        {
            var samples = new double[draws.Count];
            for (var i = 0; i < draws.Count; i++)
            {
                // I(s) of the draw follows from its recorded classes and weights (weights sum to 1).
                var fromClasses = Enumerable.Range(0, draws.CriterionCodes.Count).Sum(k => draws.Weight(i, k) * ladder.Value(draws.Class(i, s, k)));
                fromClasses.ShouldBe(draws.ImpactScore(i, s), 1e-9);
                Enumerable.Range(0, draws.CriterionCodes.Count).Sum(k => draws.Weight(i, k)).ShouldBe(1.0, 1e-12);
                samples[i] = fromClasses;
            }
            var mc = run.Scenarios.Single(r => r.Id == draws.ScenarioIds[s]).MonteCarlo!;
            ArrayStatistics.QuantileCustomInplace(samples, 0.05, QuantileDefinition.R7).ShouldBe(mc.P05, 1e-9);
            ArrayStatistics.QuantileCustomInplace(samples, 0.50, QuantileDefinition.R7).ShouldBe(mc.P50, 1e-9);
            ArrayStatistics.QuantileCustomInplace(samples, 0.95, QuantileDefinition.R7).ShouldBe(mc.P95, 1e-9);
        }
    }

    [Fact]
    public void Draws_FewerIterations_AreThePrefixOfTheRunsDraws()
    {
        var settings = McSettings(30);
        var all = IntegratedAnalysis.Draws(Random8, settings, 3_000);
        var first = IntegratedAnalysis.Draws(Random8, settings, 1_500);
        for (var i = 0; i < first.Count; i++)
            for (var s = 0; s < first.ScenarioIds.Count; s++)
            {
                first.Likelihood(i, s).ShouldBe(all.Likelihood(i, s));
                first.ImpactScore(i, s).ShouldBe(all.ImpactScore(i, s));
            }
    }

    [Fact]
    public void Draws_MoreThanTheRunsIterations_IsRefusedNamingTheLimit()
    {
        var e = Should.Throw<ArgumentOutOfRangeException>(() => IntegratedAnalysis.Draws(Random8, McSettings(null), 3_001));
        e.ParamName.ShouldBe("draws");
        e.Message.ShouldContain("3000");
    }
}
