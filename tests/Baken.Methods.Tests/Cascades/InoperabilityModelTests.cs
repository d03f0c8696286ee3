using Baken.Methods.Cascades;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.Cascades;

public sealed class InoperabilityModelTests
{
    private static readonly string[] Two = ["Sector1", "Sector2"];

    // Lian & Haimes (2006) example used by reference cases 7, 10 and 12.
    private static readonly InterdependencyMatrix LianHaimes = new(Two, new[,] { { 0.15, 0.50 }, { 0.10, 0.05 } });
    private static readonly ResilienceMatrix K02 = new(Two, [0.2, 0.2]);

    private static DemandPerturbation Shock(string sector, double c, int? first = null, int? last = null) =>
        new([new SectorDemandShock(sector, c, first is null ? null : new PerturbationWindow(first.Value, last!.Value))]);

    [Fact]
    public void SolveStatic_HaimesJiangExample_ReproducesCase1()
    {
        var aStar = new InterdependencyMatrix(Two, new[,] { { 0.0, 0.8 }, { 0.2, 0.0 } });

        var q = InoperabilityModel.SolveStatic(aStar, Shock("Sector2", 0.6));

        // Exact: q1 = 0.48 / 0.84, q2 = 0.6 / 0.84 (expected_results.csv: 0.571; 0.714 ± 0.001).
        q.Inoperability[0].ShouldBe(0.48 / 0.84, 1e-12);
        q.Inoperability[1].ShouldBe(0.6 / 0.84, 1e-12);
    }

    [Fact]
    public void SolveStatic_OverwhelmingShock_CapsAtOneAndKeepsUncapped()
    {
        var aStar = new InterdependencyMatrix(["A", "B", "C", "D"],
            new[,] { { 0.0, 0.9, 0, 0 }, { 0.4, 0, 0, 0 }, { 1.0, 0.8, 0, 0 }, { 1.0, 0.9, 0, 0 } });

        var q = InoperabilityModel.SolveStatic(aStar, Shock("B", 0.5));

        q.Inoperability.ShouldBe([0.45 / 0.64, 0.5 / 0.64, 1.0, 1.0], 1e-12);
        // Uncapped C = q_A + 0.8 q_B = (0.45 + 0.4) / 0.64 = 1.328125.
        q.UncappedInoperability[2].ShouldBe(0.85 / 0.64, 1e-12);
    }

    [Fact]
    public void SimulateDynamic_Case12_CumulativeMatchesReferenceTo1e6()
    {
        var run = InoperabilityModel.SimulateDynamic(LianHaimes, K02, Shock("Sector2", 0.1, 0, 30), 100);

        run.Cumulative[0].ShouldBe(1.980144350, 1e-6);
        run.Cumulative[1].ShouldBe(3.366317449, 1e-6);
    }

    [Fact]
    public void SimulateDynamic_WindowBothEndsIncluded_AppliesExactlyInside()
    {
        var independent = new InterdependencyMatrix(Two, new double[2, 2]);
        // K = 1 and A* = 0 make q(t) = c*(t), so the trajectory shows the window itself.
        var run = InoperabilityModel.SimulateDynamic(independent, ResilienceMatrix.Identity(Two), Shock("Sector1", 0.3, 2, 3), 6);

        Enumerable.Range(0, 6).Select(t => run.At(t)[0]).ShouldBe([0, 0, 0.3, 0.3, 0, 0]);
    }

    [Fact]
    public void SimulateDynamic_Cumulative_IsTrapezoidOnUnitSteps()
    {
        var independent = new InterdependencyMatrix(Two, new double[2, 2]);
        var run = InoperabilityModel.SimulateDynamic(independent, ResilienceMatrix.Identity(Two), Shock("Sector1", 0.4, 1, 2), 3);

        // q = (0, 0.4, 0.4): trapezoid = 0/2 + 0.4 + 0.4/2 = 0.6 (a plain sum would be 0.8).
        run.Cumulative[0].ShouldBe(0.6, 1e-15);
        run.Final[0].ShouldBe(0.4);
    }

    [Fact]
    public void SimulateDynamic_InitialState_IsFirstPoint()
    {
        var run = InoperabilityModel.SimulateDynamic(LianHaimes, K02, DemandPerturbation.None, 3, [0.5, 0.25]);

        run.At(0).ShouldBe([0.5, 0.25]);
        // q(1) = q0 + K (A* q0 − q0): Sector1 = 0.5 + 0.2 (0.075 + 0.125 − 0.5) = 0.44.
        run.At(1)[0].ShouldBe(0.44, 1e-15);
    }

    [Fact]
    public void Recover_NoInterdependency_DecaysExponentially()
    {
        var independent = new InterdependencyMatrix(Two, new double[2, 2]);
        var run = InoperabilityModel.Recover(independent, new ResilienceMatrix(Two, [0.2, 0.5]), [0.8, 0.6], 11);

        run.At(10)[0].ShouldBe(0.8 * Math.Exp(-2.0), 1e-12);
        run.At(10)[1].ShouldBe(0.6 * Math.Exp(-5.0), 1e-12);
    }

    [Fact]
    public void Recover_SymmetricInterdependency_MatchesEigenDecomposition()
    {
        var aStar = new InterdependencyMatrix(Two, new[,] { { 0.1, 0.4 }, { 0.4, 0.2 } });
        var k = 0.3;
        var run = InoperabilityModel.Recover(aStar, new ResilienceMatrix(Two, [k, k]), [0.0, 0.9], 8);

        // K (I − A*) is symmetric here, so exp(−M t) = V diag(exp(−λ t)) Vᵀ.
        var m = k * (Matrix<double>.Build.DenseIdentity(2) - aStar.ToMatrix());
        var evd = m.Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var decay = Matrix<double>.Build.DenseOfDiagonalArray(evd.EigenValues.Select(l => Math.Exp(-l.Real * 7)).ToArray());
        var expected = v * decay * v.Transpose() * Vector<double>.Build.DenseOfArray([0.0, 0.9]);
        run.At(7)[0].ShouldBe(expected[0], 1e-10);
        run.At(7)[1].ShouldBe(expected[1], 1e-10);
    }

    [Fact]
    public void SimulateDynamic_PerturbationOnUnknownSector_NamesIt()
    {
        Should.Throw<ArgumentException>(() => InoperabilityModel.SimulateDynamic(LianHaimes, K02, Shock("Water", 0.1), 5))
            .Message.ShouldContain("Water");
    }

    [Fact]
    public void SimulateDynamic_ZeroSteps_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => InoperabilityModel.SimulateDynamic(LianHaimes, K02, DemandPerturbation.None, 0));
    }

    [Fact]
    public void SimulateDynamic_InitialStateAboveOne_Throws()
    {
        Should.Throw<ArgumentException>(() => InoperabilityModel.SimulateDynamic(LianHaimes, K02, DemandPerturbation.None, 5, [1.5, 0]))
            .Message.ShouldContain("1.5");
    }

    private sealed record Model(InterdependencyMatrix AStar, ResilienceMatrix K, DemandPerturbation C, double[] Shocks);

    // Random stable models: row sums of A* at most 0.5 (so the spectral radius is too), K in [0.3, 1],
    // c* in [0, 0.5] (so q ≤ 0.5 / (1 − 0.5) = 1 and the cap never binds).
    private static Arbitrary<Model> Models()
    {
        var gen =
            from n in Gen.Choose(1, 5)
            from a in Gen.Choose(0, 1000).ArrayOf(n * n)
            from k in Gen.Choose(300, 1000).ArrayOf(n)
            from c in Gen.Choose(0, 500).ArrayOf(n)
            select Build(n, a, k, c);
        return gen.ToArbitrary();
    }

    private static Model Build(int n, int[] a, int[] k, int[] c)
    {
        var sectors = Enumerable.Range(1, n).Select(i => $"S{i}").ToArray();
        var matrix = Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j] / 1000.0 * 0.5 / n);
        var shocks = c.Select(x => x / 1000.0).ToArray();
        return new Model(
            new InterdependencyMatrix(sectors, matrix),
            new ResilienceMatrix(sectors, k.Select(x => x / 1000.0).ToArray()),
            new DemandPerturbation(sectors.Select((s, i) => new SectorDemandShock(s, shocks[i])).ToList()),
            shocks);
    }

    [Property(MaxTest = 200, Replay = "(20261123,4711)")]
    public Property SimulateDynamic_AnyStableModel_StaysWithinUnitInterval() =>
        Prop.ForAll(Models(), m =>
        {
            var run = InoperabilityModel.SimulateDynamic(m.AStar, m.K, m.C, 30);
            return Enumerable.Range(0, 30).All(t => run.At(t).All(q => q is >= 0 and <= 1));
        });

    [Property(MaxTest = 200, Replay = "(20261123,4717)")]
    public Property SolveStatic_AnyStableModel_CappedWithinUnitIntervalAndBelowUncapped() =>
        Prop.ForAll(Models(), m =>
        {
            var q = InoperabilityModel.SolveStatic(m.AStar, m.C);
            return q.Inoperability.All(x => x is >= 0 and <= 1)
                && q.Inoperability.Zip(q.UncappedInoperability).All(p => p.First <= p.Second + 1e-15);
        });

    [Property(MaxTest = 100, Replay = "(20261123,4713)")]
    public Property SimulateDynamic_LongConstantPerturbation_ConvergesToStaticSolution() =>
        Prop.ForAll(Models(), m =>
        {
            var equilibrium = InoperabilityModel.SolveStatic(m.AStar, m.C).Inoperability;
            var final = InoperabilityModel.SimulateDynamic(m.AStar, m.K, m.C, 400).Final;
            return equilibrium.Zip(final).All(p => Math.Abs(p.First - p.Second) < 1e-6);
        });

    [Property(MaxTest = 100, Replay = "(20261123,4719)")]
    public Property ZeroPerturbation_GivesZeroInoperability() =>
        Prop.ForAll(Models(), m =>
            InoperabilityModel.SolveStatic(m.AStar, DemandPerturbation.None).Inoperability.All(q => q == 0)
            && InoperabilityModel.SimulateDynamic(m.AStar, m.K, DemandPerturbation.None, 20).Cumulative.All(q => q == 0));

    [Property(MaxTest = 100, Replay = "(20261123,4715)")]
    public Property SolveStatic_LargerShock_NeverLowersInoperability() =>
        Prop.ForAll(Models(), m =>
        {
            var sectors = m.AStar.Sectors;
            var larger = new DemandPerturbation(sectors.Select((s, i) => new SectorDemandShock(s, Math.Min(1, m.Shocks[i] + 0.1))).ToList());
            var before = InoperabilityModel.SolveStatic(m.AStar, m.C).Inoperability;
            var after = InoperabilityModel.SolveStatic(m.AStar, larger).Inoperability;
            return before.Zip(after).All(p => p.Second >= p.First - 1e-12);
        });
}
