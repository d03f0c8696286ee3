using System.Diagnostics;
using Baken.Infrastructure.Reports.Documents;
using FsCheck;
using FsCheck.Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Baken.Infrastructure.Tests.Reports.Documents;

public sealed class DocxWriterTests
{
    [Fact]
    public void ToBytes_EveryBlockType_ValidatesWithZeroErrors()
    {
        var bytes = DocxWriter.ToBytes(SampleDocuments.ProgressReport());

        var errors = DocxInspection.ValidationErrors(bytes);

        errors.ShouldBeEmpty($"OpenXmlValidator (Office 2019) reported:\n{errors}");
    }

    [Fact]
    public void ToBytes_Reopened_BodyHoldsEveryText()
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport()));
        var text = DocxInspection.TextOf(doc.MainDocumentPart!.Document!.Body!);

        foreach (var expected in SampleDocuments.ProgressReportTexts) text.ShouldContain(expected);
    }

    [Fact]
    public void ToBytes_Reopened_HeaderAndFooterCarryTheMarkingBoldAndCentred()
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport(marking: SampleDocuments.ClassifiedMarking)));
        var main = doc.MainDocumentPart!;
        var header = main.HeaderParts.ShouldHaveSingleItem().Header!;
        var footer = main.FooterParts.ShouldHaveSingleItem().Footer!;

        foreach (var part in new DocumentFormat.OpenXml.OpenXmlElement[] { header, footer })
        {
            var markingParagraph = part.Elements<W.Paragraph>().First();
            DocxInspection.TextOf(markingParagraph).ShouldBe(SampleDocuments.ClassifiedMarking + "\n");
            markingParagraph.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(W.JustificationValues.Center);
            markingParagraph.Descendants<W.Bold>().ShouldNotBeEmpty();
        }

        // One default header and footer in the only section: they print on every page.
        var section = main.Document!.Body!.Elements<W.SectionProperties>().ShouldHaveSingleItem();
        section.Elements<W.HeaderReference>().ShouldHaveSingleItem().Type!.Value.ShouldBe(W.HeaderFooterValues.Default);
        section.Elements<W.FooterReference>().ShouldHaveSingleItem().Type!.Value.ShouldBe(W.HeaderFooterValues.Default);
        section.Elements<W.TitlePage>().ShouldBeEmpty();
    }

    [Fact]
    public void ToBytes_Footer_HasPageField()
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport()));
        var footer = doc.MainDocumentPart!.FooterParts.Single().Footer!;

        footer.InnerText.ShouldContain("p. ");
        footer.Descendants<W.SimpleField>().ShouldHaveSingleItem().Instruction!.Value!.Trim().ShouldBe("PAGE");
    }

    [Theory]
    [InlineData("nl", "nl-NL")]
    [InlineData("en", "en-GB")]
    public void ToBytes_Language_SetOnDefaultsAndCoreProperties(string language, string culture)
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport(language)));

        doc.PackageProperties.Title.ShouldBe("Voortgangsrapportage Nationale Veiligheidsstrategie");
        doc.PackageProperties.Language.ShouldBe(culture);
        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!;
        defaults.Descendants<W.Languages>().ShouldHaveSingleItem().Val!.Value.ShouldBe(culture);
    }

    [Fact]
    public void ToBytes_EveryStyleUsed_IsDefined()
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport()));
        var main = doc.MainDocumentPart!;
        var defined = main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Select(s => s.StyleId!.Value).ToHashSet();
        var roots = new DocumentFormat.OpenXml.OpenXmlElement[] { main.Document!, main.HeaderParts.Single().Header!, main.FooterParts.Single().Footer! };

        var used = roots.SelectMany(r => r.Descendants<W.ParagraphStyleId>().Select(s => s.Val!.Value)
            .Concat(r.Descendants<W.TableStyle>().Select(s => s.Val!.Value))).ToHashSet();

        used.ShouldBeSubsetOf(defined);
        new[] { "Normal", "Title", "Heading1", "Heading2", "Heading3", "TableGrid", "Header", "Footer", "Notice" }.ShouldBeSubsetOf(defined);
        used.ShouldContain("Heading3");
        used.ShouldContain("Notice");
    }

    [Fact]
    public void ToBytes_Table_HeaderRowRepeatsAndIsBold()
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport()));
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>().First();
        var rows = table.Elements<W.TableRow>().ToList();

        rows.Count.ShouldBe(4);
        rows[0].TableRowProperties!.Elements<W.TableHeader>().ShouldHaveSingleItem();
        rows[0].Descendants<W.Run>().ShouldAllBe(r => r.RunProperties != null && r.RunProperties.Bold != null);
        rows.Skip(1).ShouldAllBe(r => !r.Descendants<W.TableHeader>().Any());
        table.Descendants<W.TableCaption>().ShouldHaveSingleItem().Val!.Value.ShouldBe("Tabel 1 – Voortgang per doel");
    }

    [Fact]
    public void ToBytes_NewlineAndTabInParagraph_BecomeBreakAndTab()
    {
        var doc = new ReportDocument("T", "en", "UNCLASSIFIED", [new Paragraph("one\r\ntwo\rthree\nfour\tfive")]);
        using var read = DocxInspection.Open(DocxWriter.ToBytes(doc));
        var paragraph = read.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Last();

        paragraph.Descendants<W.Break>().Count().ShouldBe(3);
        paragraph.Descendants<W.TabChar>().Count().ShouldBe(1);
        DocxInspection.TextOf(paragraph).ShouldBe("one\ntwo\nthree\nfour\tfive\n");
    }

    [Fact]
    public void ToBytes_PageBreak_WritesPageBreak()
    {
        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.ProgressReport()));

        doc.MainDocumentPart!.Document!.Body!.Descendants<W.Break>().Count(b => b.Type?.Value == W.BreakValues.Page).ShouldBe(1);
    }

    [Fact]
    public void ToBytes_HostileStrings_ValidAndTextKeptExceptInvalidCharacters()
    {
        foreach (var hostile in SampleDocuments.Hostile)
        {
            var bytes = DocxWriter.ToBytes(SampleDocuments.Carrying(hostile));
            var errors = DocxInspection.ValidationErrors(bytes);
            errors.ShouldBeEmpty($"for {hostile}:\n{errors}");
        }

        using var doc = DocxInspection.Open(DocxWriter.ToBytes(SampleDocuments.Carrying(string.Join(" | ", SampleDocuments.Hostile))));
        var text = DocxInspection.TextOf(doc.MainDocumentPart!.Document!.Body!);
        text.ShouldContain("<script>alert(1)</script>");
        text.ShouldContain("=HYPERLINK(\"http://example.invalid\",\"klik\")");
        text.ShouldContain("controlcharacter");
        text.ShouldContain("unpairedsurrogate and  low");
        text.ShouldContain("already &amp; encoded");
        text.ShouldContain("emoji 🛡️ 🇳🇱 ✅");
        text.ShouldNotContain("\u0001");
        DocxInspection.TextOf(doc.MainDocumentPart.HeaderParts.Single().Header!).ShouldContain("ONGERUBRICEERD <script>alert(1)</script>");
    }

    [Fact]
    public void ToBytes_HundredThousandCharacterText_ValidAndWhole()
    {
        var longText = string.Concat(Enumerable.Repeat("Weerbaarheid ", 100_000 / 13 + 1))[..100_000];
        var bytes = DocxWriter.ToBytes(SampleDocuments.Carrying(longText));

        DocxInspection.ValidationErrors(bytes).ShouldBeEmpty();
        using var doc = DocxInspection.Open(bytes);
        doc.MainDocumentPart!.Document!.Body!.Descendants<W.Text>().ShouldContain(t => t.Text == longText);
    }

    [Fact]
    public void ToBytes_FiveThousandRowTable_ValidWithAllRows()
    {
        var watch = Stopwatch.StartNew();
        var bytes = DocxWriter.ToBytes(SampleDocuments.LargeTable(5_000));
        var written = watch.Elapsed;

        DocxInspection.ValidationErrors(bytes).ShouldBeEmpty();
        using var doc = DocxInspection.Open(bytes);
        var rows = doc.MainDocumentPart!.Document!.Body!.Descendants<W.TableRow>().ToList();
        rows.Count.ShouldBe(5_001);
        DocxInspection.TextOf(rows[^1]).ShouldContain("M-05000");
        written.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Write_NonSeekableStream_WritesValidDocument()
    {
        var doc = SampleDocuments.ProgressReport();
        using var sink = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(sink)) DocxWriter.Write(doc, forwardOnly);

        DocxInspection.ValidationErrors(sink.ToArray()).ShouldBeEmpty();
        sink.Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void ValidationErrors_DocumentBrokenAfterWriting_AreReported()
    {
        // Guards the zero-error tests above: the validator must see a schema violation when there is one.
        using var buffer = new MemoryStream();
        buffer.Write(DocxWriter.ToBytes(SampleDocuments.ProgressReport()));
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(buffer, isEditable: true))
        {
            doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>().First().RemoveAllChildren<W.TableGrid>();
        }

        DocxInspection.ValidationErrors(buffer.ToArray()).ShouldNotBeEmpty();
    }

    [Property(MaxTest = 40)]
    public void ToBytes_ArbitraryText_AlwaysValid(NonNull<string> text)
    {
        var errors = DocxInspection.ValidationErrors(DocxWriter.ToBytes(SampleDocuments.Carrying(text.Get)));

        errors.ShouldBeEmpty();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
