using System.Text;
using Baken.Infrastructure.Signals;

namespace Baken.Infrastructure.Tests.Signals;

public class FeedReaderTests
{
    private const string FeedUrl = "https://feeds.example.nl/news.xml";

    private static FeedParseResult Parse(string xml) => FeedReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), FeedUrl);

    private const string Rss20 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>NCTV nieuws</title>
            <link>https://www.nctv.nl</link>
            <item>
              <title>Dreigingsbeeld Terrorisme Nederland 61</title>
              <link>https://www.nctv.nl/actueel/dtn61?utm_source=rss</link>
              <guid isPermaLink="false">dtn-61</guid>
              <pubDate>Tue, 10 Dec 2024 09:30:00 GMT</pubDate>
              <description>&lt;p&gt;Het dreigingsniveau blijft &lt;b&gt;4&lt;/b&gt; &amp;amp; &lt;a href="x"&gt;meer&lt;/a&gt;&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
              <category>terrorisme</category>
              <category>dreiging</category>
            </item>
            <item>
              <title>Stroomstoring Amsterdam</title>
              <link>/actueel/storing</link>
              <pubDate>Wed, 11 Dec 2024 14:05 +0100</pubDate>
            </item>
            <item>
              <title>Cyberincident haven</title>
              <link>https://www.nctv.nl/actueel/cyber</link>
              <pubDate>Thu, 12 Dec 24 08:00:00 CEST</pubDate>
            </item>
            <item>
              <description>Only a description, no title or link</description>
            </item>
            <item>
              <title>Bad date</title>
              <link>https://www.nctv.nl/actueel/bad</link>
              <pubDate>gisteren</pubDate>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Parse_Rss20_ReadsEntriesDatesSummariesAndCategories()
    {
        var result = Parse(Rss20);

        result.Format.ShouldBe(FeedFormat.Rss20);
        result.FeedTitle.ShouldBe("NCTV nieuws");
        result.Entries.Count.ShouldBe(4);
        var first = result.Entries[0];
        first.Title.ShouldBe("Dreigingsbeeld Terrorisme Nederland 61");
        first.Id.ShouldBe("dtn-61");
        first.Link.ShouldBe("https://www.nctv.nl/actueel/dtn61?utm_source=rss");
        first.Published.ShouldBe(new DateTimeOffset(2024, 12, 10, 9, 30, 0, TimeSpan.Zero));
        first.Summary.ShouldBe("Het dreigingsniveau blijft 4 & meer");
        first.Categories.ShouldBe(["terrorisme", "dreiging"]);
    }

    [Fact]
    public void Parse_Rss20_ResolvesRelativeLinksAndNamedOrNumericZones()
    {
        var entries = Parse(Rss20).Entries;

        entries[1].Link.ShouldBe("https://feeds.example.nl/actueel/storing");
        entries[1].Published.ShouldBe(new DateTimeOffset(2024, 12, 11, 14, 5, 0, TimeSpan.FromHours(1)));
        entries[2].Published.ShouldBe(new DateTimeOffset(2024, 12, 12, 8, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Parse_Rss20_SkipsEntryWithoutTitleOrLinkAndReportsBadDate()
    {
        var result = Parse(Rss20);

        result.Problems.ShouldContain(p => p.Contains("entry 4") && p.Contains("neither a title nor a link"));
        result.Problems.ShouldContain(p => p.Contains("entry 5") && p.Contains("'gisteren'"));
        result.Entries.Single(e => e.Title == "Bad date").Published.ShouldBeNull();
    }

    [Fact]
    public void Parse_Atom_ReadsPublishedUpdatedAlternateLinkAndHtmlSummary()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.clingendael.org/">
              <title type="text">Clingendael</title>
              <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
              <updated>2024-05-02T10:00:00Z</updated>
              <entry>
                <title>Sahel: the next crisis</title>
                <link rel="self" href="https://www.clingendael.org/self/1"/>
                <link rel="alternate" href="publication/sahel"/>
                <id>tag:clingendael.org,2024:1</id>
                <published>2024-05-01T08:00:00+02:00</published>
                <updated>2024-05-02T09:15:30Z</updated>
                <summary type="html">&lt;p&gt;Coups &amp;amp; conflict&lt;/p&gt;</summary>
                <category term="sahel" label="Sahel"/>
              </entry>
              <entry>
                <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Updated <b>only</b></div></title>
                <link href="https://www.clingendael.org/publication/2"/>
                <id>tag:clingendael.org,2024:2</id>
                <updated>2024-04-30</updated>
              </entry>
            </feed>
            """;

        var result = Parse(atom);

        result.Format.ShouldBe(FeedFormat.Atom10);
        result.FeedTitle.ShouldBe("Clingendael");
        result.Problems.ShouldBeEmpty();
        var first = result.Entries[0];
        first.Link.ShouldBe("https://www.clingendael.org/publication/sahel");
        first.Id.ShouldBe("tag:clingendael.org,2024:1");
        first.Published.ShouldBe(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.FromHours(2)));
        first.Updated.ShouldBe(new DateTimeOffset(2024, 5, 2, 9, 15, 30, TimeSpan.Zero));
        first.Summary.ShouldBe("Coups & conflict");
        first.Categories.ShouldBe(["sahel"]);
        var second = result.Entries[1];
        second.Title.ShouldBe("Updated only");
        second.Published.ShouldBeNull();
        second.Date.ShouldBe(new DateTimeOffset(2024, 4, 30, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_Rdf_ReadsRss10ItemsWithDublinCoreDates()
    {
        const string rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://www.rivm.nl/rss">
                <title>RIVM</title>
                <link>https://www.rivm.nl</link>
                <items><rdf:Seq><rdf:li resource="https://www.rivm.nl/nieuws/1"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://www.rivm.nl/nieuws/1">
                <title>Vogelgriep vastgesteld</title>
                <link>https://www.rivm.nl/nieuws/1</link>
                <description>Besmetting bij pluimveebedrijf</description>
                <dc:date>2024-02-03T11:00:00+01:00</dc:date>
                <dc:subject>infectieziekten</dc:subject>
              </item>
            </rdf:RDF>
            """;

        var result = Parse(rdf);

        result.Format.ShouldBe(FeedFormat.Rss10);
        result.FeedTitle.ShouldBe("RIVM");
        var entry = result.Entries.Single();
        entry.Id.ShouldBe("https://www.rivm.nl/nieuws/1");
        entry.Title.ShouldBe("Vogelgriep vastgesteld");
        entry.Summary.ShouldBe("Besmetting bij pluimveebedrijf");
        entry.Published.ShouldBe(new DateTimeOffset(2024, 2, 3, 11, 0, 0, TimeSpan.FromHours(1)));
        entry.Categories.ShouldBe(["infectieziekten"]);
    }

    [Fact]
    public void Parse_BillionLaughs_IsRefusedQuicklyWithAMessage()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """;
        var result = Parse(bomb);

        result.IsReadable.ShouldBeFalse();
        result.Entries.ShouldBeEmpty();
        result.Problems.Single().ShouldContain("DTD");
        result.Problems.Single().ShouldContain(FeedUrl);
    }

    [Fact]
    public void Parse_ExternalEntity_IsRefused()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """;

        var result = Parse(xxe);

        result.Entries.ShouldBeEmpty();
        result.FeedTitle.ShouldNotContain("root");
        result.Problems.Single().ShouldContain("DTD");
    }

    [Fact]
    public void Parse_MalformedXml_NamesLineAndPosition()
    {
        const string broken = "<rss version=\"2.0\">\n<channel>\n<title>x</title>\n<item><title>y</item>\n</channel></rss>";

        var result = Parse(broken);

        result.IsReadable.ShouldBeFalse();
        result.Problems.Single().ShouldContain("not well-formed XML at line 4");
        result.Problems.Single().ShouldContain("position");
    }

    [Fact]
    public void Parse_UnknownRoot_IsReportedNotThrown()
    {
        var result = Parse("<html><body>not a feed</body></html>");

        result.IsReadable.ShouldBeFalse();
        result.Problems.Single().ShouldContain("<html>");
    }

    [Fact]
    public void Parse_DocumentOverSizeLimit_IsRefusedWithClearMessage()
    {
        // A non-seekable stream, so the limit has to be enforced while reading, not from Length.
        var head = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>");
        var stream = new EndlessStream(head, (byte)'a');

        var result = FeedReader.Parse(stream, FeedUrl);

        result.IsReadable.ShouldBeFalse();
        result.Problems.Single().ShouldContain("larger than 20,971,520 bytes");
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00+00:00")]
    [InlineData("10 Jun 2003 04:00 UT", "2003-06-10T04:00:00+00:00")]
    [InlineData("Mon, 01 Jan 2024 23:59:59 -0500", "2024-01-01T23:59:59-05:00")]
    [InlineData("Mon, 01 Jan 2024 12:00:00 EST", "2024-01-01T12:00:00-05:00")]
    [InlineData("Sat, 1 Jun 2024 12:00:00 CEST", "2024-06-01T12:00:00+02:00")]
    [InlineData("2024-06-01T12:00:00Z", "2024-06-01T12:00:00+00:00")]
    [InlineData("2024-06-01T12:00:00.123+02:00", "2024-06-01T12:00:00.123+02:00")]
    [InlineData("2024-06-01", "2024-06-01T00:00:00+00:00")]
    public void FeedDates_TryParse_ReadsRfc822AndIso8601(string text, string expected)
    {
        FeedDates.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Theory]
    [InlineData("gisteren")]
    [InlineData("Tue, 31 Feb 2024 10:00:00 GMT")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 XYZ")]
    public void FeedDates_TryParse_RefusesNonDates(string text) => FeedDates.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void HtmlText_StripsTagsDecodesEntitiesAndDropsScripts() =>
        FeedReader.HtmlText("<div>Caf&eacute; &lt;3&gt;<style>p{}</style>\n <br/>open</div>").ShouldBe("Café <3> open");

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    public void Parse_FeedUrlThatIsNoUrl_StillParsesAbsoluteLinks(string feedUrl)
    {
        var result = FeedReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Rss20)), feedUrl);

        result.Entries.Count.ShouldBe(4);
        result.Entries[0].Link.ShouldBe("https://www.nctv.nl/actueel/dtn61?utm_source=rss");
        result.Entries[1].Link.ShouldBe("/actueel/storing"); // nothing to resolve against
    }

    [Fact]
    public void Parse_EmptyDocument_IsAProblemNotAnException()
    {
        var result = FeedReader.Parse(new MemoryStream(), FeedUrl);

        result.IsReadable.ShouldBeFalse();
        result.Problems.Single().ShouldContain("not well-formed XML");
    }

    [Fact]
    public void ToSignalItem_FeedEntry_UsesIdDateAsWrittenAndLink()
    {
        var entry = Parse(Rss20).Entries[1];

        var signal = entry.ToSignalItem("NCTV", new DateOnly(2025, 1, 1), ["vital-process:VP-01"]);

        signal.Id.ShouldBe("https://feeds.example.nl/actueel/storing"); // no guid: the link
        signal.Date.ShouldBe(new DateOnly(2024, 12, 11));
        signal.Source.ShouldBe("NCTV");
        signal.Tags.ShouldBe(["vital-process:VP-01"]);
    }

    private sealed class EndlessStream(byte[] head, byte fill) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _position++)
                buffer[offset + i] = _position < head.Length ? head[_position] : fill;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
