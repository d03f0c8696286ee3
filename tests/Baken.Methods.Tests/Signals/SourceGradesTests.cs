using Baken.Methods.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Baken.Methods.Tests.Signals;

public class SourceGradesTests
{
    [Theory]
    [InlineData('A', '1', 1.0)]
    [InlineData('B', '2', 0.64)]
    [InlineData('c', '3', 0.36)]
    [InlineData('E', '5', 0.04)]
    [InlineData('F', '6', 0.25)]
    public void Weight_DefaultTable_IsProductOfIndicativeWeights(char reliability, char credibility, double expected) =>
        SourceGrades.Weight(reliability, credibility).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData('G', '1')]
    [InlineData('A', '0')]
    [InlineData('A', '7')]
    public void Weight_OutsideAdmiraltyCode_IsRefused(char reliability, char credibility) =>
        Should.Throw<ArgumentOutOfRangeException>(() => SourceGrades.Weight(reliability, credibility));

    [Fact]
    public void GradeWeights_CustomTable_IsUsedAndValidated()
    {
        var table = new GradeWeights([1, 1, 1, 1, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
        SourceGrades.Weight('E', '1', table).ShouldBe(0.5, 1e-12);

        Should.Throw<ArgumentOutOfRangeException>(() => new GradeWeights([1, 1, 1, 1, 1, 1.5], [1, 1, 1, 1, 1, 1])).ParamName.ShouldBe("reliability");
        Should.Throw<ArgumentException>(() => new GradeWeights([1, 1, 1], [1, 1, 1, 1, 1, 1]));
    }

    [Property(MaxTest = 100, Replay = "(7,11)")]
    public Property Weight_BetterGradeAmongAtoE_NeverWeighsLess()
    {
        var gen =
            from r in Gen.Choose(0, 3)
            from c in Gen.Choose(0, 4)
            select (r, c);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (r, c) = t;
            var w = SourceGrades.Weight((char)('A' + r), (char)('1' + c));
            return SourceGrades.Weight((char)('A' + r + 1), (char)('1' + c)) <= w && w >= 0 && w <= 1;
        });
    }
}
