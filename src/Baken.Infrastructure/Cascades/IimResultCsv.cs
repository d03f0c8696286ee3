using System.Globalization;
using Baken.Methods.Cascades;

namespace Baken.Infrastructure.Cascades;

/// <summary>Which matrix of a case <see cref="IimResultCsv.WriteMatrix"/> writes.</summary>
public enum IimMatrixKind
{
    /// <summary>The interdependency matrix A* (derived for input–output cases).</summary>
    Interdependency,

    /// <summary>The Leontief technical coefficients a_ij = z_ij / x_j (input–output cases only).</summary>
    TechnicalCoefficients,
}

/// <summary>Writes IIM results as CSV: invariant culture, shortest round-trip precision, LF line ends.</summary>
public static class IimResultCsv
{
    /// <summary>
    /// One row per sector with exactly the columns sector,q_final,q_cumulative; q_cumulative is empty for
    /// static cases.
    /// </summary>
    public static void Write(IimCaseResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("sector,q_final,q_cumulative\n");
        for (var i = 0; i < result.Sectors.Count; i++)
        {
            writer.Write(Field(result.Sectors[i]));
            writer.Write(',');
            writer.Write(Number(result.FinalInoperability[i]));
            writer.Write(',');
            if (result.CumulativeInoperability is { } cumulative) writer.Write(Number(cumulative[i]));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// The matrix in the case-file format (header of sector names, then one row per sector), so it can be fed
    /// back as an "interdependency" case.
    /// </summary>
    /// <exception cref="InvalidOperationException">Technical coefficients asked of a case without an IO table.</exception>
    public static void WriteMatrix(IimCaseResult result, TextWriter writer, IimMatrixKind kind = IimMatrixKind.Interdependency)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var matrix = kind switch
        {
            IimMatrixKind.Interdependency => result.InterdependencyMatrix.ToArray(),
            IimMatrixKind.TechnicalCoefficients => result.TechnicalCoefficients?.ToArray()
                ?? throw new InvalidOperationException(
                    $"Case {result.Definition.CaseFile} gives A* directly; technical coefficients exist only for input-output cases."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown matrix kind."),
        };
        WriteMatrix(result.Sectors, matrix, writer);
    }

    /// <summary>Writes any sector matrix in the case-file format.</summary>
    public static void WriteMatrix(IReadOnlyList<string> sectors, double[,] matrix, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', sectors.Select(Field)));
        writer.Write('\n');
        for (var i = 0; i < matrix.GetLength(0); i++)
        {
            for (var j = 0; j < matrix.GetLength(1); j++)
            {
                if (j > 0) writer.Write(',');
                writer.Write(Number(matrix[i, j]));
            }
            writer.Write('\n');
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
