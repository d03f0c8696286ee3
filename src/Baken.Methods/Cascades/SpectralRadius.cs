using MathNet.Numerics.LinearAlgebra;

namespace Baken.Methods.Cascades;

/// <summary>
/// The spectral radius ρ of a non-negative square matrix. Small matrices take the eigenvalues of the dense matrix
/// (as Math.NET computes them). Large ones use Perron–Frobenius theory instead of a dense eigen-decomposition, which costs
/// seconds for 1,000 sectors: ρ(A) is the largest ρ of A's strongly connected blocks (the diagonal blocks of its
/// Frobenius normal form), and for an irreducible block B and any positive x the Collatz–Wielandt bounds
/// min_i (Bx)_i / x_i ≤ ρ(B) ≤ max_i (Bx)_i / x_i close in on ρ(B) under the power iteration x ← (B + I) x (the shift makes the
/// iteration primitive, so it converges even for periodic blocks). A block whose bounds do not meet within
/// <see cref="MaxIterations"/> falls back to the dense eigenvalues, so the answer never rests on an unconverged estimate.
/// </summary>
internal static class SpectralRadius
{
    /// <summary>Up to this order the dense eigenvalues are used directly (well under a millisecond).</summary>
    public const int DenseOrder = 100;

    /// <summary>The bounds must agree to this relative gap (the dense eigenvalues are accurate to about 1e-15).</summary>
    public const double RelativeGap = 1e-13;

    public const int MaxIterations = 20_000;

    public static double Of(Matrix<double> matrix, SparseRows rows)
    {
        if (rows.Count <= DenseOrder) return Dense(matrix);
        var radius = 0.0;
        foreach (var component in StronglyConnectedComponents(rows))
        {
            var block = component.Length == 1
                ? Diagonal(rows, component[0])
                : component.Length <= DenseOrder
                    ? Dense(Block(matrix, component))
                    : Bounded(rows, component) ?? Dense(Block(matrix, component));
            radius = Math.Max(radius, block);
        }
        return radius;
    }

    private static double Dense(Matrix<double> matrix) => matrix.Evd().EigenValues.Select(e => e.Magnitude).Max();

    private static double Diagonal(SparseRows rows, int i)
    {
        for (var p = rows.Start[i]; p < rows.Start[i + 1]; p++)
            if (rows.Column[p] == i) return rows.Value[p];
        return 0;
    }

    private static Matrix<double> Block(Matrix<double> matrix, int[] component) =>
        Matrix<double>.Build.Dense(component.Length, component.Length, (i, j) => matrix[component[i], component[j]]);

    /// <summary>ρ of the irreducible block on <paramref name="component"/> from converged Collatz–Wielandt bounds; null when they do not meet.</summary>
    private static double? Bounded(SparseRows rows, int[] component)
    {
        var n = rows.Count;
        var inBlock = new bool[n];
        foreach (var i in component) inBlock[i] = true;
        var x = new double[n];
        var y = new double[n];
        foreach (var i in component) x[i] = 1;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double lower = double.PositiveInfinity, upper = 0, largest = 0;
            foreach (var i in component)
            {
                var bx = 0.0;
                for (var p = rows.Start[i]; p < rows.Start[i + 1]; p++)
                    if (inBlock[rows.Column[p]]) bx += rows.Value[p] * x[rows.Column[p]];
                var ratio = bx / x[i];
                lower = Math.Min(lower, ratio);
                upper = Math.Max(upper, ratio);
                y[i] = bx + x[i];
                largest = Math.Max(largest, y[i]);
            }
            if (upper - lower <= RelativeGap * upper) return (lower + upper) / 2;
            foreach (var i in component) x[i] = y[i] / largest;
        }
        return null;
    }

    /// <summary>Tarjan's algorithm without recursion (a 1,000-sector chain would otherwise recurse 1,000 deep), on the graph i → j for a_ij ≠ 0.</summary>
    private static List<int[]> StronglyConnectedComponents(SparseRows rows)
    {
        var n = rows.Count;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var call = new Stack<(int Node, int Edge)>();
        var components = new List<int[]>();
        var next = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            call.Push((root, rows.Start[root]));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (call.Count > 0)
            {
                var (v, edge) = call.Pop();
                if (edge < rows.Start[v + 1])
                {
                    call.Push((v, edge + 1));
                    var w = rows.Column[edge];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack.Push(w);
                        onStack[w] = true;
                        call.Push((w, rows.Start[w]));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    components.Add(component.ToArray());
                }
                if (call.Count > 0)
                {
                    var parent = call.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return components;
    }
}
