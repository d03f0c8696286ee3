using System.Globalization;
using System.Text;
using Baken.Methods.CountryRisk;
using CsvHelper;

namespace Baken.Infrastructure.CountryRisk;

/// <summary>
/// Reads a published INFORM country file "as it comes": any release's column layout (columns are matched to
/// model nodes by header), UTF-8 or Windows-1252, blank lines, 'x' or empty cells for missing values, and a
/// risk column that some releases leave without a header (it then follows LACK OF COPING CAPACITY).
/// </summary>
public static class InformCountryFileReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">A CSV file of one INFORM release.</param>
    /// <param name="model">The release tree to match; null picks the shipped release whose columns the file has (see <see cref="DetectModel"/>).</param>
    /// <exception cref="InvalidDataException">The file has no header with an ISO3 column, or no country rows.</exception>
    public static InformCountryFile Read(string path, InformModel? model = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Read(File.ReadAllBytes(path), model);
    }

    /// <summary>Reads an INFORM country file from <paramref name="stream"/> (read to the end, not closed).</summary>
    public static InformCountryFile Read(Stream stream, InformModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), model);
    }

    /// <summary>Reads an INFORM country file from its raw bytes.</summary>
    public static InformCountryFile Read(byte[] bytes, InformModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (text, encodingName) = Decode(bytes);
        var records = ParseRecords(text);
        if (records.Count == 0) throw new InvalidDataException("The INFORM file is empty: no header row found.");

        var header = records[0];
        var isoColumn = FindColumn(header, "ISO3", "ISO 3", "ISO_3", "ISO");
        if (isoColumn < 0)
            throw new InvalidDataException($"The INFORM file has no ISO3 column; header is: {string.Join(", ", header)}.");
        var countryColumn = FindColumn(header, "COUNTRY", "Country name", "Name");

        model ??= DetectModel(header);
        var columns = MatchColumns(model, header);
        var unmatched = model.Nodes.Where(n => !columns.ContainsKey(n.Id)).Select(n => n.Id).ToArray();

        var rows = new List<InformCountryRow>();
        var warnings = new List<string>();
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            var iso3 = Cell(record, isoColumn).Trim().ToUpperInvariant();
            // Footnotes and totals carry no three-letter code.
            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetter)) continue;
            var country = countryColumn >= 0 ? Cell(record, countryColumn).Trim() : iso3;

            var scores = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var (nodeId, column) in columns)
            {
                scores[nodeId] = ParseScore(Cell(record, column), iso3, header, column, warnings);
            }
            scores.TryGetValue(model.Root.Id, out var risk);
            scores.Remove(model.Root.Id);
            rows.Add(new InformCountryRow(iso3, country, scores, risk));
        }
        if (rows.Count == 0)
            throw new InvalidDataException("The INFORM file has a header but no country rows with a three-letter ISO3 code.");

        return new InformCountryFile(model, rows, unmatched, encodingName, warnings);
    }

    /// <summary>
    /// Picks the shipped release whose nodes all have a column in <paramref name="header"/>, preferring the
    /// release with the most nodes (2020 has Epidemic, 2016 does not); if none matches fully, the closest one.
    /// </summary>
    public static InformModel DetectModel(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return InformModels.All
            .Select(m => (Model: m, Matched: MatchColumns(m, header).Count))
            .OrderByDescending(x => x.Matched == x.Model.Nodes.Count)
            .ThenByDescending(x => x.Matched)
            .ThenByDescending(x => x.Model.Nodes.Count)
            .First().Model;
    }

    private static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return (StrictUtf8.GetString(bytes, start, bytes.Length - start), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8: the older releases are Windows-1252 (a superset of Latin-1 for printable text).
            var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
                ?? throw new InvalidOperationException("Windows-1252 encoding is not available on this platform.");
            return (cp1252.GetString(bytes), "windows-1252");
        }
    }

    private static List<string[]> ParseRecords(string text)
    {
        // The separator is fixed: auto-detection could pick ';' or '|' from a country name in the first lines.
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var reader = CsvReader.FromText(text, options);
        var records = new List<string[]>();
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = reader.GetString(i) ?? "";
            // Lines of bare commas are as empty as blank lines.
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            records.Add(record);
        }
        return records;
    }

    private static Dictionary<string, int> MatchColumns(InformModel model, IReadOnlyList<string> header)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var key = Normalise(header[i]);
            if (key.Length > 0) byKey.TryAdd(key, i);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in model.Nodes)
        {
            foreach (var h in node.ColumnHeaders)
            {
                if (!byKey.TryGetValue(Normalise(h), out var column)) continue;
                columns[node.Id] = column;
                break;
            }
        }

        // Some releases publish the index in an unlabelled column right after the last dimension.
        if (!columns.ContainsKey(model.Root.Id)
            && model.Root.Children.Count > 0
            && columns.TryGetValue(model.Root.Children[^1].Id, out var lastDimension)
            && lastDimension + 1 < header.Count
            && string.IsNullOrWhiteSpace(header[lastDimension + 1]))
        {
            columns[model.Root.Id] = lastDimension + 1;
        }
        return columns;
    }

    private static int FindColumn(IReadOnlyList<string> header, params string[] names)
    {
        var keys = names.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (keys.Contains(Normalise(header[i]))) return i;
        }
        return -1;
    }

    private static double? ParseScore(string cell, string iso3, IReadOnlyList<string> header, int column, List<string> warnings)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text.Equals("x", StringComparison.OrdinalIgnoreCase)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            warnings.Add($"{iso3}, column '{header[column]}': '{text}' is not a number or 'x'; read as missing.");
            return null;
        }
        if (!double.IsFinite(value) || value < InformScore.Minimum || value > InformScore.Maximum)
        {
            warnings.Add($"{iso3}, column '{header[column]}': {text} is outside the INFORM range 0–10; read as missing.");
            return null;
        }
        return value;
    }

    private static string Cell(string[] record, int column) => column < record.Length ? record[column] : "";

    // "HAZARD & EXPOSURE", "Hazard & exposure " and "Hazard&Exposure" name the same column.
    private static string Normalise(string header) =>
        new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
