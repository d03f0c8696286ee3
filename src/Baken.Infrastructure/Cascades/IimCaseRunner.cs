using System.Globalization;
using Baken.Methods.Cascades;
using MathNet.Numerics.LinearAlgebra;

namespace Baken.Infrastructure.Cascades;

/// <summary>
/// The outcome of one IIM case. Inoperabilities are per sector in <see cref="Sectors"/> order, each in [0, 1].
/// </summary>
/// <param name="Definition">The case as read.</param>
/// <param name="Sectors">Sector names, as in the matrix file header.</param>
/// <param name="InterdependencyMatrix">A* as given or as derived from the input–output table.</param>
/// <param name="TechnicalCoefficients">Leontief a_ij = z_ij / x_j for input–output cases; null otherwise.</param>
/// <param name="FinalInoperability">Static: the equilibrium q capped at 1. Dynamic: q(T − 1).</param>
/// <param name="UncappedInoperability">Static: (I − A*)⁻¹ c* before capping. Dynamic: null.</param>
/// <param name="CumulativeInoperability">Dynamic: trapezoid integral of q(t) over t = 0 … T − 1. Static: null.</param>
/// <param name="Trajectory">Dynamic: q(t) at every step. Static: null.</param>
public sealed record IimCaseResult(
    IimCaseDefinition Definition,
    IReadOnlyList<string> Sectors,
    InterdependencyMatrix InterdependencyMatrix,
    Matrix<double>? TechnicalCoefficients,
    IReadOnlyList<double> FinalInoperability,
    IReadOnlyList<double>? UncappedInoperability,
    IReadOnlyList<double>? CumulativeInoperability,
    DynamicInoperabilityResult? Trajectory)
{
    public bool IsDynamic => Trajectory is not null;
}

/// <summary>
/// Runs an IIM case file (the format of the stigrs/diim test cases, copied to tests/data/iim). With "time_steps" &gt; 0 it runs the
/// dynamic IIM (K from kmat_file, else from tau_file and lambda, else K = I; q0 from q0_file, else zero; a
/// perturbation without "ptime" lasts the whole run); otherwise the static IIM.
/// </summary>
public static class IimCaseRunner
{
    /// <summary>Reads the case and the files it names, and runs it.</summary>
    /// <exception cref="IimCaseFileException">A file is missing or malformed, or its values are not allowed.</exception>
    public static IimCaseResult Run(string caseJsonPath)
    {
        var definition = IimCaseDefinition.Read(caseJsonPath);
        return Run(definition);
    }

    /// <summary>The most sector-steps a dynamic case may compute (10 million: 80 MB of trajectory).</summary>
    public const long MaxTrajectoryCells = 10_000_000;

    /// <summary>Runs an already-read case.</summary>
    public static IimCaseResult Run(IimCaseDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (aStar, technical) = ReadMatrix(definition);
        var perturbation = Guard(definition.CaseFile, () => new DemandPerturbation(
            definition.Shocks.Select(s => new SectorDemandShock(s.Sector, s.DemandReduction, s.Window)).ToList()));
        var unknown = definition.Shocks.Select(s => s.Sector).Where(s => !aStar.Sectors.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new IimCaseFileException(definition.CaseFile,
                $"'Perturbation.pinfra' names sector(s) {string.Join(", ", unknown)}, which the matrix file does not have ({string.Join(", ", aStar.Sectors)}).");

        if (!definition.IsDynamic)
        {
            var solution = InoperabilityModel.SolveStatic(aStar, perturbation);
            return new IimCaseResult(definition, aStar.Sectors, aStar, technical,
                solution.Inoperability, solution.UncappedInoperability, null, null);
        }

        // The trajectory keeps every sector at every step: bound the work and memory before it starts.
        if ((long)aStar.Sectors.Count * definition.TimeSteps > MaxTrajectoryCells)
            throw new IimCaseFileException(definition.CaseFile,
                string.Create(CultureInfo.InvariantCulture, $"{aStar.Sectors.Count:N0} sectors × {definition.TimeSteps:N0} time steps is more than {MaxTrajectoryCells:N0}; give fewer 'DIIM.time_steps'."));
        var resilience = ReadResilience(definition, aStar);
        var q0 = ReadInitialState(definition, aStar);
        var run = Guard(definition.CaseFile, () => InoperabilityModel.SimulateDynamic(aStar, resilience, perturbation, definition.TimeSteps, q0));
        return new IimCaseResult(definition, aStar.Sectors, aStar, technical, run.Final, null, run.Cumulative, run);
    }

    private static (InterdependencyMatrix AStar, Matrix<double>? Technical) ReadMatrix(IimCaseDefinition definition)
    {
        var path = definition.MatrixFile;
        switch (definition.MatrixSource)
        {
            case IimMatrixSource.SparseInterdependency:
            {
                var (sectors, matrix) = IimCsvFiles.ReadSparse(path);
                return (Guard(path, () => new InterdependencyMatrix(sectors, matrix)), null);
            }
            case IimMatrixSource.InputOutput:
            {
                var (sectors, rows) = IimCsvFiles.ReadDense(path);
                if (rows.Length != sectors.Length + 1)
                    throw new IimCaseFileException(path,
                        $"an input–output table for {sectors.Length} sectors needs {sectors.Length} transaction rows plus a last row of total outputs, but it has {rows.Length} rows.");
                var z = Matrix<double>.Build.Dense(sectors.Length, sectors.Length, (i, j) => rows[i][j]);
                var table = Guard(path, () => new InputOutputTable(sectors, z, rows[^1]));
                return (Guard(path, () => table.Interdependency(definition.Perspective)), table.TechnicalCoefficients());
            }
            default:
            {
                var (sectors, rows) = IimCsvFiles.ReadDense(path);
                if (rows.Length != sectors.Length)
                    throw new IimCaseFileException(path,
                        $"the matrix has {rows.Length} rows but the header names {sectors.Length} sectors; A* must be square.");
                var matrix = Matrix<double>.Build.Dense(sectors.Length, sectors.Length, (i, j) => rows[i][j]);
                return (Guard(path, () => new InterdependencyMatrix(sectors, matrix)), null);
            }
        }
    }

    private static ResilienceMatrix ReadResilience(IimCaseDefinition definition, InterdependencyMatrix aStar)
    {
        if (definition.ResilienceFile is { } kFile)
        {
            var k = IimCsvFiles.Align(kFile, IimCsvFiles.ReadVector(kFile, "k"), aStar.Sectors, "resilience coefficient k");
            return Guard(kFile, () => new ResilienceMatrix(aStar.Sectors, k));
        }
        if (definition.RecoveryTimeFile is { } tauFile)
        {
            var tau = IimCsvFiles.Align(tauFile, IimCsvFiles.ReadVector(tauFile, "tau"), aStar.Sectors, "recovery time tau");
            return Guard(tauFile, () => ResilienceMatrix.FromRecoveryTimes(aStar, tau, definition.ResidualInoperability));
        }
        return ResilienceMatrix.Identity(aStar.Sectors);
    }

    private static double[]? ReadInitialState(IimCaseDefinition definition, InterdependencyMatrix aStar)
    {
        if (definition.InitialStateFile is not { } file) return null;
        var q0 = IimCsvFiles.Align(file, IimCsvFiles.ReadVector(file, "q0"), aStar.Sectors, "initial inoperability q0");
        for (var i = 0; i < q0.Length; i++)
            if (q0[i] is < 0 or > 1)
                throw new IimCaseFileException(file, $"initial inoperability of '{aStar.Sectors[i]}' = {q0[i]} is outside [0, 1].");
        return q0;
    }

    // The analysis types validate their values; here their message gets the file it came from.
    private static T Guard<T>(string file, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new IimCaseFileException(file, e.Message, e);
        }
    }
}
