using Baken.Methods.Measures;
using Baken.Methods.Risk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using static Baken.Methods.Tests.Measures.MeasureBuilders;

namespace Baken.Methods.Tests.Measures;

/// <summary>Measures valued on Monte Carlo draws of the risks, and the choice of class valuation rule.</summary>
public sealed class MeasureUncertaintyTests
{
    private static IReadOnlyList<IReadOnlyList<ScenarioBaseline>> Draws(params double[] annualProbabilities) =>
        annualProbabilities.Select(p => (IReadOnlyList<ScenarioBaseline>)[Scenario("S", p, euroDamage: 1e8, points: 10)]).ToList();

    [Fact]
    public void Appraise_FourDraws_GivesR7PercentilesOfTheNetPresentValue()
    {
        // One year, no discounting: reduction = p · €100 m · 0.5; cost €150,000.
        // NPV per draw: −100,000, −50,000, 0, +50,000 (p = 0.001 … 0.004).
        var measure = Measure("M", Costs(oneOff: 150_000), MeasureKind.Preventive, Likelihood("S", 0.5));
        var result = MeasureUncertainty.Appraise([measure], Draws(0.001, 0.002, 0.003, 0.004), RiskValuation.Monetised(Table()), OneYear(), seed: 1).Single();

        result.Draws.ShouldBe(4);
        // h = (n − 1)·p; p05 → h = 0.15, p50 → 1.5, p95 → 2.85.
        result.NpvP05!.Value.ShouldBe(-100_000 + 0.15 * 50_000, 1e-6);
        result.NpvP50!.Value.ShouldBe(-25_000, 1e-6);
        result.NpvP95!.Value.ShouldBe(0 + 0.85 * 50_000, 1e-6);
        result.ProbabilityNpvPositive.ShouldBe(0.25); // 0 is not > 0
        result.ReductionPerEuroP50!.Value.ShouldBe(125_000 / 150_000.0, 1e-12);
    }

    [Fact]
    public void Appraise_RiskPoints_HaveCostEffectivenessButNoNetPresentValue()
    {
        var measure = Measure("M", Costs(oneOff: 2e6), MeasureKind.Preventive, Likelihood("S", 0.5));
        var result = MeasureUncertainty.Appraise([measure], Draws(0.01, 0.01), RiskValuation.RiskPoints, OneYear(), seed: 1).Single();

        result.NpvP50.ShouldBeNull();
        result.ProbabilityNpvPositive.ShouldBeNull();
        // 0.01 · 10 points · 0.5 = 0.05 points for €2 m: 2.5E-08 points per euro — not 0.
        result.ReductionPerEuroP50!.Value.ShouldBe(2.5e-8, 1e-20);
    }

    [Fact]
    public void Appraise_SameSeed_SameResult_OtherSeed_OtherEffectDraws()
    {
        var measure = Measure("M", Costs(oneOff: 150_000), MeasureKind.Preventive,
            new MeasureEffect("S", new EffectRange(0.3, 0.5, 0.9)));
        var draws = Draws(0.001, 0.002, 0.003, 0.004, 0.005);
        var valuation = RiskValuation.Monetised(Table());
        var a = MeasureUncertainty.Appraise([measure], draws, valuation, OneYear(), seed: 7).Single();
        MeasureUncertainty.Appraise([measure], draws, valuation, OneYear(), seed: 7).Single().ShouldBe(a);
        MeasureUncertainty.Appraise([measure], draws, valuation, OneYear(), seed: 8).Single().NpvP50.ShouldNotBe(a.NpvP50);
    }

    private static Arbitrary<(double[] P, double Low, double High, double Cost)> Cases() =>
        Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1000).Select(x => x / 10_000.0), n)
            .SelectMany(p => Gen.Choose(1, 99).SelectMany(low => Gen.Choose(low, 100)
                .SelectMany(high => Gen.Choose(0, 1_000_000).Select(cost => (p, low / 100.0, high / 100.0, (double)cost))))))
            .ToArbitrary();

    [Property(MaxTest = 200, Replay = "(20261202,11)")]
    public Property Appraise_PercentilesAreOrdered_AndTheShareIsAProbability() =>
        Prop.ForAll(Cases(), c =>
        {
            var measure = Measure("M", Costs(oneOff: c.Cost), MeasureKind.Preventive, new MeasureEffect("S", new EffectRange(c.Low, c.Low, c.High)));
            var r = MeasureUncertainty.Appraise([measure], Draws(c.P), RiskValuation.Monetised(Table()), OneYear(), seed: 3).Single();
            var ordered = r.NpvP05 <= r.NpvP50 && r.NpvP50 <= r.NpvP95;
            var ratios = c.Cost == 0 ? r.ReductionPerEuroP50 is null : r.ReductionPerEuroP05 <= r.ReductionPerEuroP50 && r.ReductionPerEuroP50 <= r.ReductionPerEuroP95;
            return ordered && ratios && r.ProbabilityNpvPositive is >= 0 and <= 1;
        });

    [Theory]
    [InlineData(ClassValuationRule.GeometricMean, ImpactClass.D, 0.15811388300841897)] // √(5 % · 50 %)
    [InlineData(ClassValuationRule.Midpoint, ImpactClass.D, 0.275)]
    [InlineData(ClassValuationRule.LowerBound, ImpactClass.D, 0.05)]
    [InlineData(ClassValuationRule.Midpoint, ImpactClass.E, 0.75)] // E runs up to certainty
    [InlineData(ClassValuationRule.LowerBound, ImpactClass.A, 0.00005)] // A is taken one decade wide
    [InlineData(ClassValuationRule.GeometricMean, ImpactClass.X, 0.0)]
    public void Probability_OfALikelihoodClass_FollowsTheRule(ClassValuationRule rule, ImpactClass c, double expected) =>
        ClassRepresentative.Probability(LikelihoodScale.Default, c, rule).ShouldBe(expected, 1e-15);

    [Theory]
    [InlineData(ClassValuationRule.GeometricMean, ImpactClass.C, 316.22776601683796)] // deaths C: 100 … 1,000
    [InlineData(ClassValuationRule.Midpoint, ImpactClass.C, 550.0)]
    [InlineData(ClassValuationRule.LowerBound, ImpactClass.C, 100.0)]
    [InlineData(ClassValuationRule.Midpoint, ImpactClass.E, 55_000.0)] // E: 10,000 … 100,000
    public void Quantity_OfAnImpactClass_FollowsTheRule(ClassValuationRule rule, ImpactClass c, double expected)
    {
        var deaths = ImpactClassScale.Quantitative("2.1", 1, "deaths", [1, 10, 100, 1_000, 10_000], isIndicative: true);
        ClassRepresentative.Quantity(deaths, c, rule)!.Value.ShouldBe(expected, 1e-9);
        ClassRepresentative.Quantity(ImpactClassScale.Qualitative("5.2", 1, true), c, rule).ShouldBeNull();
    }

    private static MeasureAppraisalResult Appraisal(string id, double npv, double ratio) =>
        new(id, MeasureKind.Preventive, RiskMetric.ExpectedAnnualDamage, 0, 1, 1, 0, npv, ratio, [], []);

    [Fact]
    public void Compare_NetPresentValueChangesSign_IsFragile_ASteadyWinnerIsNot()
    {
        var result = ValuationRuleComparison.Compare(new Dictionary<ClassValuationRule, IReadOnlyList<MeasureAppraisalResult>>
        {
            [ClassValuationRule.GeometricMean] = [Appraisal("STOCK", 5e6, 3), Appraisal("DYKE", 9e8, 40), Appraisal("SOC", 2e6, 2)],
            [ClassValuationRule.Midpoint] = [Appraisal("STOCK", 8e6, 4), Appraisal("DYKE", 2e9, 60), Appraisal("SOC", 3e6, 3)],
            [ClassValuationRule.LowerBound] = [Appraisal("STOCK", -1e6, 0.8), Appraisal("DYKE", 1e8, 9), Appraisal("SOC", 1e6, 1.5)],
        }).ToDictionary(r => r.MeasureId);

        result["DYKE"].Fragile.ShouldBeFalse();
        result["STOCK"].Fragile.ShouldBeTrue();
        result["STOCK"].Reason.ShouldBe("worth its cost under geometric and midpoint, not under lower");
        result["SOC"].Fragile.ShouldBeFalse(); // second or third place: it moves one place only
    }

    [Fact]
    public void Compare_BestBuyUnderOneRuleOnly_IsFragile()
    {
        var result = ValuationRuleComparison.Compare(new Dictionary<ClassValuationRule, IReadOnlyList<MeasureAppraisalResult>>
        {
            [ClassValuationRule.GeometricMean] = [Appraisal("A", 5e6, 56), Appraisal("B", 9e6, 40)],
            [ClassValuationRule.LowerBound] = [Appraisal("A", 1e6, 5), Appraisal("B", 2e6, 9)],
        }).ToDictionary(r => r.MeasureId);

        result["A"].Fragile.ShouldBeTrue();
        result["A"].Reason!.ShouldContain("best buy under geometric only");
        result["B"].Reason!.ShouldContain("best buy under lower only");
    }
}
