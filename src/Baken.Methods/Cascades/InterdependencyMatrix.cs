using MathNet.Numerics.LinearAlgebra;

namespace Baken.Methods.Cascades;

/// <summary>
/// The IIM interdependency matrix A*: entry (i, j) is the inoperability that sector i takes on per unit of
/// inoperability in sector j (dimensionless, ≥ 0). Only stable matrices (spectral radius below 1) can be
/// created, because only then is (I − A*) invertible with a non-negative inverse and the dynamic model settles.
/// </summary>
public sealed class InterdependencyMatrix
{
    private readonly Matrix<double> values;

    /// <param name="sectors">Names of the sectors, in row (and column) order; unique and non-blank.</param>
    /// <param name="values">Square matrix, one row and column per sector; finite entries ≥ 0; spectral radius &lt; 1.</param>
    public InterdependencyMatrix(IReadOnlyList<string> sectors, Matrix<double> values)
    {
        Sectors = SectorList.Validate(sectors, nameof(sectors));
        ArgumentNullException.ThrowIfNull(values);
        if (values.RowCount != values.ColumnCount)
            throw new ArgumentException(
                $"Interdependency matrix A* must be square, but it has {values.RowCount} rows and {values.ColumnCount} columns.",
                nameof(values));
        if (values.RowCount != Sectors.Count)
            throw new ArgumentException(
                $"Interdependency matrix A* is {values.RowCount}×{values.ColumnCount} but {Sectors.Count} sectors are named; they must match.",
                nameof(values));
        for (var i = 0; i < values.RowCount; i++)
        {
            for (var j = 0; j < values.ColumnCount; j++)
            {
                var a = values[i, j];
                SectorList.RequireFinite(a, $"A*[{Sectors[i]}, {Sectors[j]}]", nameof(values));
                if (a < 0)
                    throw new ArgumentException(
                        $"A*[{Sectors[i]}, {Sectors[j]}] = {a} is negative; interdependencies must be ≥ 0.", nameof(values));
            }
        }

        this.values = values.Clone();
        Rows = SparseRows.Of(this.values);
        SpectralRadius = Cascades.SpectralRadius.Of(this.values, Rows);
        if (SpectralRadius >= 1.0)
            throw new ArgumentException(
                $"Interdependency matrix A* is not stable: its dominant eigenvalue has magnitude {SpectralRadius:G6}; it must be below 1.",
                nameof(values));
    }

    /// <summary>Convenience constructor from a row-major array.</summary>
    public InterdependencyMatrix(IReadOnlyList<string> sectors, double[,] values)
        : this(sectors, Matrix<double>.Build.DenseOfArray(values ?? throw new ArgumentNullException(nameof(values))))
    {
    }

    /// <summary>Sector names in row and column order.</summary>
    public IReadOnlyList<string> Sectors { get; }

    /// <summary>Number of sectors.</summary>
    public int Count => Sectors.Count;

    /// <summary>Largest eigenvalue magnitude of A*, in [0, 1).</summary>
    public double SpectralRadius { get; }

    /// <summary>Entry a*_ij (row i depends on column j).</summary>
    public double this[int row, int column] => values[row, column];

    /// <summary>A copy of the matrix, so callers cannot change a validated value.</summary>
    public Matrix<double> ToMatrix() => values.Clone();

    /// <summary>Row-major copy of the entries.</summary>
    public double[,] ToArray() => values.ToArray();

    /// <summary>Position of <paramref name="sector"/>; throws when the sector is unknown.</summary>
    public int IndexOf(string sector) => SectorList.IndexOf(Sectors, sector, nameof(sector));

    internal Matrix<double> Values => values;

    /// <summary>The non-zero entries by row, for the dynamic model's steps (a large A* is mostly zeros).</summary>
    internal SparseRows Rows { get; }
}
