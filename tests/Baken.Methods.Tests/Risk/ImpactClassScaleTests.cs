using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class ImpactClassScaleTests
{
    private static readonly ImpactClassScale Deaths = ImpactClassScale.Quantitative("2.1", 1, "deaths", [1, 10, 100, 1_000, 10_000], isIndicative: true);

    [Fact]
    public void Classify_350Deaths_IsCWithExplanation()
    {
        var result = Deaths.Classify(350);

        result.Class.ShouldBe(ImpactClass.C);
        result.Explanation.ShouldBe("350 deaths lies in C: 100 ≤ q < 1,000 (scale v1, indicative)");
    }

    [Theory]
    [InlineData(0, ImpactClass.X)]
    [InlineData(0.5, ImpactClass.X)]
    [InlineData(1, ImpactClass.A)]
    [InlineData(9.999, ImpactClass.A)]
    [InlineData(10, ImpactClass.B)]
    [InlineData(100, ImpactClass.C)]
    [InlineData(10_000, ImpactClass.E)]
    [InlineData(1e9, ImpactClass.E)]
    public void Classify_LowerBoundsAreInclusive(double quantity, ImpactClass expected) =>
        Deaths.Classify(quantity).Class.ShouldBe(expected);

    [Fact]
    public void Classify_BelowA_ExplainsX()
    {
        Deaths.Classify(0).Explanation.ShouldBe("0 deaths lies in X: q < 1 (scale v1, indicative)");
    }

    [Fact]
    public void Classify_EuroCosts_2Point1Billion_IsB()
    {
        var costs = ImpactClassScale.Quantitative("3.1", 2, "EUR", [50e6, 0.5e9, 5e9, 50e9, 500e9], isIndicative: false);

        var result = costs.Classify(2.1e9);

        result.Class.ShouldBe(ImpactClass.B);
        result.Explanation.ShouldBe("2,100,000,000 EUR lies in B: 500,000,000 ≤ q < 5,000,000,000 (scale v2)");
    }

    [Fact]
    public void Classify_QualitativeScale_Refuses()
    {
        var ladder = ImpactClassScale.Qualitative("5.3", 1, isIndicative: true);

        Should.Throw<InvalidOperationException>(() => ladder.Classify(3)).Message.ShouldContain("qualitative");
        ladder.IsQuantitative.ShouldBeFalse();
    }

    [Fact]
    public void Quantitative_BoundsNotIncreasing_ThrowsNamingTheClass()
    {
        var ex = Should.Throw<ArgumentException>(() => ImpactClassScale.Quantitative("2.1", 1, "deaths", [1, 10, 10, 1_000, 10_000], true));
        ex.Message.ShouldContain("C = 10 is not above B = 10");
    }

    [Fact]
    public void Classify_NegativeQuantity_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Deaths.Classify(-1)).ParamName.ShouldBe("quantity");
}
