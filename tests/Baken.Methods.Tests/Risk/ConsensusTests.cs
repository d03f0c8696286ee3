using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class ConsensusTests
{
    [Theory]
    [InlineData("A,B,C,D", ImpactClass.C)] // even: higher middle
    [InlineData("D,C,B,A", ImpactClass.C)]
    [InlineData("A,E,B", ImpactClass.B)]
    [InlineData("X,X,E,E", ImpactClass.E)]
    [InlineData("C", ImpactClass.C)]
    public void MedianClass_GivesMedianWithHigherMiddleForEvenCounts(string classes, ImpactClass expected) =>
        Consensus.MedianClass(classes.Split(',').Select(Enum.Parse<ImpactClass>)).ShouldBe(expected);

    [Fact]
    public void Describe_FourAnalysts_GivesRangeAndInterquartileRange()
    {
        var judgements = new[] { ("d", "D"), ("a", "A"), ("c", "B-D"), ("b", "B") }
            .Select(x => (x.Item1, "org", ClassJudgement.Parse(x.Item2)));

        var d = Consensus.Describe("2.1", judgements);

        // Point classes A, B, C (midpoint of B-D), D → indices 1..4: Q1 = 1.75, Q3 = 3.25.
        d.Consensus.ShouldBe(ImpactClass.C);
        d.Min.ShouldBe(ImpactClass.A);
        d.Max.ShouldBe(ImpactClass.D);
        d.RangeInClasses.ShouldBe(3);
        d.InterquartileRange.ShouldBe(1.5, 1e-12);
        d.Lowest.ShouldBe(ImpactClass.A);
        d.Highest.ShouldBe(ImpactClass.D);
        d.AnalystClasses.Select(a => a.Analyst).ShouldBe(["a", "b", "c", "d"]);
    }

    [Fact]
    public void MedianClass_Empty_Throws() =>
        Should.Throw<ArgumentException>(() => Consensus.MedianClass([]));
}
