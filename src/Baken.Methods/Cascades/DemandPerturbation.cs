namespace Baken.Methods.Cascades;

/// <summary>
/// The time steps during which a demand perturbation applies, both ends included (t = FirstStep … LastStep).
/// </summary>
public sealed record PerturbationWindow
{
    /// <param name="firstStep">First time step, ≥ 0.</param>
    /// <param name="lastStep">Last time step, ≥ <paramref name="firstStep"/>.</param>
    public PerturbationWindow(int firstStep, int lastStep)
    {
        if (firstStep < 0)
            throw new ArgumentOutOfRangeException(nameof(firstStep), firstStep, "A perturbation window cannot start before step 0.");
        if (lastStep < firstStep)
            throw new ArgumentOutOfRangeException(nameof(lastStep), lastStep,
                $"A perturbation window must end at or after its first step ({firstStep}).");
        FirstStep = firstStep;
        LastStep = lastStep;
    }

    public int FirstStep { get; }

    public int LastStep { get; }

    /// <summary>A window covering every step of any run.</summary>
    public static PerturbationWindow Always { get; } = new(0, int.MaxValue);

    public bool Contains(int step) => step >= FirstStep && step <= LastStep;

    internal bool Overlaps(PerturbationWindow other) => FirstStep <= other.LastStep && other.FirstStep <= LastStep;
}

/// <summary>
/// One sector's demand perturbation c*_i: the normalised loss of final demand for that sector (0 = none, 1 = all
/// of it), applied during <see cref="Window"/>.
/// </summary>
public sealed record SectorDemandShock
{
    /// <param name="sector">Name of the perturbed sector; must be one of the model's sectors when used.</param>
    /// <param name="demandReduction">c*_i in [0, 1].</param>
    /// <param name="window">When the shock applies in a dynamic run; null means every step.</param>
    public SectorDemandShock(string sector, double demandReduction, PerturbationWindow? window = null)
    {
        if (string.IsNullOrWhiteSpace(sector))
            throw new ArgumentException("A demand shock must name its sector.", nameof(sector));
        if (!double.IsFinite(demandReduction) || demandReduction < 0 || demandReduction > 1)
            throw new ArgumentOutOfRangeException(nameof(demandReduction), demandReduction,
                $"Demand perturbation c* of sector '{sector}' must lie in [0, 1].");
        Sector = sector;
        DemandReduction = demandReduction;
        Window = window ?? PerturbationWindow.Always;
    }

    public string Sector { get; }

    public double DemandReduction { get; }

    public PerturbationWindow Window { get; }
}

/// <summary>
/// The demand perturbation vector c*(t) of the IIM: a set of sector shocks. Shocks on the same sector may not
/// overlap in time, so c*_i(t) always has one value.
/// </summary>
public sealed class DemandPerturbation
{
    /// <summary>No perturbation at all (c* = 0): the model then only carries an initial inoperability, if any.</summary>
    public static DemandPerturbation None { get; } = new([]);

    public DemandPerturbation(IReadOnlyList<SectorDemandShock> shocks)
    {
        ArgumentNullException.ThrowIfNull(shocks);
        for (var a = 0; a < shocks.Count; a++)
        {
            ArgumentNullException.ThrowIfNull(shocks[a], $"{nameof(shocks)}[{a}]");
            for (var b = 0; b < a; b++)
            {
                if (shocks[a].Sector == shocks[b].Sector && shocks[a].Window.Overlaps(shocks[b].Window))
                    throw new ArgumentException(
                        $"Two demand shocks on sector '{shocks[a].Sector}' overlap in time (shocks {b} and {a}); "
                        + "a sector can have one value of c* at each step.", nameof(shocks));
            }
        }
        Shocks = shocks.ToArray();
    }

    public IReadOnlyList<SectorDemandShock> Shocks { get; }

    /// <summary>c*(t) in A*'s sector order.</summary>
    internal double[] At(int step, InterdependencyMatrix aStar)
    {
        var c = new double[aStar.Count];
        At(step, SectorIndices(aStar), c);
        return c;
    }

    /// <summary>Each shock's position in A*'s sector order, looked up once for a whole run.</summary>
    internal int[] SectorIndices(InterdependencyMatrix aStar) => Shocks.Select(s => aStar.IndexOf(s.Sector)).ToArray();

    /// <summary>Writes c*(t) into <paramref name="c"/> (every entry), with <paramref name="indices"/> from <see cref="SectorIndices"/>.</summary>
    internal void At(int step, int[] indices, Span<double> c)
    {
        c.Clear();
        for (var s = 0; s < indices.Length; s++)
            if (Shocks[s].Window.Contains(step)) c[indices[s]] = Shocks[s].DemandReduction;
    }

    /// <summary>
    /// The equilibrium c* of the static model: time windows do not apply there; a sector with several shocks
    /// takes the largest (the static model answers "what if this lasted").
    /// </summary>
    internal double[] Equilibrium(InterdependencyMatrix aStar)
    {
        var c = new double[aStar.Count];
        foreach (var shock in Shocks)
        {
            var i = aStar.IndexOf(shock.Sector);
            c[i] = Math.Max(c[i], shock.DemandReduction);
        }
        return c;
    }
}
