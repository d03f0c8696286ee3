using Baken.Methods.Cascades;
using MathNet.Numerics.LinearAlgebra;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.Cascades;

/// <summary>The IIM value types refuse invalid input with messages that name the value and the rule.</summary>
public sealed class IimValueTests
{
    private static readonly string[] Two = ["A", "B"];

    [Fact]
    public void InterdependencyMatrix_NonSquare_SaysSquare()
    {
        Should.Throw<ArgumentException>(() => new InterdependencyMatrix(Two, Matrix<double>.Build.Dense(2, 3)))
            .Message.ShouldContain("square");
    }

    [Fact]
    public void InterdependencyMatrix_SectorCountMismatch_SaysSo()
    {
        Should.Throw<ArgumentException>(() => new InterdependencyMatrix(["A", "B", "C"], new double[2, 2]))
            .Message.ShouldContain("3 sectors");
    }

    [Fact]
    public void InterdependencyMatrix_NaN_NamesEntry()
    {
        Should.Throw<ArgumentException>(() => new InterdependencyMatrix(Two, new[,] { { 0, double.NaN }, { 0, 0 } }))
            .Message.ShouldContain("A*[A, B]");
    }

    [Fact]
    public void InterdependencyMatrix_Negative_NamesEntryAndValue()
    {
        var message = Should.Throw<ArgumentException>(() => new InterdependencyMatrix(Two, new[,] { { 0, 0 }, { -0.2, 0 } })).Message;
        message.ShouldContain("A*[B, A]");
        message.ShouldContain("-0.2");
    }

    [Fact]
    public void InterdependencyMatrix_SpectralRadiusOne_IsUnstable()
    {
        Should.Throw<ArgumentException>(() => new InterdependencyMatrix(Two, new[,] { { 0.5, 0.5 }, { 0.5, 0.5 } }))
            .Message.ShouldContain("not stable");
    }

    [Fact]
    public void InterdependencyMatrix_DuplicateSector_NamesIt()
    {
        Should.Throw<ArgumentException>(() => new InterdependencyMatrix(["A", "A"], new double[2, 2])).Message.ShouldContain("'A'");
    }

    [Fact]
    public void InterdependencyMatrix_CopiesInput()
    {
        var values = new[,] { { 0.1, 0.2 }, { 0.3, 0.1 } };
        var aStar = new InterdependencyMatrix(Two, values);
        aStar.ToMatrix()[0, 0] = 0.9;

        aStar[0, 0].ShouldBe(0.1);
        aStar.SpectralRadius.ShouldBe(0.1 + Math.Sqrt(0.06), 1e-12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void ResilienceMatrix_OutsideUnitInterval_Throws(double k)
    {
        Should.Throw<ArgumentException>(() => new ResilienceMatrix(Two, [0.5, k])).Message.ShouldContain("k[B]");
    }

    [Fact]
    public void ResilienceMatrix_FromRecoveryTimes_FollowsLianHaimes()
    {
        var aStar = new InterdependencyMatrix(Two, new[,] { { 0.15, 0.5 }, { 0.1, 0.05 } });

        var k = ResilienceMatrix.FromRecoveryTimes(aStar, [5.0, 10.0], 0.01);

        // A: ln(100) / (5 × 0.85) = 1.08 → capped at 1. B: ln(100) / (10 × 0.95) = 0.48475.
        k.Coefficients[0].ShouldBe(1.0);
        k.Coefficients[1].ShouldBe(Math.Log(100) / 9.5, 1e-12);
    }

    [Fact]
    public void ResilienceMatrix_DifferentSectorsThanAStar_NamesMissing()
    {
        var aStar = new InterdependencyMatrix(Two, new double[2, 2]);
        Should.Throw<ArgumentException>(() =>
                InoperabilityModel.SimulateDynamic(aStar, new ResilienceMatrix(["A", "C"], [1, 1]), DemandPerturbation.None, 2))
            .Message.ShouldContain("missing from K: B");
    }

    [Fact]
    public void PerturbationWindow_EndBeforeStart_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new PerturbationWindow(5, 4));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void SectorDemandShock_OutsideUnitInterval_Throws(double c)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SectorDemandShock("A", c)).Message.ShouldContain("'A'");
    }

    [Fact]
    public void DemandPerturbation_OverlappingShocksOnOneSector_Throws()
    {
        Should.Throw<ArgumentException>(() => new DemandPerturbation([
                new SectorDemandShock("A", 0.1, new PerturbationWindow(0, 10)),
                new SectorDemandShock("A", 0.2, new PerturbationWindow(10, 20))]))
            .Message.ShouldContain("overlap");
    }

    [Fact]
    public void InputOutputTable_Xu2011_TechnicalCoefficientsAndBothInterdependencies()
    {
        string[] sectors = ["Electric", "Rail", "Water", "Gas"];
        var z = Matrix<double>.Build.DenseOfArray(new double[,]
            { { 175, 280, 280, 140 }, { 140, 315, 350, 280 }, { 245, 140, 280, 140 }, { 175, 280, 105, 280 } });
        double[] x = [1225, 1610, 1085, 1015];
        var table = new InputOutputTable(sectors, z, x);

        var a = table.TechnicalCoefficients();
        var demand = table.Interdependency(IimPerspective.Demand);
        var supply = table.Interdependency(IimPerspective.Supply);

        a[1, 2].ShouldBe(350.0 / 1085.0, 1e-15);
        // Demand side: a*_ij = z_ij / x_i = a_ij x_j / x_i.
        demand[1, 2].ShouldBe(350.0 / 1610.0, 1e-15);
        demand[1, 2].ShouldBe(a[1, 2] * x[2] / x[1], 1e-15);
        // Supply side reproduces Xu et al. (2011) eq. 34 as the transpose of A.
        supply[2, 1].ShouldBe(a[1, 2], 1e-15);
        supply[0, 1].ShouldBe(0.11, 0.015);
        // Similar matrices share their spectrum.
        demand.SpectralRadius.ShouldBe(supply.SpectralRadius, 1e-12);
    }

    [Fact]
    public void InputOutputTable_ZeroOutput_NamesSector()
    {
        Should.Throw<ArgumentException>(() => new InputOutputTable(Two, Matrix<double>.Build.Dense(2, 2), [1.0, 0.0]))
            .Message.ShouldContain("x[B]");
    }

    [Fact]
    public void InputOutputTable_NonSquare_SaysSquare()
    {
        Should.Throw<ArgumentException>(() => new InputOutputTable(Two, Matrix<double>.Build.Dense(3, 2), [1.0, 1.0]))
            .Message.ShouldContain("square");
    }
}
