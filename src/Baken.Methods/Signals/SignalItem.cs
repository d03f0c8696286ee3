namespace Baken.Methods.Signals;

/// <summary>
/// A signal as the early-warning algorithms see it: what was reported, when, by which source, and which parts of the
/// register it touches. Tags have the form <c>kind:value</c>, e.g. <c>interest:2</c>, <c>theme:T1</c>,
/// <c>scenario:S-1</c>, <c>actor:A-1</c>, <c>vital-process:VP-01</c>, <c>country:RUS</c>, <c>sector:energy</c>.
/// </summary>
public sealed record SignalItem
{
    /// <param name="id">Unique id of the signal within the set being analysed; not blank.</param>
    /// <param name="date">Publication (or observation) date of the signal.</param>
    /// <param name="title">Headline; not blank.</param>
    /// <param name="summary">Plain-text summary, or null.</param>
    /// <param name="url">Where the signal was published, or null.</param>
    /// <param name="source">The feed, organisation or person that delivered it; not blank.</param>
    /// <param name="tags">Tags of the form <c>kind:value</c> (see <see cref="IsValidTag"/>); may be empty.</param>
    public SignalItem(string id, DateOnly date, string title, string? summary, string? url, string source, IReadOnlyList<string> tags)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("A signal needs a non-blank id.", nameof(id));
        if (string.IsNullOrWhiteSpace(title))
            throw new ArgumentException($"Signal '{id}' needs a non-blank title.", nameof(title));
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException($"Signal '{id}' needs a non-blank source.", nameof(source));
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
            if (!IsValidTag(tag))
                throw new ArgumentException(
                    $"Signal '{id}' has tag '{tag}'; a tag is 'kind:value' with a non-blank kind and value (e.g. 'vital-process:VP-01').",
                    nameof(tags));
        Id = id;
        Date = date;
        Title = title;
        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary;
        Url = string.IsNullOrWhiteSpace(url) ? null : url;
        Source = source;
        Tags = tags.ToArray();
    }

    public string Id { get; }

    public DateOnly Date { get; }

    public string Title { get; }

    public string? Summary { get; }

    public string? Url { get; }

    public string Source { get; }

    public IReadOnlyList<string> Tags { get; }

    /// <summary>Whether <paramref name="tag"/> has the form <c>kind:value</c>, both parts non-blank and without surrounding spaces.</summary>
    public static bool IsValidTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Trim() != tag) return false;
        var colon = tag.IndexOf(':');
        return colon > 0 && colon < tag.Length - 1
               && !string.IsNullOrWhiteSpace(tag[..colon]) && !string.IsNullOrWhiteSpace(tag[(colon + 1)..])
               && tag[..colon].Trim() == tag[..colon] && tag[(colon + 1)..].Trim() == tag[(colon + 1)..];
    }
}
