using Baken.Application.Common;
using Baken.Application.Signals;

namespace Baken.Infrastructure.Signals;

/// <summary>Reads signals from a CSV, JSON, RSS or Atom file into the intake's shape, with every problem named.</summary>
public static class SignalSources
{
    public static (IReadOnlyList<IncomingSignal> Signals, IReadOnlyList<FieldError> Errors) ReadFile(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".xml" or ".rss" or ".atom")
        {
            using var stream = File.OpenRead(path);
            return FromFeed(FeedReader.Parse(stream, path), source: Path.GetFileNameWithoutExtension(path), tags: [], fallbackDate: DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path)));
        }
        if (extension is not (".csv" or ".json"))
            return ([], [new FieldError("file", path, "a .csv, .json, .xml, .rss or .atom file")]);
        var content = SignalFileReader.Read(path);
        var errors = content.Errors.Select(e => new FieldError($"{e.Location}: {e.Field}", e.Value, e.Allowed)).ToList();
        var signals = content.Rows.Select(r => new IncomingSignal(r.Date, r.Title, r.Summary, r.Source, r.Url, r.Reliability?.ToString(), r.Credibility?.ToString(),
            r.Classification, r.Tags, r.Id, r.Number)).ToList();
        return (signals, errors);
    }

    /// <summary>A parsed feed as incoming signals; an unreadable feed is one error, skipped entries are not errors.</summary>
    public static (IReadOnlyList<IncomingSignal> Signals, IReadOnlyList<FieldError> Errors) FromFeed(FeedParseResult feed, string source, IReadOnlyList<string> tags,
        DateOnly fallbackDate, string? reliability = null)
    {
        if (!feed.IsReadable) return ([], [new FieldError("feed", source, string.Join("; ", feed.Problems))]);
        return (feed.Entries.Select((e, i) => new IncomingSignal(
            e.Date is { } d ? DateOnly.FromDateTime(d.DateTime) : fallbackDate, e.Title, e.Summary, source, e.Link, reliability, null, null, tags,
            e.Id ?? e.Link, i + 1)).ToList(), []);
    }
}
