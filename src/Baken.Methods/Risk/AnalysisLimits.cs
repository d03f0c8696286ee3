namespace Baken.Methods.Risk;

/// <summary>
/// The size limits of the integrated analysis, in one place: each is a different limit with its own reason, and the
/// messages that name a limit (engine, CLI, web) read it from here.
/// </summary>
public static class AnalysisLimits
{
    /// <summary>
    /// Scenarios in one analysis input (65,535): the ranking key gives the scenario index 16 bits, so ties are broken by
    /// index deterministically. Applies to every run, with or without Monte Carlo.
    /// </summary>
    public const int MaxScenariosPerInput = 65_535;

    /// <summary>
    /// Scenarios one Monte Carlo ranks at once (5,000): its rank and outranking counts need n² entries per worker, so this
    /// is a memory limit, lower than <see cref="MaxScenariosPerInput"/>; a larger register runs without Monte Carlo (0 iterations).
    /// </summary>
    public const int MaxScenariosPerMonteCarlo = 5_000;

    /// <summary>Draws kept in memory (scenarios × iterations, or × criteria for class draws): 100 million doubles, 800 MB.</summary>
    public const long MaxStoredDraws = 100_000_000;
}
