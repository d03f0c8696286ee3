using System.Globalization;
using System.Text;
using System.Text.Json;
using Baken.Methods.Signals;
using CsvHelper;

namespace Baken.Infrastructure.Signals;

/// <summary>
/// One signal row read from a file. <see cref="Number"/> is the line in a CSV file (header = line 1) or the 1-based
/// position of the object in a JSON array. Reliability is A–F and credibility 1–6 (Admiralty code), null when not given.
/// Classification is passed through as written (the register validates it against the VIR-BI levels).
/// </summary>
public sealed record SignalFileRow(
    int Number,
    string? Id,
    DateOnly Date,
    string Title,
    string? Summary,
    string Source,
    string? Url,
    char? Reliability,
    char? Credibility,
    string? Classification,
    IReadOnlyList<string> Tags);

/// <summary>Why a row (or the file) could not be read: where, which field, the value found and what is allowed.</summary>
public sealed record SignalFileError(string Location, string Field, string Value, string Allowed)
{
    public override string ToString() => $"{Location}: {Field} '{Value}' is not allowed; expected {Allowed}";
}

/// <summary>Rows that were read and errors of those that were not; the caller decides whether any error rejects the file.</summary>
public sealed record SignalFileContent(IReadOnlyList<SignalFileRow> Rows, IReadOnlyList<SignalFileError> Errors);

/// <summary>
/// Reads signals from CSV (header row; comma or semicolon separated; UTF-8, or Windows-1252 when the bytes are not
/// valid UTF-8) or JSON (an array of objects). Columns/properties (case-insensitive): date, title, source (required),
/// summary, url, reliability, credibility, classification, tags (';'-separated <c>kind:value</c>; in JSON also an
/// array), id (optional).
/// </summary>
public static class SignalFileReader
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
        ["id", "date", "title", "summary", "source", "url", "reliability", "credibility", "classification", "tags"];

    private static readonly string[] Required = ["date", "title", "source"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    static SignalFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads <paramref name="path"/>, choosing CSV or JSON from the extension (.csv, .json).</summary>
    public static SignalFileContent Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) return Fail("file", path, "the path of an existing file");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".json")) return Fail("file", path, "a .csv or .json file");
        using var stream = File.OpenRead(path);
        return extension == ".csv" ? ReadCsv(stream) : ReadJson(stream);
    }

    public static SignalFileContent ReadCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = Decode(stream, out var tooLarge);
        if (tooLarge is not null) return tooLarge;
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var e and >= 0 ? e : text.Length));
        var separator = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        try
        {
            var options = CsvReaderOptions.Default with
            {
                Separator = separator,
                TrimWhitespace = true,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                MaxRecordSize = 1024 * 1024,
            };
            using var csv = CsvReader.Create(new StringReader(text), options, false);
            var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
            var headerErrors = CheckHeader(header, "line 1");
            if (headerErrors.Count > 0) return new SignalFileContent([], headerErrors);
            var rows = new List<SignalFileRow>();
            var errors = new List<SignalFileError>();
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                {
                    errors.Add(new SignalFileError($"line {line}", "row", $"{csv.FieldCount} cells", $"{header.Length} cells, one per header column"));
                    continue;
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++) values[header[i]] = csv.GetString(i);
                if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
                var row = ToRow(line, $"line {line}", values, errors);
                if (row is not null) rows.Add(row);
            }
            return new SignalFileContent(rows, errors);
        }
        catch (CsvFormatException ex)
        {
            return Fail("file", "malformed CSV", $"well-formed CSV with RFC 4180 quoting ({ex.Message.Split('\n')[0]})");
        }
    }

    public static SignalFileContent ReadJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = Decode(stream, out var tooLarge);
        if (tooLarge is not null) return tooLarge;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return Fail("file", $"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}", "well-formed JSON: an array of signal objects");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return Fail("file", doc.RootElement.ValueKind.ToString(), "a JSON array of signal objects");
            var rows = new List<SignalFileRow>();
            var errors = new List<SignalFileError>();
            var n = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                n++;
                var where = $"record {n}";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new SignalFileError(where, "record", item.ValueKind.ToString(), "a JSON object"));
                    continue;
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                var unknown = false;
                foreach (var p in item.EnumerateObject())
                {
                    var name = p.Name.Trim().ToLowerInvariant();
                    if (!Columns.Contains(name))
                    {
                        errors.Add(new SignalFileError(where, "property", p.Name, "one of " + string.Join(", ", Columns)));
                        unknown = true;
                        continue;
                    }
                    values[name] = p.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Array when name == "tags" => string.Join(";", p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                        _ => p.Value.GetRawText(),
                    };
                }
                if (unknown) continue;
                var row = ToRow(n, where, values, errors);
                if (row is not null) rows.Add(row);
            }
            return new SignalFileContent(rows, errors);
        }
    }

    private static List<SignalFileError> CheckHeader(string[] header, string where)
    {
        var errors = new List<SignalFileError>();
        if (header.Length == 0 || header.All(string.IsNullOrEmpty))
        {
            errors.Add(new SignalFileError(where, "header", "(empty)", "a header row naming the columns " + string.Join(", ", Columns)));
            return errors;
        }
        foreach (var h in header.Where(h => !Columns.Contains(h)))
            errors.Add(new SignalFileError(where, "header", h, "one of " + string.Join(", ", Columns)));
        foreach (var h in header.GroupBy(h => h).Where(g => g.Count() > 1))
            errors.Add(new SignalFileError(where, "header", h.Key, "each column once"));
        foreach (var r in Required.Where(r => !header.Contains(r)))
            errors.Add(new SignalFileError(where, "header", "(no " + r + " column)", "a header with the required columns " + string.Join(", ", Required)));
        return errors;
    }

    private static SignalFileRow? ToRow(int number, string where, Dictionary<string, string?> values, List<SignalFileError> errors)
    {
        var before = errors.Count;
        string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var dateText = Get("date");
        DateOnly date = default;
        if (dateText is null) errors.Add(new SignalFileError(where, "date", "", "a date yyyy-MM-dd (or dd-MM-yyyy)"));
        else if (!TryDate(dateText, out date)) errors.Add(new SignalFileError(where, "date", dateText, "a date yyyy-MM-dd (or dd-MM-yyyy, or an ISO 8601 date-time)"));

        var title = Get("title");
        if (title is null) errors.Add(new SignalFileError(where, "title", "", "a non-blank title"));
        var source = Get("source");
        if (source is null) errors.Add(new SignalFileError(where, "source", "", "a non-blank source (feed, organisation or person)"));

        var url = Get("url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            errors.Add(new SignalFileError(where, "url", url, "an absolute http(s) URL, or empty"));

        var reliability = Get("reliability");
        char? rel = null;
        if (reliability is not null)
        {
            if (reliability.Length == 1 && char.ToUpperInvariant(reliability[0]) is >= 'A' and <= 'F') rel = char.ToUpperInvariant(reliability[0]);
            else errors.Add(new SignalFileError(where, "reliability", reliability, "one letter A–F (Admiralty source reliability), or empty"));
        }
        var credibility = Get("credibility");
        char? cred = null;
        if (credibility is not null)
        {
            if (credibility.Length == 1 && credibility[0] is >= '1' and <= '6') cred = credibility[0];
            else errors.Add(new SignalFileError(where, "credibility", credibility, "one digit 1–6 (Admiralty information credibility), or empty"));
        }

        var tags = new List<string>();
        foreach (var tag in (Get("tags") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (SignalItem.IsValidTag(tag)) tags.Add(tag);
            else errors.Add(new SignalFileError(where, "tags", tag, "';'-separated tags of the form kind:value, e.g. vital-process:VP-01"));
        }

        if (errors.Count > before) return null;
        return new SignalFileRow(number, Get("id"), date, title!, Get("summary"), source!, url, rel, cred, Get("classification"), tags);
    }

    private static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (text.Length > 10 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            // The date as written (local to the writer), not shifted to UTC.
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }
        return false;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252, as spreadsheet exports on Dutch PCs are.</summary>
    private static string Decode(Stream stream, out SignalFileContent? tooLarge)
    {
        tooLarge = null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxFileBytes)
            {
                tooLarge = Fail("file", string.Create(CultureInfo.InvariantCulture, $"more than {MaxFileBytes:N0} bytes"), string.Create(CultureInfo.InvariantCulture, $"a file of at most {MaxFileBytes:N0} bytes"));
                return "";
            }
        }
        var bytes = buffer.ToArray();
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return new UTF8Encoding(false, true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(span);
        }
    }

    private static SignalFileContent Fail(string field, string value, string allowed) =>
        new([], [new SignalFileError("file", field, value, allowed)]);
}
