using Baken.Methods.Risk;
using MathNet.Numerics.Statistics;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

/// <summary>The analysis' own R7 quantiles equal Math.NET's <c>QuantileCustomInplace(…, R7)</c> to the bit.</summary>
public sealed class OrderStatisticsTests
{
    public static TheoryData<int, int, int> Samples => new()
    {
        { 1, 0, 1 }, { 2, 0, 2 }, { 3, 0, 3 }, { 20, 0, 4 }, { 25, 0, 5 }, { 101, 0, 6 }, { 1000, 0, 7 }, { 100_000, 0, 8 },
        // Few distinct values (fixed weights give few impact values): ties everywhere.
        { 1000, 3, 9 }, { 100_000, 7, 10 }, { 5000, 1, 11 },
        // Around the size from which a sample brackets the ranks first (8 × 1,024), and a bracket's gathered values are
        // large enough to be bracketed again.
        { 8191, 0, 12 }, { 8192, 0, 13 }, { 250_000, 0, 14 }, { 250_000, 2, 15 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void R7Quantiles_RandomSample_BitForBitMathNet(int n, int distinct, int seed)
    {
        var random = new Random(seed);
        var data = Enumerable.Range(0, n).Select(_ => distinct > 0 ? random.Next(distinct) * 1.7 : random.NextDouble() * 90 - 3).ToArray();
        double[] taus = [0.05, 0.5, 0.95, 0.01, 0.999];

        var ours = OrderStatistics.R7Quantiles((double[])data.Clone(), taus);

        for (var q = 0; q < taus.Length; q++)
        {
            var expected = ArrayStatistics.QuantileCustomInplace((double[])data.Clone(), taus[q], QuantileDefinition.R7);
            BitConverter.DoubleToInt64Bits(ours[q]).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"τ = {taus[q]}: {ours[q]:R} against {expected:R}");
        }
    }

    [Fact]
    public void R7Quantiles_SortedAndReversedInput_SameAsShuffled()
    {
        var sorted = Enumerable.Range(0, 10_000).Select(i => i * 0.5).ToArray();
        var reversed = sorted.Reverse().ToArray();

        OrderStatistics.R7Quantiles(reversed, [0.05, 0.5, 0.95]).ShouldBe(OrderStatistics.R7Quantiles((double[])sorted.Clone(), [0.05, 0.5, 0.95]));
        OrderStatistics.R7Quantiles(sorted, [0.5]).ShouldBe([2499.75]);
    }

    /// <summary>
    /// The bracketing sample takes every (n / 1,024)-th value; here exactly those values are outliers, so the brackets
    /// miss the ranks they should hold and the selection must fall back to the full quickselect, with the same result.
    /// </summary>
    [Fact]
    public void R7Quantiles_SampleThatMisleadsTheBrackets_StillExact()
    {
        const int n = 50_000;
        var stride = n / 1024;
        var random = new Random(21);
        var data = Enumerable.Range(0, n).Select(i => i % stride == 0 ? 1e9 + i : random.NextDouble()).ToArray();
        double[] taus = [0.05, 0.5, 0.95];

        var ours = OrderStatistics.R7Quantiles((double[])data.Clone(), taus);

        for (var q = 0; q < taus.Length; q++)
            ours[q].ShouldBe(ArrayStatistics.QuantileCustomInplace((double[])data.Clone(), taus[q], QuantileDefinition.R7));
    }
}
