using Baken.Application.Common;
using Baken.Application.Signals;
using Baken.Domain;

namespace Baken.Infrastructure.Signals;

/// <summary>Reads signals from a CSV, JSON, RSS or Atom file into the intake's shape, with every problem named.</summary>
public static class SignalSources
{
    public static (IReadOnlyList<IncomingSignal> Signals, IReadOnlyList<FieldError> Errors) ReadFile(string path, Files.FileLimits? limits = null)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".xml" or ".rss" or ".atom")
        {
            using var stream = File.OpenRead(path);
            return FromFeed(FeedReader.Parse(stream, path), source: Path.GetFileNameWithoutExtension(path), tags: [], fallbackDate: DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path)));
        }
        if (extension is not (".csv" or ".json" or ".xlsx"))
            return ([], [new FieldError("file", path, AllowedTexts.SignalsCsvJsonXlsxXml)]);
        SignalFileContent content;
        if (extension == ".xlsx")
        {
            if (XlsxAsCsv(path, limits, out var csv) is { } problem) return ([], [problem]);
            content = SignalFileReader.ReadCsv(csv!);
        }
        else content = SignalFileReader.Read(path);
        var errors = content.Errors.Select(e => new FieldError($"{e.Location}: {e.Field}", e.Value, ValidationMessage.Verbatim(e.Allowed))).ToList();
        var signals = content.Rows.Select(r => new IncomingSignal(r.Date, r.Title, r.Summary, r.Source, r.Url, r.Reliability?.ToString(), r.Credibility?.ToString(),
            r.Classification, r.Tags, r.Id, r.Number)).ToList();
        return (signals, errors);
    }

    /// <summary>
    /// The first sheet of a workbook as CSV text, so a spreadsheet is checked by exactly the same rules (and reports
    /// the same line numbers) as a CSV file.
    /// </summary>
    private static FieldError? XlsxAsCsv(string path, Files.FileLimits? limits, out Stream? csv)
    {
        csv = null;
        try
        {
            using (var package = File.OpenRead(path))
                if (Files.ZipBombCheck.Check(package, limits) is { } bomb) return bomb;
            var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            var text = new StringWriter();
            foreach (var row in rows)
                text.WriteLine(string.Join(",", row.Values.Select(v => Quote(v switch
                {
                    null => "",
                    DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    _ => v.ToString() ?? "",
                }))));
            csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            return new FieldError("file", path, AllowedTexts.SignalsReadableXlsx.With(ValidationMessage.Verbatim(e.Message.Split('\n')[0])));
        }
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>A parsed feed as incoming signals; an unreadable feed is one error, skipped entries are not errors.</summary>
    public static (IReadOnlyList<IncomingSignal> Signals, IReadOnlyList<FieldError> Errors) FromFeed(FeedParseResult feed, string source, IReadOnlyList<string> tags,
        DateOnly fallbackDate, string? reliability = null)
    {
        if (!feed.IsReadable) return ([], [new FieldError("feed", source, ValidationMessage.Verbatim(string.Join("; ", feed.Problems)))]);
        return (feed.Entries.Select((e, i) => new IncomingSignal(
            e.Date is { } d ? DateOnly.FromDateTime(d.DateTime) : fallbackDate, e.Title, e.Summary, source, e.Link, reliability, null, null, tags,
            e.Id ?? e.Link, i + 1)).ToList(), []);
    }
}
