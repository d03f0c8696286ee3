using Baken.Methods.CountryRisk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.CountryRisk;

public class InformScoreTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    // 11 − √((11−3)(11−5)) = 11 − √48
    [InlineData(new[] { 3.0, 5.0 }, 4.071796769724491)]
    // One catastrophic child dominates: 11 − √(1·11)
    [InlineData(new[] { 10.0, 0.0 }, 7.683375209644600)]
    // 11 − ∛(10·9·8) = 11 − ∛720
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 2.037190506885672)]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, 0.0)]
    [InlineData(new[] { 10.0, 10.0 }, 10.0)]
    [InlineData(new[] { 6.2 }, 6.2)]
    public void ReversedGeometricMean_ReferenceValues_MatchClosedForm(double[] scores, double expected)
    {
        InformScore.ReversedGeometricMean(scores).ShouldBe(expected, Tolerance);
    }

    [Fact]
    public void ReversedGeometricMean_Afghanistan2016HazardExposure_ReproducesPublishedDimension()
    {
        // INFORM 2016, AFG: Natural 5.5, Human 10 → 11 − √(5.5 · 1) = 8.6548, published H&E 8.6.
        InformScore.ReversedGeometricMean([5.5, 10.0]).ShouldBe(8.654792120088285, Tolerance);
    }

    [Fact]
    public void GeometricMean_ThreeDimensions_IsCubeRootOfProduct()
    {
        InformScore.GeometricMean([2.0, 4.0, 8.0]).ShouldBe(4.0, Tolerance);
        InformScore.GeometricMean([0.0, 9.0, 9.0]).ShouldBe(0.0);
    }

    [Fact]
    public void WeightedArithmeticMean_SocioEconomicWeights_ReferenceValue()
    {
        // 0.5·6.5 + 0.25·5.1 + 0.25·9.3 = 6.85 (AFG 2016 Socio-Economic Vulnerability, published 6.9)
        InformScore.WeightedArithmeticMean([6.5, 5.1, 9.3], [0.5, 0.25, 0.25]).ShouldBe(6.85, Tolerance);
    }

    [Fact]
    public void WeightedMaximum_HumanHazard_TakesLargerOfScaledProjectionAndCurrentConflict()
    {
        // PAK 2016: projected 9.9, current 8 → max(0.7·9.9, 8) = 8; AGO 2016: projected 3.7, current 0 → 2.59.
        InformScore.WeightedMaximum([9.9, 8.0], [0.7, 1.0]).ShouldBe(8.0, Tolerance);
        InformScore.WeightedMaximum([3.7, 0.0], [0.7, 1.0]).ShouldBe(2.59, Tolerance);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(10.01)]
    [InlineData(double.NaN)]
    public void ReversedGeometricMean_ScoreOutsideZeroToTen_Throws(double bad)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => InformScore.ReversedGeometricMean([1.0, bad]));
        ex.Message.ShouldContain("scores[1]");
        ex.Message.ShouldContain("[0, 10]");
    }

    [Fact]
    public void WeightedArithmeticMean_WeightCountMismatch_ThrowsNamingWeights()
    {
        var ex = Should.Throw<ArgumentException>(() => InformScore.WeightedArithmeticMean([1.0, 2.0], [1.0]));
        ex.ParamName.ShouldBe("weights");
    }

    [Fact]
    public void ArithmeticMean_NoScores_Throws()
    {
        Should.Throw<ArgumentException>(() => InformScore.ArithmeticMean([]));
    }

    [Property(MaxTest = 300, Replay = "(12345,67891)")]
    public Property ReversedGeometricMean_AnyScores_LiesBetweenArithmeticMeanAndMaximum()
    {
        var scores = Gen.Choose(0, 1000).Select(i => i / 100.0).ListOf().Where(l => l.Count > 0).Select(l => l.ToArray());
        return Prop.ForAll(scores.ToArbitrary(), xs =>
        {
            var rgm = InformScore.ReversedGeometricMean(xs);
            return rgm >= xs.Average() - Tolerance && rgm <= xs.Max() + Tolerance;
        });
    }
}
