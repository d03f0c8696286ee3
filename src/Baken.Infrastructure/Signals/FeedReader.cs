using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Baken.Infrastructure.Signals;

/// <summary>The syndication format a feed was recognised as.</summary>
public enum FeedFormat
{
    Unknown,
    Rss20,
    Rss10,
    Atom10,
}

/// <summary>
/// One entry of a feed. <see cref="Title"/> falls back to the link when the entry has none; <see cref="Summary"/> is
/// plain text (tags stripped, entities decoded; encode it again before putting it in HTML). Dates keep their offset.
/// </summary>
public sealed record FeedEntry(
    string? Id,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? Summary,
    IReadOnlyList<string> Categories)
{
    /// <summary>Published, else updated: the date a signal takes from this entry.</summary>
    public DateTimeOffset? Date => Published ?? Updated;
}

/// <summary>
/// What could be read from a feed. <see cref="Problems"/> lists entries skipped and values not understood (each naming the
/// entry); when the document itself is refused (too large, DTD, malformed) there are no entries and the problem says why.
/// </summary>
public sealed record FeedParseResult(string FeedTitle, IReadOnlyList<FeedEntry> Entries, IReadOnlyList<string> Problems, FeedFormat Format)
{
    public bool IsReadable => Format != FeedFormat.Unknown;
}

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds.
/// </summary>
/// <remarks>
/// Hand-written over <see cref="XmlReader"/> + LINQ to XML instead of System.ServiceModel.Syndication because that
/// library does not read RSS 1.0/RDF and aborts a whole feed on one non-RFC-822 date; here a bad date costs only that
/// date and adds a problem line. The XML is read with DTDs prohibited and no resolver, so entity-expansion ("billion
/// laughs") and external-entity attacks are refused before any expansion, and the document is capped at <see cref="MaxBytes"/>.
/// </remarks>
public static partial class FeedReader
{
    /// <summary>Larger feeds are refused: real feeds are kilobytes to a few megabytes.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Parses <paramref name="xml"/>; never throws for bad input (only for a null argument).</summary>
    /// <param name="xml">The feed document; read to the end or to <see cref="MaxBytes"/>.</param>
    /// <param name="feedUrl">Where the feed came from; resolves relative links and names the feed in problems.</param>
    public static FeedParseResult Parse(Stream xml, string feedUrl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (xml.CanSeek && xml.Length - xml.Position > MaxBytes)
            return Refused(feedUrl, string.Create(CultureInfo.InvariantCulture, $"the feed is {xml.Length - xml.Position:N0} bytes; at most {MaxBytes:N0} bytes are read"));
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                MaxCharactersInDocument = MaxBytes,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var limited = new LimitedStream(xml, MaxBytes);
            using var reader = XmlReader.Create(limited, settings, feedUrl);
            document = XDocument.Load(reader, LoadOptions.SetBaseUri | LoadOptions.SetLineInfo);
        }
        catch (FeedTooLargeException)
        {
            return Refused(feedUrl, string.Create(CultureInfo.InvariantCulture, $"the feed is larger than {MaxBytes:N0} bytes, the most that is read"));
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(feedUrl,
                $"the feed declares a DTD (line {e.LineNumber}, position {e.LinePosition}); DTDs and entity declarations are refused because entity expansion can exhaust memory");
        }
        catch (XmlException e)
        {
            return Refused(feedUrl, $"the feed is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}");
        }
        catch (IOException e)
        {
            return Refused(feedUrl, $"the feed could not be read: {e.Message}");
        }

        var root = document.Root!;
        var problems = new List<string>();
        var baseUri = Uri.TryCreate(feedUrl, UriKind.Absolute, out var b) ? b : null;
        if (root.Name == Atom + "feed") return ReadAtom(root, baseUri, problems);
        if (root.Name.LocalName == "rss") return ReadRss2(root, baseUri, problems);
        if (root.Name == Rdf + "RDF") return ReadRss1(root, baseUri, problems);
        return Refused(feedUrl, $"the root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'; expected <rss> (RSS 2.0), <rdf:RDF> (RSS 1.0) or Atom <feed>");
    }

    private static FeedParseResult ReadRss2(XElement root, Uri? baseUri, List<string> problems)
    {
        var channel = root.Element("channel");
        if (channel is null)
        {
            problems.Add("RSS 2.0 document without <channel>: no entries read");
            return new FeedParseResult("", [], problems, FeedFormat.Rss20);
        }
        var entries = new List<FeedEntry>();
        var n = 0;
        foreach (var item in channel.Elements("item"))
        {
            n++;
            var link = ResolveLink(Text(item.Element("link")), baseUri);
            var guid = Text(item.Element("guid"));
            // A guid that is a permalink doubles as the link when <link> is missing.
            if (link is null && guid is not null && (string?)item.Element("guid")!.Attribute("isPermaLink") != "false")
                link = ResolveLink(guid, baseUri);
            var entry = Entry(n, item, Text(item.Element("title")), link, guid ?? link,
                Date(item.Element("pubDate"), n, problems) ?? Date(item.Element(Dc + "date"), n, problems), null,
                HtmlText(Text(item.Element("description")) ?? Text(item.Element(Content + "encoded"))),
                item.Elements("category").Select(Text).Concat(item.Elements(Dc + "subject").Select(Text)),
                problems);
            if (entry is not null) entries.Add(entry);
        }
        return new FeedParseResult(Text(channel.Element("title")) ?? "", entries, problems, FeedFormat.Rss20);
    }

    private static FeedParseResult ReadRss1(XElement root, Uri? baseUri, List<string> problems)
    {
        var channel = root.Element(Rss1 + "channel");
        var entries = new List<FeedEntry>();
        var n = 0;
        foreach (var item in root.Elements(Rss1 + "item"))
        {
            n++;
            var link = ResolveLink(Text(item.Element(Rss1 + "link")), baseUri);
            var about = (string?)item.Attribute(Rdf + "about");
            var entry = Entry(n, item, Text(item.Element(Rss1 + "title")), link, about ?? link,
                Date(item.Element(Dc + "date"), n, problems), null,
                HtmlText(Text(item.Element(Rss1 + "description")) ?? Text(item.Element(Content + "encoded"))),
                item.Elements(Dc + "subject").Select(Text), problems);
            if (entry is not null) entries.Add(entry);
        }
        return new FeedParseResult(Text(channel?.Element(Rss1 + "title")) ?? "", entries, problems, FeedFormat.Rss10);
    }

    private static FeedParseResult ReadAtom(XElement root, Uri? baseUri, List<string> problems)
    {
        var entries = new List<FeedEntry>();
        var n = 0;
        foreach (var item in root.Elements(Atom + "entry"))
        {
            n++;
            var linkElement = item.Elements(Atom + "link")
                .OrderBy(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate" ? 0 : 1)
                .FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") is "alternate" or "related" or "via");
            var link = linkElement is null ? null : ResolveLink((string?)linkElement.Attribute("href"), ElementBase(linkElement) ?? baseUri);
            var summary = AtomText(item.Element(Atom + "summary")) ?? AtomText(item.Element(Atom + "content"));
            var entry = Entry(n, item, AtomText(item.Element(Atom + "title")), link, Text(item.Element(Atom + "id")),
                Date(item.Element(Atom + "published"), n, problems), Date(item.Element(Atom + "updated"), n, problems),
                summary,
                item.Elements(Atom + "category").Select(c => (string?)c.Attribute("term") ?? (string?)c.Attribute("label")),
                problems);
            if (entry is not null) entries.Add(entry);
        }
        return new FeedParseResult(AtomText(root.Element(Atom + "title")) ?? "", entries, problems, FeedFormat.Atom10);
    }

    private static FeedEntry? Entry(int n, XElement item, string? title, string? link, string? id,
        DateTimeOffset? published, DateTimeOffset? updated, string? summary, IEnumerable<string?> categories, List<string> problems)
    {
        var line = item is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : "";
        title = title is null ? null : Collapse(title);
        if (string.IsNullOrEmpty(title) && link is null)
        {
            problems.Add($"entry {n}{line} skipped: it has neither a title nor a link");
            return null;
        }
        if (string.IsNullOrEmpty(title))
        {
            problems.Add($"entry {n}{line} has no title; its link is used as title");
            title = link!;
        }
        var cats = categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        return new FeedEntry(id, title, link, published, updated, string.IsNullOrEmpty(summary) ? null : summary, cats);
    }

    private static string? Text(XElement? e)
    {
        var value = e?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Atom text constructs: type="text" as is, "html" as escaped HTML, "xhtml" as inline XHTML.</summary>
    private static string? AtomText(XElement? e)
    {
        if (e is null) return null;
        var type = (string?)e.Attribute("type") ?? "text";
        return type switch
        {
            "html" => HtmlText(e.Value),
            "xhtml" => Collapse(string.Join(" ", e.DescendantNodes().OfType<XText>().Select(t => t.Value))) is { Length: > 0 } s ? s : null,
            _ => Collapse(e.Value) is { Length: > 0 } t ? t : null,
        };
    }

    /// <summary>
    /// Plain text of an HTML fragment: script and style dropped, tags removed, entities decoded, white space collapsed.
    /// This extracts text for analysis; it is not a sanitiser.
    /// </summary>
    public static string? HtmlText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        var text = ScriptOrStyle().Replace(html, " ");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = Collapse(text);
        return text.Length == 0 ? null : text;
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static Uri? ElementBase(XElement e) =>
        e.AncestorsAndSelf().Select(a => (string?)a.Attribute(XNamespace.Xml + "base")).FirstOrDefault(v => v is not null) is { } b
        && Uri.TryCreate(b, UriKind.Absolute, out var u) ? u : null;

    private static string? ResolveLink(string? link, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.AbsoluteUri;
        if (baseUri is not null && Uri.TryCreate(baseUri, link, out var resolved)) return resolved.AbsoluteUri;
        return link;
    }

    private static DateTimeOffset? Date(XElement? e, int n, List<string> problems)
    {
        var text = Text(e);
        if (text is null) return null;
        if (FeedDates.TryParse(text, out var date)) return date;
        problems.Add($"entry {n}: <{e!.Name.LocalName}> '{text}' is not an RFC 822 or ISO 8601 date; the date is left empty");
        return null;
    }

    private static FeedParseResult Refused(string feedUrl, string why) => new("", [], [$"{feedUrl}: {why}"], FeedFormat.Unknown);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>", RegexOptions.Singleline, 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex Whitespace();

    private sealed class FeedTooLargeException() : IOException("The feed exceeds the size limit.");

    /// <summary>Reads at most <c>limit</c> bytes, then fails, so a non-seekable stream cannot feed the parser without end.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit) throw new FeedTooLargeException();
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Dates as feeds write them: RFC 822/1123 (RSS 2.0) and ISO 8601 / RFC 3339 (Atom, Dublin Core).</summary>
public static class FeedDates
{
    // RFC 822 §5 zones plus the European abbreviations Dutch and German feeds use in practice.
    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["WET"] = TimeSpan.Zero, ["WEST"] = TimeSpan.FromHours(1), ["BST"] = TimeSpan.FromHours(1),
        ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2), ["MET"] = TimeSpan.FromHours(1), ["MEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3),
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// Parses an RFC 822 date ("Tue, 10 Jun 2003 04:00:00 GMT", day name and seconds optional, 2-digit years read as
    /// 19xx/20xx, zones UT/GMT/Z, US and central-European abbreviations or ±hhmm) or an ISO 8601 date or date-time
    /// (without an offset it is taken as UTC).
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (char.IsDigit(text[0]) && text.Length >= 10 && text[4] == '-')
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
        return TryParseRfc822(text, out value);
    }

    private static bool TryParseRfc822(string text, out DateTimeOffset value)
    {
        value = default;
        var comma = text.IndexOf(',');
        if (comma >= 0) text = text[(comma + 1)..];
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // A day name without a comma ("Tue 10 Jun 2003 …").
        if (parts.Length > 0 && !char.IsDigit(parts[0][0])) parts = parts[1..];
        if (parts.Length < 4) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return false;
        var month = Array.IndexOf(Months, parts[1].Length >= 3 ? parts[1][..3].ToLowerInvariant() : parts[1]) + 1;
        if (month == 0) return false;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (parts[2].Length == 2) year += year < 50 ? 2000 : 1900;
        var time = parts[3].Split(':');
        if (time.Length is < 2 or > 3) return false;
        if (!int.TryParse(time[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(time[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)) return false;
        var second = 0;
        if (time.Length == 3 && !int.TryParse(time[2], NumberStyles.None, CultureInfo.InvariantCulture, out second)) return false;
        var offset = TimeSpan.Zero;
        if (parts.Length >= 5 && !TryZone(parts[4], out offset)) return false;
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (Zones.TryGetValue(zone, out offset)) return true;
        if (zone.Length == 5 && zone[0] is '+' or '-'
            && int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && h <= 14 && m < 60)
        {
            offset = new TimeSpan(h, m, 0);
            if (zone[0] == '-') offset = -offset;
            return true;
        }
        return false;
    }
}
