using Baken.Methods.Measures;
using static Baken.Methods.Tests.Measures.MeasureBuilders;

namespace Baken.Methods.Tests.Measures;

public sealed class MeasureValuesTests
{
    [Fact]
    public void EffectRange_Unordered_ThrowsNamingTheBounds()
    {
        var ex = Should.Throw<ArgumentException>(() => new EffectRange(0.5, 0.4, 0.9));
        ex.Message.ShouldContain("low = 0.5, most likely = 0.4, high = 0.9");
        ex.Message.ShouldContain("low ≤ most likely ≤ high");
    }

    [Fact]
    public void EffectRange_NaN_ThrowsNamingTheField()
    {
        Should.Throw<ArgumentException>(() => new EffectRange(double.NaN, 0.4, 0.9)).Message.ShouldContain("low = NaN is not a finite number");
    }

    [Fact]
    public void EffectRange_Mean_IsTriangularMean()
    {
        new EffectRange(0.2, 0.5, 0.8).Mean.ShouldBe(0.5, 1e-15);
        new EffectRange(0.0, 0.0, 0.9).Mean.ShouldBe(0.3, 1e-15);
    }

    [Fact]
    public void EffectRange_Quantile_MatchesTriangularCdfAtTheMode()
    {
        // For a triangle on [0, 1] with mode 0.25, F(mode) = 0.25: the 0.25 quantile is the mode, the median is
        // 1 − sqrt(0.5 · 0.75) = 0.387627564...
        var range = new EffectRange(0, 0.25, 1);
        range.Quantile(0.25).ShouldBe(0.25, 1e-12);
        range.Quantile(0.5).ShouldBe(1 - Math.Sqrt(0.375), 1e-12);
        range.Quantile(0).ShouldBe(0, 1e-12);
        range.Quantile(1).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void EffectRange_DrawsWithFixedSeed_StayInsideAndAverageToTheMean()
    {
        var range = new EffectRange(0.1, 0.2, 0.9);
        var random = new Random(7);
        var draws = Enumerable.Range(0, 20_000).Select(_ => range.Draw(random)).ToArray();
        draws.ShouldAllBe(d => d >= 0.1 && d <= 0.9);
        // Standard error of the mean ≈ 0.17 / sqrt(20 000) ≈ 0.0012; 0.01 is eight of them.
        draws.Average().ShouldBe(range.Mean, 0.01);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.2)]
    public void MeasureEffect_LikelihoodMultiplierOutsideUnitInterval_Throws(double bad)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new MeasureEffect("flood", new EffectRange(bad, bad, bad)));
        ex.ParamName.ShouldBe("likelihoodMultiplier");
        ex.Message.ShouldContain("scenario 'flood'");
        ex.Message.ShouldContain("(0, 1]");
    }

    [Fact]
    public void MeasureEffect_ReductionAboveOne_ThrowsNamingTheCriterion()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new MeasureEffect(
            "flood", null, new Dictionary<string, EffectRange> { ["2.1"] = new(0.5, 0.9, 1.5) }));
        ex.Message.ShouldContain("impactReductionByCriterion['2.1']");
        ex.Message.ShouldContain("[0, 1]");
    }

    [Fact]
    public void MeasureEffect_NoEffectAtAll_Throws()
    {
        Should.Throw<ArgumentException>(() => new MeasureEffect("flood", null)).Message.ShouldContain("neither a likelihood multiplier nor an impact reduction");
    }

    [Theory]
    [InlineData(-1.0, 0.0, 2026, 1, "oneOffEuros")]
    [InlineData(0.0, double.PositiveInfinity, 2026, 1, "yearlyEuros")]
    [InlineData(0.0, 0.0, 1800, 1, "startYear")]
    [InlineData(0.0, 0.0, 2026, 0, "lifetimeYears")]
    public void MeasureCosts_OutOfRange_ThrowsNamingTheParameter(double oneOff, double yearly, int start, int lifetime, string parameter)
    {
        var ex = Should.Throw<ArgumentException>(() => new MeasureCosts(oneOff, yearly, start, lifetime));
        ex.ParamName.ShouldBe(parameter);
        ex.Message.ShouldContain(parameter);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void AppraisalPeriod_DiscountRateOutsideZeroToOne_Throws(double bad)
    {
        var ex = Should.Throw<ArgumentException>(() => new AppraisalPeriod(2026, 10, bad));
        ex.ParamName.ShouldBe("discountRate");
        ex.Message.ShouldContain("discountRate");
    }

    [Fact]
    public void ModelledMeasure_RequiresAndExcludesTheSameMeasure_Throws()
    {
        Should.Throw<ArgumentException>(() => new ModelledMeasure("dikes", MeasureKind.Preventive, Costs(), [], requires: ["pumps"], excludes: ["pumps"]))
            .Message.ShouldContain("both requires and excludes 'pumps'");
    }

    [Fact]
    public void ModelledMeasure_TwoEffectsOnOneScenario_Throws()
    {
        Should.Throw<ArgumentException>(() => Measure("dikes", Costs(), MeasureKind.Preventive, Likelihood("flood", 0.5), Likelihood("flood", 0.9)))
            .Message.ShouldContain("two effects on scenario 'flood'");
    }

    [Fact]
    public void ScenarioBaseline_ProbabilityAboveOne_ThrowsNamingTheScenario()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Scenario("flood", 1.5));
        ex.Message.ShouldContain("annualProbability of scenario 'flood' = 1.5");
        ex.Message.ShouldContain("[0, 1]");
    }

    [Fact]
    public void ScenarioBaseline_NegativeQuantity_ThrowsNamingTheCriterion()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ScenarioBaseline("flood", 0.1, new Dictionary<string, double> { ["2.1"] = -3 }))
            .Message.ShouldContain("quantityByCriterion of scenario 'flood'['2.1'] = -3");
    }

    [Fact]
    public void MonetisationTable_TwoRatesForOneCriterion_Throws()
    {
        Should.Throw<ArgumentException>(() => new MonetisationTable([
            new MonetisationRate("2.1", "death", 3e6, true, "a"),
            new MonetisationRate("2.1", "death", 4e6, true, "b"),
        ])).Message.ShouldContain("Criterion '2.1' has two monetisation rates");
    }

    [Fact]
    public void MonetisationRate_Negative_ThrowsNamingTheCriterion()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MonetisationRate("2.1", "death", -1, true, "a"))
            .Message.ShouldContain("EurosPerUnit for criterion '2.1' = -1");
    }
}
