namespace Baken.Methods.Cascades;

/// <summary>
/// The diagonal resilience matrix K of the dynamic IIM (Lian &amp; Haimes 2006): k_i in [0, 1] is the share of the
/// gap between sector i's current and its driven inoperability that closes in one time step. Off-diagonal
/// entries are zero in the model, so only the diagonal is stored.
/// </summary>
public sealed class ResilienceMatrix
{
    private readonly double[] coefficients;

    /// <param name="sectors">Sector names, unique; matched to A* by name.</param>
    /// <param name="coefficients">k_i per sector, each finite and in [0, 1].</param>
    public ResilienceMatrix(IReadOnlyList<string> sectors, IReadOnlyList<double> coefficients)
    {
        Sectors = SectorList.Validate(sectors, nameof(sectors));
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count != Sectors.Count)
            throw new ArgumentException(
                $"{coefficients.Count} resilience coefficients are given for {Sectors.Count} sectors; there must be one per sector.",
                nameof(coefficients));
        for (var i = 0; i < coefficients.Count; i++)
        {
            var k = coefficients[i];
            if (!double.IsFinite(k) || k < 0 || k > 1)
                throw new ArgumentException(
                    $"Resilience coefficient k[{Sectors[i]}] = {k} is outside [0, 1].", nameof(coefficients));
        }
        this.coefficients = coefficients.ToArray();
    }

    /// <summary>Sector names in the order of <see cref="Coefficients"/>.</summary>
    public IReadOnlyList<string> Sectors { get; }

    /// <summary>The diagonal entries k_i, each in [0, 1].</summary>
    public IReadOnlyList<double> Coefficients => coefficients;

    /// <summary>K = I: every sector closes its whole gap in one step (the model's default when no K is given).</summary>
    public static ResilienceMatrix Identity(IReadOnlyList<string> sectors) =>
        new(sectors, Enumerable.Repeat(1.0, sectors?.Count ?? 0).ToArray());

    /// <summary>
    /// K from recovery times (Lian &amp; Haimes 2006): k_i = ln(1/λ) / (τ_i (1 − a*_ii)), the rate at which sector i
    /// falls from full inoperability to λ in τ_i steps. Rates above 1 (or sectors with a*_ii ≥ 1) are set to 1, the
    /// largest rate the discrete model allows.
    /// </summary>
    /// <param name="aStar">Interdependency matrix whose diagonal enters the rate.</param>
    /// <param name="recoveryTimes">τ_i per sector of <paramref name="aStar"/>, in time steps, each finite and &gt; 0.</param>
    /// <param name="residualInoperability">λ, the inoperability reached after τ_i steps, in (0, 1); 0.01 by convention.</param>
    public static ResilienceMatrix FromRecoveryTimes(
        InterdependencyMatrix aStar, IReadOnlyList<double> recoveryTimes, double residualInoperability = 0.01)
    {
        ArgumentNullException.ThrowIfNull(aStar);
        ArgumentNullException.ThrowIfNull(recoveryTimes);
        if (!(residualInoperability > 0 && residualInoperability < 1))
            throw new ArgumentOutOfRangeException(nameof(residualInoperability), residualInoperability,
                "Residual inoperability λ must lie strictly between 0 and 1.");
        if (recoveryTimes.Count != aStar.Count)
            throw new ArgumentException(
                $"{recoveryTimes.Count} recovery times are given for {aStar.Count} sectors; there must be one per sector.",
                nameof(recoveryTimes));
        var k = new double[aStar.Count];
        for (var i = 0; i < k.Length; i++)
        {
            var tau = recoveryTimes[i];
            if (!double.IsFinite(tau) || tau <= 0)
                throw new ArgumentException(
                    $"Recovery time τ[{aStar.Sectors[i]}] = {tau} must be a finite number of time steps > 0.", nameof(recoveryTimes));
            var slack = 1.0 - aStar[i, i];
            k[i] = slack > 0 ? Math.Min(1.0, Math.Log(1.0 / residualInoperability) / (tau * slack)) : 1.0;
        }
        return new ResilienceMatrix(aStar.Sectors, k);
    }

    /// <summary>k_i for each sector of <paramref name="aStar"/>, in A*'s order; throws when a sector is missing.</summary>
    internal double[] AlignTo(InterdependencyMatrix aStar)
    {
        // Sets and a map, not list searches: with 1,000 sectors the searches cost millions of string comparisons.
        var own = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Sectors.Count; i++) own[Sectors[i]] = i;
        var theirs = new HashSet<string>(aStar.Sectors, StringComparer.Ordinal);
        var missing = aStar.Sectors.Where(s => !own.ContainsKey(s)).ToList();
        var extra = Sectors.Where(s => !theirs.Contains(s)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new ArgumentException(
                "Resilience matrix K and interdependency matrix A* name different sectors"
                + (missing.Count > 0 ? $"; missing from K: {string.Join(", ", missing)}" : "")
                + (extra.Count > 0 ? $"; not in A*: {string.Join(", ", extra)}" : "") + ".",
                "resilience");
        return aStar.Sectors.Select(s => coefficients[own[s]]).ToArray();
    }
}
