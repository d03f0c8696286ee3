using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class ClassJudgementTests
{
    [Theory]
    [InlineData("C", ImpactClass.C, ImpactClass.C, ImpactClass.C)]
    [InlineData(" x ", ImpactClass.X, ImpactClass.X, ImpactClass.X)]
    [InlineData("b-d", ImpactClass.B, ImpactClass.D, null)]
    [InlineData("B–D", ImpactClass.B, ImpactClass.D, null)]
    [InlineData("B - D ~ C", ImpactClass.B, ImpactClass.D, ImpactClass.C)]
    [InlineData("B-D (D)", ImpactClass.B, ImpactClass.D, ImpactClass.D)]
    [InlineData("X-B~A", ImpactClass.X, ImpactClass.B, ImpactClass.A)]
    public void Parse_ValidText_GivesRangeAndMode(string text, ImpactClass low, ImpactClass high, ImpactClass? mode)
    {
        var j = ClassJudgement.Parse(text);

        j.Low.ShouldBe(low);
        j.High.ShouldBe(high);
        j.MostLikely.ShouldBe(mode);
    }

    [Theory]
    [InlineData("F", "'F' is not a class")]
    [InlineData("D-B", "impossible range: D lies above B")]
    [InlineData("B-D~E", "most likely class E lies outside the range B-D")]
    [InlineData("", "Empty class")]
    [InlineData("B-", "is not a class")]
    public void TryParse_InvalidText_ExplainsWhatIsWrong(string text, string expected)
    {
        ClassJudgement.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(expected);
    }

    [Fact]
    public void Constructor_LowAboveHigh_ThrowsNamingTheRange()
    {
        var ex = Should.Throw<ArgumentException>(() => new ClassJudgement(ImpactClass.D, ImpactClass.B));
        ex.Message.ShouldContain("D-B");
        ex.ParamName.ShouldBe("low");
    }

    [Theory]
    [InlineData("C", ImpactClass.C)]
    [InlineData("B-D~B", ImpactClass.B)]
    [InlineData("B-D", ImpactClass.C)]
    [InlineData("B-C", ImpactClass.C)] // midpoint 2.5 rounds up: the cautious choice
    [InlineData("X-A", ImpactClass.A)]
    public void PointClass_ModeOrMidpointRoundedUp(string text, ImpactClass expected) =>
        ClassJudgement.Parse(text).PointClass.ShouldBe(expected);

    [Fact]
    public void ClassProbabilities_RangeWithMode_IsTriangularOverUnitCells()
    {
        // Triangle on [1.5, 4.5] peaking at 3: cells B [1.5,2.5], C [2.5,3.5], D [3.5,4.5] get 2/9, 5/9, 2/9.
        var p = ClassJudgement.Parse("B-D~C").ClassProbabilities();

        p[(int)ImpactClass.B].ShouldBe(2.0 / 9, 1e-12);
        p[(int)ImpactClass.C].ShouldBe(5.0 / 9, 1e-12);
        p[(int)ImpactClass.D].ShouldBe(2.0 / 9, 1e-12);
        p.Sum().ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void ClassProbabilities_RangeWithModeAtEdge_KeepsMassOnEveryClass()
    {
        // Triangle on [1.5, 3.5] peaking at 2 (cell B): F(2.5) = 1 − 1²/(2·1.5) = 2/3.
        var p = ClassJudgement.Parse("B-C~B").ClassProbabilities();

        p[(int)ImpactClass.B].ShouldBe(2.0 / 3, 1e-12);
        p[(int)ImpactClass.C].ShouldBe(1.0 / 3, 1e-12);
    }

    [Fact]
    public void ClassProbabilities_RangeWithoutMode_IsUniform()
    {
        var p = ClassJudgement.Parse("A-D").ClassProbabilities();

        p.ShouldBe([0, 0.25, 0.25, 0.25, 0.25, 0], 1e-15);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        foreach (var text in new[] { "C", "B-D", "B-D~C", "X" })
            ClassJudgement.Parse(text).ToString().ShouldBe(text);
    }
}
