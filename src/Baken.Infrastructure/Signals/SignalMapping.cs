using Baken.Methods.Signals;

namespace Baken.Infrastructure.Signals;

/// <summary>Turns what the readers return into <see cref="SignalItem"/>s for de-duplication and stacking.</summary>
public static class SignalMapping
{
    /// <summary>
    /// A feed entry as a signal from <paramref name="source"/>. Id: the entry's id, else its link. Date: the entry's
    /// published (else updated) date as written in the feed's own offset, else <paramref name="fallbackDate"/> (the day
    /// the feed was fetched). Feed categories are free text, not register tags, so only <paramref name="tags"/> are attached.
    /// </summary>
    public static SignalItem ToSignalItem(this FeedEntry entry, string source, DateOnly fallbackDate, IReadOnlyList<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var date = entry.Date is { } d ? DateOnly.FromDateTime(d.DateTime) : fallbackDate;
        var id = entry.Id ?? entry.Link ?? $"{source}:{entry.Title}";
        return new SignalItem(id, date, entry.Title, entry.Summary, entry.Link, source, tags ?? []);
    }

    /// <summary>A file row as a signal; its id is the row's id column, else <paramref name="fallbackId"/>.</summary>
    public static SignalItem ToSignalItem(this SignalFileRow row, string fallbackId)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SignalItem(row.Id ?? fallbackId, row.Date, row.Title, row.Summary, row.Url, row.Source, row.Tags);
    }

    /// <summary>Admiralty weight of the row's grades (<see cref="SourceGrades"/>), using F and 6 ("cannot be judged") for missing grades.</summary>
    public static double GradeWeight(this SignalFileRow row, GradeWeights? table = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return SourceGrades.Weight(row.Reliability ?? 'F', row.Credibility ?? '6', table);
    }
}
