using System.Globalization;
using CsvHelper;

namespace Baken.Infrastructure.Cascades;

/// <summary>
/// The CSV shapes of the stigrs/diim case format: a dense matrix (header of sector names, then rows of numbers),
/// a sparse matrix (header, then zero-based "i,j,value" rows) and a per-sector vector ("sector,value" rows, no header).
/// </summary>
internal static class IimCsvFiles
{
    internal sealed record CsvRow(int Line, string[] Fields);

    public static List<CsvRow> ReadRows(string path)
    {
        if (!File.Exists(path))
            throw new IimCaseFileException(path, "file not found.");
        var options = new CsvReaderOptions { HasHeader = false, TrimWhitespace = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        var rows = new List<CsvRow>();
        try
        {
            using var reader = CsvReader.FromFile(path, options);
            while (reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
                if (fields.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new CsvRow((int)reader.LineNumber, fields));
            }
        }
        catch (CsvFormatException e)
        {
            throw new IimCaseFileException(path, $"not readable as CSV ({e.Message}).", e);
        }
        return rows;
    }

    public static double Number(string path, CsvRow row, int column, string what)
    {
        var text = column < row.Fields.Length ? row.Fields[column] : "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new IimCaseFileException(path, $"line {row.Line}, {what}: '{text}' is not a finite number.");
        return value;
    }

    public static string[] Header(string path, List<CsvRow> rows)
    {
        if (rows.Count == 0)
            throw new IimCaseFileException(path, "file is empty; expected a header row of sector names.");
        var header = rows[0].Fields;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < header.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(header[j]))
                throw new IimCaseFileException(path, $"line {rows[0].Line}, header column {j + 1} is blank; every sector needs a name.");
            if (!seen.Add(header[j]))
                throw new IimCaseFileException(path, $"line {rows[0].Line}, header: sector '{header[j]}' appears twice.");
        }
        return header;
    }

    /// <summary>Reads the dense form; returns the sector names and all numeric rows (each as wide as the header).</summary>
    public static (string[] Sectors, double[][] Rows) ReadDense(string path)
    {
        var rows = ReadRows(path);
        var header = Header(path, rows);
        var data = new double[rows.Count - 1][];
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Fields.Length != header.Length)
                throw new IimCaseFileException(path,
                    $"line {row.Line} has {row.Fields.Length} values but the header names {header.Length} sectors; the matrix must be square with one column per sector.");
            data[r - 1] = new double[header.Length];
            for (var j = 0; j < header.Length; j++)
                data[r - 1][j] = Number(path, row, j, $"column '{header[j]}'");
        }
        return (header, data);
    }

    /// <summary>Reads the sparse form into a dense n×n array (unlisted entries are zero).</summary>
    public static (string[] Sectors, double[,] Matrix) ReadSparse(string path)
    {
        var rows = ReadRows(path);
        var header = Header(path, rows);
        var n = header.Length;
        var matrix = new double[n, n];
        var seen = new HashSet<(int, int)>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Fields.Length != 3)
                throw new IimCaseFileException(path, $"line {row.Line} has {row.Fields.Length} values; sparse rows are 'i,j,value'.");
            var i = Index(path, row, 0, "i", n);
            var j = Index(path, row, 1, "j", n);
            if (!seen.Add((i, j)))
                throw new IimCaseFileException(path, $"line {row.Line}: entry ({i}, {j}) is given twice.");
            matrix[i, j] = Number(path, row, 2, "value");
        }
        return (header, matrix);
    }

    /// <summary>Reads "sector,value" rows into a map.</summary>
    public static Dictionary<string, double> ReadVector(string path, string what)
    {
        var rows = ReadRows(path);
        if (rows.Count == 0)
            throw new IimCaseFileException(path, $"file is empty; expected one 'sector,{what}' row per sector.");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Fields.Length != 2)
                throw new IimCaseFileException(path, $"line {row.Line} has {row.Fields.Length} values; expected 'sector,{what}'.");
            if (!values.TryAdd(row.Fields[0], Number(path, row, 1, $"{what} of '{row.Fields[0]}'")))
                throw new IimCaseFileException(path, $"line {row.Line}: sector '{row.Fields[0]}' appears twice.");
        }
        return values;
    }

    /// <summary>The vector in <paramref name="sectors"/> order; every sector must be present and no other.</summary>
    public static double[] Align(string path, Dictionary<string, double> values, IReadOnlyList<string> sectors, string what)
    {
        var missing = sectors.Where(s => !values.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new IimCaseFileException(path, $"no {what} for sector(s) {string.Join(", ", missing)}; every sector of the matrix needs one.");
        var known = new HashSet<string>(sectors, StringComparer.Ordinal);
        var unknown = values.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new IimCaseFileException(path, $"sector(s) {string.Join(", ", unknown)} are not in the matrix ({string.Join(", ", sectors)}).");
        return sectors.Select(s => values[s]).ToArray();
    }

    private static int Index(string path, CsvRow row, int column, string name, int n)
    {
        var text = row.Fields[column];
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= n)
            throw new IimCaseFileException(path, $"line {row.Line}, {name}: '{text}' is not a zero-based sector index in [0, {n - 1}].");
        return index;
    }
}
