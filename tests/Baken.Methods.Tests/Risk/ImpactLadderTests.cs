using Baken.Methods.Risk;
using FsCheck;
using FsCheck.Xunit;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class ImpactLadderTests
{
    [Fact]
    public void Value_Factor3_IsPowerLadder()
    {
        var ladder = new ImpactLadder(3);

        ImpactClasses.All.Select(ladder.Value).ShouldBe([0, 1, 3, 9, 27, 81]);
    }

    [Fact]
    public void Value_Factor10_IsDecadeLadder() =>
        ImpactClasses.All.Select(new ImpactLadder(10).Value).ShouldBe([0, 1, 10, 100, 1_000, 10_000]);

    [Fact]
    public void ImpactValue_HandComputed_IsWeightedMean()
    {
        // Weights 2,1,1 → 0.5, 0.25, 0.25; classes E, A, C → 0.5·81 + 0.25·1 + 0.25·9 = 43.
        new ImpactLadder(3).ImpactValue([2, 1, 1], [ImpactClass.E, ImpactClass.A, ImpactClass.C]).ShouldBe(43, 1e-12);
    }

    [Theory]
    [InlineData(0, ImpactClass.X)]
    [InlineData(0.3, ImpactClass.A)]
    [InlineData(1, ImpactClass.A)]
    [InlineData(2.99, ImpactClass.A)]
    [InlineData(3, ImpactClass.B)]
    [InlineData(8.999999999999998, ImpactClass.C)] // 9 after floating rounding still reaches C
    [InlineData(22, ImpactClass.C)]                // log3 22 = 2.81
    [InlineData(27, ImpactClass.D)]
    [InlineData(80.9, ImpactClass.D)]
    [InlineData(81, ImpactClass.E)]
    [InlineData(5000, ImpactClass.E)]
    public void Band_FloorRule_HandValues(double impact, ImpactClass expected) =>
        new ImpactLadder(3, BandRounding.Floor).Band(impact).ShouldBe(expected);

    [Theory]
    [InlineData(5.19, ImpactClass.B)]  // log3 5.19 = 1.4997 → rounds to 1
    [InlineData(5.2, ImpactClass.C)]   // log3 5.2 = 1.5009 → rounds to 2
    [InlineData(1.7, ImpactClass.A)]   // log3 1.7 = 0.48
    [InlineData(140.3, ImpactClass.E)] // log3 140.3 = 4.5
    public void Band_RoundRule_HandValues(double impact, ImpactClass expected) =>
        new ImpactLadder(3, BandRounding.Round).Band(impact).ShouldBe(expected);

    [Theory]
    [InlineData(1.0)]
    [InlineData(101.0)]
    [InlineData(double.NaN)]
    public void Constructor_FactorOutsideRange_Throws(double factor) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ImpactLadder(factor)).ParamName.ShouldBe("factor");

    [Property(MaxTest = 200, Replay = "(20171012,1)")]
    public bool ImpactValue_WorseClassOnOneCriterion_NeverLowersTheScore(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var n = random.Next(1, 12);
        var weights = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        weights[random.Next(n)] += 0.01;
        var classes = Enumerable.Range(0, n).Select(_ => (ImpactClass)random.Next(0, 6)).ToArray();
        var ladder = new ImpactLadder(random.Next(2) == 0 ? 3 : 2 + random.NextDouble() * 10);
        var before = ladder.ImpactValue(weights, classes);
        var k = random.Next(n);
        classes[k] = classes[k].Shift(random.Next(1, 3));
        var after = ladder.ImpactValue(weights, classes);
        return after >= before && ladder.Band(after) >= ladder.Band(before);
    }

    [Property(MaxTest = 300, Replay = "(424242,7)")]
    public bool Band_AnyPositiveImpact_StaysWithinAToE(PositiveInt numerator, PositiveInt denominator, bool round)
    {
        var impact = (double)numerator.Get / denominator.Get;
        var band = new ImpactLadder(3, round ? BandRounding.Round : BandRounding.Floor).Band(impact);
        return band is >= ImpactClass.A and <= ImpactClass.E;
    }
}
