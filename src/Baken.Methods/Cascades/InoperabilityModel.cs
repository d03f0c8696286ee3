using MathNet.Numerics.LinearAlgebra;

namespace Baken.Methods.Cascades;

/// <summary>
/// The inoperability input–output model: static (Haimes &amp; Jiang 2001) and dynamic (Lian &amp; Haimes 2006).
/// See METHODS.md §2.
/// </summary>
public static class InoperabilityModel
{
    /// <summary>
    /// Equilibrium inoperability q = (I − A*)⁻¹ c*, reported both clipped to [0, 1] and uncapped. Perturbation
    /// windows do not apply here; see <see cref="DemandPerturbation"/>.
    /// </summary>
    public static StaticInoperabilityResult SolveStatic(InterdependencyMatrix aStar, DemandPerturbation perturbation)
    {
        ArgumentNullException.ThrowIfNull(aStar);
        ArgumentNullException.ThrowIfNull(perturbation);
        var n = aStar.Count;
        var c = Vector<double>.Build.DenseOfArray(perturbation.Equilibrium(aStar));
        var leontief = Matrix<double>.Build.DenseIdentity(n) - aStar.Values;
        var q = leontief.Solve(c).ToArray();
        var capped = q.Select(Clip).ToArray();
        return new StaticInoperabilityResult(aStar.Sectors, capped, q);
    }

    /// <summary>
    /// Dynamic IIM on t = 0 … T − 1: q(0) = q0; for t ≥ 1,
    /// q(t) = q(t−1) + K (A* q(t−1) + c*(t) − q(t−1)), clipped to [0, 1]; c*(t) applies inside each shock's window.
    /// </summary>
    /// <param name="aStar">Interdependency matrix.</param>
    /// <param name="resilience">Resilience K for the same sectors (matched by name).</param>
    /// <param name="perturbation">c*(t).</param>
    /// <param name="timeSteps">T ≥ 1, the number of grid points (unit steps).</param>
    /// <param name="initialInoperability">q0 in A*'s sector order, each in [0, 1]; null means zero.</param>
    public static DynamicInoperabilityResult SimulateDynamic(
        InterdependencyMatrix aStar,
        ResilienceMatrix resilience,
        DemandPerturbation perturbation,
        int timeSteps,
        IReadOnlyList<double>? initialInoperability = null)
    {
        ArgumentNullException.ThrowIfNull(aStar);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(perturbation);
        if (timeSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(timeSteps), timeSteps, "The dynamic IIM needs at least one time step.");
        var k = resilience.AlignTo(aStar);
        var n = aStar.Count;
        var trajectory = new double[timeSteps][];
        trajectory[0] = InitialState(initialInoperability, aStar);
        // A* by rows of non-zeros: the same sums as the dense product (the skipped terms are +0), a hundredth of the work
        // for 1,000 sectors with 10 dependencies each.
        var a = aStar.Rows;
        var shockSectors = perturbation.SectorIndices(aStar);
        var c = new double[n];
        for (var t = 1; t < timeSteps; t++)
        {
            var previous = trajectory[t - 1];
            perturbation.At(t, shockSectors, c);
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                var driven = c[i];
                for (var p = a.Start[i]; p < a.Start[i + 1]; p++) driven += a.Value[p] * previous[a.Column[p]];
                next[i] = Clip(previous[i] + k[i] * (driven - previous[i]));
            }
            trajectory[t] = next;
        }
        return new DynamicInoperabilityResult(aStar.Sectors, trajectory);
    }

    /// <summary>
    /// Recovery without perturbation in continuous time: q(t) = exp(−K (I − A*) t) q0 at t = 0 … T − 1, clipped to [0, 1].
    /// </summary>
    /// <param name="aStar">Interdependency matrix.</param>
    /// <param name="resilience">Resilience K for the same sectors.</param>
    /// <param name="initialInoperability">q0 in A*'s sector order, each in [0, 1].</param>
    /// <param name="timeSteps">T ≥ 1.</param>
    public static DynamicInoperabilityResult Recover(
        InterdependencyMatrix aStar, ResilienceMatrix resilience, IReadOnlyList<double> initialInoperability, int timeSteps)
    {
        ArgumentNullException.ThrowIfNull(aStar);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(initialInoperability);
        if (timeSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(timeSteps), timeSteps, "A recovery run needs at least one time step.");
        var n = aStar.Count;
        var k = Matrix<double>.Build.DenseOfDiagonalArray(resilience.AlignTo(aStar));
        var rate = k * (Matrix<double>.Build.DenseIdentity(n) - aStar.Values);
        var q0 = Vector<double>.Build.DenseOfArray(InitialState(initialInoperability, aStar));
        var trajectory = new double[timeSteps][];
        for (var t = 0; t < timeSteps; t++)
            trajectory[t] = (MatrixExponential.Of(rate * -t) * q0).Select(Clip).ToArray();
        return new DynamicInoperabilityResult(aStar.Sectors, trajectory);
    }

    private static double[] InitialState(IReadOnlyList<double>? q0, InterdependencyMatrix aStar)
    {
        if (q0 is null) return new double[aStar.Count];
        if (q0.Count != aStar.Count)
            throw new ArgumentException(
                $"{q0.Count} initial inoperabilities are given for {aStar.Count} sectors; there must be one per sector.",
                "initialInoperability");
        for (var i = 0; i < q0.Count; i++)
        {
            if (!double.IsFinite(q0[i]) || q0[i] < 0 || q0[i] > 1)
                throw new ArgumentException(
                    $"Initial inoperability q0[{aStar.Sectors[i]}] = {q0[i]} is outside [0, 1].", "initialInoperability");
        }
        return q0.ToArray();
    }

    private static double Clip(double q) => Math.Clamp(q, 0.0, 1.0);
}
