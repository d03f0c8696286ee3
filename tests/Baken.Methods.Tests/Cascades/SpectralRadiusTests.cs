using Baken.Methods.Cascades;
using MathNet.Numerics.LinearAlgebra;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.Cascades;

/// <summary>
/// Large A* matrices get their spectral radius from Perron–Frobenius bounds instead of a dense eigen-decomposition; it
/// must agree with the dense eigenvalues, also for reducible and periodic matrices and unstable ones.
/// </summary>
public sealed class SpectralRadiusTests
{
    private static string[] Names(int n) => Enumerable.Range(0, n).Select(i => $"S{i}").ToArray();

    private static double DenseRadius(double[,] a) =>
        Matrix<double>.Build.DenseOfArray(a).Evd().EigenValues.Select(e => e.Magnitude).Max();

    /// <summary>Each sector depends on <paramref name="dependencies"/> others, row sums in [0.2, <paramref name="maxRowSum"/>].</summary>
    private static double[,] RandomSparse(int n, int dependencies, int seed, double maxRowSum = 0.6)
    {
        var random = new Random(seed);
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var rowSum = 0.2 + random.NextDouble() * (maxRowSum - 0.2);
            var suppliers = Enumerable.Range(0, n).Where(j => j != i).OrderBy(_ => random.Next()).Take(dependencies).ToArray();
            var weights = suppliers.Select(_ => random.NextDouble()).ToArray();
            for (var d = 0; d < suppliers.Length; d++) a[i, suppliers[d]] = weights[d] / weights.Sum() * rowSum;
        }
        return a;
    }

    [Theory]
    [InlineData(300, 10, 1)]
    [InlineData(500, 3, 2)]
    public void SpectralRadius_LargeSparse_MatchesDenseEigenvalues(int n, int dependencies, int seed)
    {
        var a = RandomSparse(n, dependencies, seed);

        new InterdependencyMatrix(Names(n), a).SpectralRadius.ShouldBe(DenseRadius(a), 1e-12);
    }

    [Fact]
    public void SpectralRadius_Reducible_TakesTheLargestBlock()
    {
        // Three blocks: 120 sectors depending on each other, 80 depending on them but not back (a lower block), and 20
        // with no dependencies but a self-dependency; the radius is the largest of the blocks' radii.
        var n = 220;
        var a = new double[n, n];
        var first = RandomSparse(120, 6, 3, maxRowSum: 0.5);
        var second = RandomSparse(80, 5, 4, maxRowSum: 0.9);
        for (var i = 0; i < 120; i++) for (var j = 0; j < 120; j++) a[i, j] = first[i, j];
        for (var i = 0; i < 80; i++)
        {
            for (var j = 0; j < 80; j++) a[120 + i, 120 + j] = second[i, j];
            a[120 + i, i] = 0.05;
        }
        for (var i = 200; i < n; i++) a[i, i] = 0.01 * (i - 199);

        var radius = new InterdependencyMatrix(Names(n), a).SpectralRadius;

        radius.ShouldBe(DenseRadius(a), 1e-12);
        radius.ShouldBe(DenseRadius(second), 1e-12);
    }

    [Fact]
    public void SpectralRadius_PeriodicCycle_MatchesDenseEigenvalues()
    {
        // A ring of 150 sectors, each depending on the next with 0.7: eigenvalues 0.7·(roots of unity), all on one circle.
        var n = 150;
        var a = new double[n, n];
        for (var i = 0; i < n; i++) a[i, (i + 1) % n] = 0.7;

        new InterdependencyMatrix(Names(n), a).SpectralRadius.ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void InterdependencyMatrix_LargeUnstable_IsRefused()
    {
        var a = RandomSparse(200, 4, 5);
        for (var i = 0; i < 200; i++) a[i, (i + 7) % 200] += 1.0;

        Should.Throw<ArgumentException>(() => new InterdependencyMatrix(Names(200), a)).Message.ShouldContain("not stable");
    }
}
