using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class LikelihoodTests
{
    [Theory]
    [InlineData(0.0, ImpactClass.A)]
    [InlineData(0.0004, ImpactClass.A)]
    [InlineData(0.0005, ImpactClass.B)]
    [InlineData(0.004, ImpactClass.B)]
    [InlineData(0.02, ImpactClass.C)]
    [InlineData(0.05, ImpactClass.D)]
    [InlineData(0.4999, ImpactClass.D)]
    [InlineData(0.5, ImpactClass.E)]
    [InlineData(1.0, ImpactClass.E)]
    public void Classify_DefaultScaleOverFiveYears_GivesClass(double p, ImpactClass expected) =>
        LikelihoodScale.Default.Classify(p).Class.ShouldBe(expected);

    [Fact]
    public void AnnualProbability_HalfOverFiveYears_Is12Point9Percent()
    {
        // 1 − 0.5^(1/5) = 0.129449436703876
        LikelihoodScale.AnnualProbability(0.5, 5).ShouldBe(0.129449436703876, 1e-12);
    }

    [Fact]
    public void Classify_TwoPercentOverOneYear_IsConvertedToTheFiveYearHorizon()
    {
        // 1 − 0.98^5 = 0.0960792 ≥ 5 % → D, although 2 % alone would be C.
        var result = LikelihoodScale.Default.Classify(0.02, horizonYears: 1);

        result.Class.ShouldBe(ImpactClass.D);
        result.Explanation.ShouldContain("9.6079% over the scale's 5 years");
        result.Explanation.ShouldContain("about 2% a year");
    }

    [Fact]
    public void Constructor_BoundsNotIncreasing_Throws()
    {
        Should.Throw<ArgumentException>(() => new LikelihoodScale([0.01, 0.005, 0.05, 0.5])).Message.ShouldContain("increase strictly");
    }

    [Theory]
    [InlineData(ImpactClass.C, ImpactClass.C, ImpactClass.C, ImpactClass.C)] // 3
    [InlineData(ImpactClass.E, ImpactClass.A, ImpactClass.A, ImpactClass.B)] // ∛5 = 1.71
    [InlineData(ImpactClass.E, ImpactClass.E, ImpactClass.A, ImpactClass.C)] // ∛25 = 2.92
    [InlineData(ImpactClass.B, ImpactClass.B, ImpactClass.A, ImpactClass.B)] // ∛4 = 1.59
    [InlineData(ImpactClass.E, ImpactClass.D, ImpactClass.C, ImpactClass.D)] // ∛60 = 3.91
    [InlineData(ImpactClass.B, ImpactClass.B, ImpactClass.B, ImpactClass.B)] // ∛8 = 2 exactly
    public void GeometricMeanRule_GivesRoundedGeometricMean(ImpactClass intent, ImpactClass capability, ImpactClass vulnerability, ImpactClass expected) =>
        ThreatLikelihoodRule.GeometricMean.Suggest(new ThreatJudgement(intent, capability, vulnerability)).Class.ShouldBe(expected);

    [Fact]
    public void MinimumRule_GivesWeakestFactor()
    {
        var result = ThreatLikelihoodRule.Minimum.Suggest(new ThreatJudgement(ImpactClass.E, ImpactClass.D, ImpactClass.B));

        result.Class.ShouldBe(ImpactClass.B);
        result.Explanation.ShouldContain("weakest factor");
    }

    [Fact]
    public void ThreatJudgement_ClassX_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ThreatJudgement(ImpactClass.X, ImpactClass.C, ImpactClass.C)).ParamName.ShouldBe("intent");

    [Fact]
    public void LikelihoodJudgement_OverrideWithoutReason_IsRefused()
    {
        var threat = new ThreatJudgement(ImpactClass.C, ImpactClass.C, ImpactClass.C);

        Should.Throw<ArgumentException>(() => new LikelihoodJudgement(ClassJudgement.Of(ImpactClass.E), threat: threat)).Message.ShouldContain("needs a reason");
        new LikelihoodJudgement(ClassJudgement.Of(ImpactClass.E), threat: threat, overrideReason: "new intelligence").IsOverride.ShouldBeTrue();
    }

    [Fact]
    public void LikelihoodJudgement_ClassX_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LikelihoodJudgement.OfClass(ImpactClass.X));
}
