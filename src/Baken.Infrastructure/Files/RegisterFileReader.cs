using System.Globalization;
using System.Text.Json;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using CsvHelper;
using MiniExcelLibs;

namespace Baken.Infrastructure.Files;

/// <summary>The rows of a register file, or what makes the file unreadable (with the line where that is known).</summary>
public sealed record RegisterFileContent(string? Kind, IReadOnlyList<ImportRow> Rows, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Reads register rows from CSV (header row, comma separated, RFC 4180 quoting), XLSX (first sheet, header row)
/// or JSON (an array of objects, or {"kind": …, "records": [ … ]}). Column names are case-insensitive.
/// </summary>
public static class RegisterFileReader
{
    /// <summary>Larger files are refused before parsing: the register is thousands of rows, not gigabytes.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public static RegisterFileContent Read(Stream stream, RegisterFileFormat format, FileLimits? limits = null)
    {
        try
        {
            if (stream.CanSeek && stream.Length > MaxFileBytes)
                return Fail("file", string.Create(CultureInfo.InvariantCulture, $"{stream.Length:N0} bytes"), Rules.FileSize.With(MaxFileBytes));
            return format switch
            {
                RegisterFileFormat.Csv => ReadCsv(stream),
                RegisterFileFormat.Xlsx => ReadXlsx(stream, limits),
                _ => ReadJson(stream),
            };
        }
        catch (Exception e) when (e is CsvFormatException or JsonException or InvalidDataException or IOException or FormatException
                                        or InvalidOperationException or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            return Fail("file", e.GetType().Name, Rules.WellFormed.With(format.ToString().ToUpperInvariant(), ValidationMessage.Verbatim(FirstLine(e.Message))));
        }
    }

    public static RegisterFileContent Read(string path, RegisterFileFormat? format = null, FileLimits? limits = null)
    {
        if (!File.Exists(path)) return Fail("file", path, Rules.ExistingFile);
        if (format is null)
        {
            if (!RegisterFileFormats.TryFromName(Path.GetExtension(path), out var f)) return Fail("file", path, Rules.Formats);
            format = f;
        }
        using var stream = File.OpenRead(path);
        return Read(stream, format.Value, limits);
    }

    private static RegisterFileContent ReadCsv(Stream stream)
    {
        var options = CsvReaderOptions.Default with
        {
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = 1024 * 1024,
        };
        using var csv = CsvReader.Create(stream, options, true);
        var header = csv.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrEmpty)) return Fail("file", "(empty)", Rules.CsvHeader);
        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return Fail("header", duplicate.Key, Rules.ColumnOnce, 1);
        var rows = new List<ImportRow>();
        var errors = new List<FieldError>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                errors.Add(new FieldError("row", $"{csv.FieldCount} cells", AllowedTexts.FilesCells.With(header.Length), line));
                continue;
            }
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) values[header[i]] = Unescape(csv.GetString(i));
            if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new ImportRow(line, values));
        }
        return new RegisterFileContent(null, rows, errors);
    }

    private static RegisterFileContent ReadXlsx(Stream stream, FileLimits? limits)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            CopyAtMost(stream, copy, MaxFileBytes);
            copy.Position = 0;
            stream = copy;
        }
        if (ZipBombCheck.Check(stream, limits) is { } bomb) return new RegisterFileContent(null, [], [bomb]);
        var rows = new List<ImportRow>();
        var line = 1;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
        {
            line++;
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in row)
                values[key.Trim()] = value switch
                {
                    null => null,
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
            if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new ImportRow(line, values));
        }
        if (line == 1) return Fail("file", "(empty)", Rules.XlsxHeader);
        return new RegisterFileContent(null, rows, []);
    }

    private static void CopyAtMost(Stream from, Stream to, long max)
    {
        var buffer = new byte[81_920];
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (to.Length + read > max) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {max:N0} bytes"));
            to.Write(buffer, 0, read);
        }
    }

    private static RegisterFileContent ReadJson(Stream stream)
    {
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowDuplicateProperties = false, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        string? kind = null;
        var array = doc.RootElement;
        if (array.ValueKind == JsonValueKind.Object)
        {
            if (array.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String) kind = k.GetString();
            if (!array.TryGetProperty("records", out array))
                return Fail("records", "(missing)", Rules.JsonRecords);
        }
        if (array.ValueKind != JsonValueKind.Array)
            return Fail("records", array.ValueKind.ToString(), Rules.JsonObjects);
        var rows = new List<ImportRow>();
        var errors = new List<FieldError>();
        var n = 0;
        foreach (var item in array.EnumerateArray())
        {
            n++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError("record", item.ValueKind.ToString(), AllowedTexts.FilesJsonObject, n));
                continue;
            }
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in item.EnumerateObject())
            {
                if (p.Name is "fields" && p.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var f in p.Value.EnumerateObject()) values[f.Name] = Text(f.Value);
                    continue;
                }
                if (p.Name is "compartments" && p.Value.ValueKind == JsonValueKind.Array)
                {
                    values[p.Name] = string.Join(";", p.Value.EnumerateArray().Select(Text));
                    continue;
                }
                values[p.Name] = Text(p.Value);
            }
            rows.Add(new ImportRow(n, values));
        }
        return new RegisterFileContent(kind, rows, errors);
    }

    /// <summary>Undoes the writer's formula escape ("'=SUM(…)" back to "=SUM(…)"), so an export imports unchanged.</summary>
    internal static string? Unescape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => e.GetRawText(),
        _ => e.GetRawText(),
    };

    /// <summary>What a register file may be, as catalogue texts (issue 17).</summary>
    private static class Rules
    {
        public static readonly MessageTemplate FileSize = new("allowed.registerfile.filesize", "a file of at most {0:N0} bytes");
        public static readonly MessageTemplate WellFormed = new("allowed.registerfile.wellformed", "a well-formed {0} file ({1})");
        public static readonly MessageTemplate ExistingFile = new("allowed.registerfile.existingfile", "the path of an existing file");
        public static readonly MessageTemplate Formats = new("allowed.registerfile.formats", RegisterFileFormats.Allowed);
        public static readonly MessageTemplate CsvHeader = new("allowed.registerfile.csvheader", "a CSV file with a header row");
        public static readonly MessageTemplate ColumnOnce = new("allowed.registerfile.columnonce", "each column once");
        public static readonly MessageTemplate XlsxHeader = new("allowed.registerfile.xlsxheader", "an XLSX file whose first sheet has a header row");
        public static readonly MessageTemplate JsonRecords = new("allowed.registerfile.jsonrecords", "a JSON array of records, or an object with \"kind\" and \"records\"");
        public static readonly MessageTemplate JsonObjects = new("allowed.registerfile.jsonobjects", "a JSON array of objects");
    }

    private static RegisterFileContent Fail(string field, string value, ValidationMessage allowed, int? line = null) =>
        new(null, [], [new FieldError(field, value, allowed, line)]);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
