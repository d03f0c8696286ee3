namespace Baken.Methods.Cascades;

/// <summary>
/// Equilibrium inoperability of the static IIM, per sector in A*'s order. Inoperability is the share of a
/// sector's as-planned output that is lost (0 = fully operable, 1 = fully inoperable).
/// </summary>
/// <param name="Sectors">Sector names.</param>
/// <param name="Inoperability">q_i clipped to [0, 1], the value to report.</param>
/// <param name="UncappedInoperability">q_i straight from (I − A*)⁻¹ c*; above 1 means the shock more than
/// disables the sector, which the capped value hides.</param>
public sealed record StaticInoperabilityResult(
    IReadOnlyList<string> Sectors,
    IReadOnlyList<double> Inoperability,
    IReadOnlyList<double> UncappedInoperability);

/// <summary>
/// A trajectory of the dynamic IIM on the time grid t = 0 … T − 1 (unit steps).
/// </summary>
public sealed class DynamicInoperabilityResult
{
    private readonly double[][] trajectory;

    internal DynamicInoperabilityResult(IReadOnlyList<string> sectors, double[][] trajectory)
    {
        Sectors = sectors;
        this.trajectory = trajectory;
        var n = sectors.Count;
        Final = trajectory[^1].ToArray();
        var cumulative = new double[n];
        // Trapezoid rule on unit steps, the convention that reproduces the stigrs/diim reference case 12
        // (a plain sum of q(t) misses it by about 4e-6).
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var t = 0; t < trajectory.Length; t++) sum += trajectory[t][i];
            cumulative[i] = sum - 0.5 * (trajectory[0][i] + trajectory[^1][i]);
        }
        Cumulative = cumulative;
    }

    /// <summary>Sector names in the order of every vector here.</summary>
    public IReadOnlyList<string> Sectors { get; }

    /// <summary>Number of time steps T (the grid is t = 0 … T − 1).</summary>
    public int TimeSteps => trajectory.Length;

    /// <summary>q(t), each entry in [0, 1].</summary>
    public IReadOnlyList<double> At(int step)
    {
        if (step < 0 || step >= trajectory.Length)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Time step must lie in [0, {trajectory.Length - 1}].");
        return trajectory[step];
    }

    /// <summary>The final inoperability q(T − 1).</summary>
    public IReadOnlyList<double> Final { get; }

    /// <summary>
    /// Cumulative inoperability per sector: the trapezoid integral of q(t) over t = 0 … T − 1, in
    /// inoperability × time steps (e.g. 3.4 ≈ 3.4 steps of total outage).
    /// </summary>
    public IReadOnlyList<double> Cumulative { get; }
}
