using MathNet.Numerics.LinearAlgebra;

namespace Baken.Methods.Cascades;

/// <summary>Which side of the economy a disruption enters from, which fixes how A* is derived from an IO table.</summary>
public enum IimPerspective
{
    /// <summary>Demand-side IIM (Santos &amp; Haimes 2004): a*_ij = z_ij / x_i.</summary>
    Demand,

    /// <summary>Supply-side IIM (Leung, Haimes &amp; Santos 2007, p. 301, as implemented in stigrs/diim): A* = Aᵀ.</summary>
    Supply,
}

/// <summary>
/// An industry-by-industry input–output table: transactions z_ij (the output of sector i used by sector j)
/// and the total output x_j of each sector, in one monetary unit (any, as long as it is the same for all entries).
/// </summary>
public sealed class InputOutputTable
{
    private readonly Matrix<double> transactions;
    private readonly double[] totalOutputs;

    /// <param name="sectors">Sector names, unique.</param>
    /// <param name="transactions">Square matrix z (n×n), finite entries ≥ 0.</param>
    /// <param name="totalOutputs">Total output x_j per sector, finite and &gt; 0 (a_ij divides by it).</param>
    public InputOutputTable(IReadOnlyList<string> sectors, Matrix<double> transactions, IReadOnlyList<double> totalOutputs)
    {
        Sectors = SectorList.Validate(sectors, nameof(sectors));
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(totalOutputs);
        var n = Sectors.Count;
        if (transactions.RowCount != transactions.ColumnCount)
            throw new ArgumentException(
                $"Input–output transactions must be square, but they have {transactions.RowCount} rows and {transactions.ColumnCount} columns.",
                nameof(transactions));
        if (transactions.RowCount != n)
            throw new ArgumentException(
                $"Input–output transactions are {transactions.RowCount}×{transactions.ColumnCount} but {n} sectors are named; they must match.",
                nameof(transactions));
        if (totalOutputs.Count != n)
            throw new ArgumentException(
                $"{totalOutputs.Count} total outputs are given for {n} sectors; there must be one per sector.", nameof(totalOutputs));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var z = transactions[i, j];
                SectorList.RequireFinite(z, $"z[{Sectors[i]}, {Sectors[j]}]", nameof(transactions));
                if (z < 0)
                    throw new ArgumentException($"z[{Sectors[i]}, {Sectors[j]}] = {z} is negative; transactions must be ≥ 0.", nameof(transactions));
            }
        }
        for (var j = 0; j < n; j++)
        {
            var x = totalOutputs[j];
            if (!double.IsFinite(x) || x <= 0)
                throw new ArgumentException($"Total output x[{Sectors[j]}] = {x} must be a finite number > 0.", nameof(totalOutputs));
        }
        this.transactions = transactions.Clone();
        this.totalOutputs = totalOutputs.ToArray();
    }

    /// <summary>Sector names in row and column order.</summary>
    public IReadOnlyList<string> Sectors { get; }

    /// <summary>Total output x_j per sector.</summary>
    public IReadOnlyList<double> TotalOutputs => totalOutputs;

    /// <summary>A copy of the transactions matrix z.</summary>
    public Matrix<double> Transactions => transactions.Clone();

    /// <summary>Leontief technical coefficients a_ij = z_ij / x_j (input from i per unit of output of j).</summary>
    public Matrix<double> TechnicalCoefficients() =>
        Matrix<double>.Build.Dense(Sectors.Count, Sectors.Count, (i, j) => transactions[i, j] / totalOutputs[j]);

    /// <summary>The interdependency matrix A* seen from <paramref name="perspective"/>.</summary>
    public InterdependencyMatrix Interdependency(IimPerspective perspective) => perspective switch
    {
        // a*_ij = a_ij x_j / x_i = z_ij / x_i: the normalisation of Santos & Haimes (2004), eq. 28.
        IimPerspective.Demand => new InterdependencyMatrix(
            Sectors, Matrix<double>.Build.Dense(Sectors.Count, Sectors.Count, (i, j) => transactions[i, j] / totalOutputs[i])),
        // The transpose is what reproduces Xu et al. (2011) eq. 34 (reference case 6), the supply-side matrix
        // stigrs/diim derives after Leung et al. (2007).
        IimPerspective.Supply => new InterdependencyMatrix(Sectors, TechnicalCoefficients().Transpose()),
        _ => throw new ArgumentOutOfRangeException(nameof(perspective), perspective, "Perspective must be Demand or Supply."),
    };
}
