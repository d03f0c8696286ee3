using Baken.Methods.Dependencies;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.Dependencies;

public sealed class ConcentrationTests
{
    [Fact]
    public void Hhi_OneSupplier_IsOne() => Concentration.Hhi([42.0]).ShouldBe(1.0);

    [Fact]
    public void Hhi_HandComputed_MatchesSumOfSquaredShares()
    {
        // Shares 0.7, 0.2, 0.1: 0.49 + 0.04 + 0.01 = 0.54 (product 271111 of the example year).
        Concentration.Hhi([700.0, 200.0, 100.0]).ShouldBe(0.54, 1e-15);
    }

    [Fact]
    public void Hhi_ZeroValuesIgnoredInShares()
    {
        Concentration.Hhi([0.0, 5.0, 5.0]).ShouldBe(0.5, 1e-15);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Hhi_InvalidValue_Throws(double bad)
    {
        Should.Throw<ArgumentException>(() => Concentration.Hhi([1.0, bad])).Message.ShouldContain("≥ 0");
    }

    [Fact]
    public void Hhi_AllZero_Throws()
    {
        Should.Throw<ArgumentException>(() => Concentration.Hhi([0.0, 0.0])).Message.ShouldContain("positive");
    }

    private static Arbitrary<double[]> PositiveValues() =>
        Gen.Choose(1, 1_000_000).Select(i => i / 100.0).ListOf().Where(l => l.Count > 0).Select(l => l.ToArray()).ToArbitrary();

    [Property(MaxTest = 300, Replay = "(20261123,101)")]
    public Property Hhi_AnyPositiveValues_LiesBetweenOneOverNAndOne() =>
        Prop.ForAll(PositiveValues(), values =>
        {
            var hhi = Concentration.Hhi(values);
            return hhi >= 1.0 / values.Length - 1e-12 && hhi <= 1.0 + 1e-12;
        });

    [Property(MaxTest = 200, Replay = "(20261123,103)")]
    public Property Hhi_ReorderingOrRescaling_ChangesNothing() =>
        Prop.ForAll(PositiveValues(), values =>
        {
            var hhi = Concentration.Hhi(values);
            return Math.Abs(Concentration.Hhi(values.Reverse()) - hhi) < 1e-12
                && Math.Abs(Concentration.Hhi(values.Select(v => v * 1000)) - hhi) < 1e-12;
        });
}
