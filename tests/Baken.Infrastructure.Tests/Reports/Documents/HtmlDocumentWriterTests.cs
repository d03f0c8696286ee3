using System.Net;
using System.Text.RegularExpressions;
using Baken.Infrastructure.Reports.Documents;
using FsCheck;
using FsCheck.Xunit;

namespace Baken.Infrastructure.Tests.Reports.Documents;

public sealed class HtmlDocumentWriterTests
{
    private static int Count(string haystack, string needle) => Regex.Matches(haystack, Regex.Escape(needle)).Count;

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void Write_Language_IsTheHtmlLangAttribute(string language)
    {
        var html = HtmlDocumentWriter.Write(SampleDocuments.ProgressReport(language));

        html.ShouldStartWith("<!DOCTYPE html>\n");
        html.ShouldContain($"<html lang=\"{language}\">");
    }

    [Fact]
    public void Write_Marking_AppearsAsBannerAtTopAndBottom_AndInTheMetadata()
    {
        var html = HtmlDocumentWriter.Write(SampleDocuments.ProgressReport(marking: SampleDocuments.ClassifiedMarking));

        // The two banners and the <meta name="classification"> that tools read.
        Count(html, SampleDocuments.ClassifiedMarking).ShouldBe(3);
        html.ShouldContain($"<meta name=\"classification\" content=\"{SampleDocuments.ClassifiedMarking}\">");
        var top = html.IndexOf("marking-top", StringComparison.Ordinal);
        var bottom = html.IndexOf("marking-bottom", StringComparison.Ordinal);
        top.ShouldBeLessThan(html.IndexOf("<main>", StringComparison.Ordinal));
        bottom.ShouldBeGreaterThan(html.IndexOf("</main>", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Marking_PrintedInEveryPageMargin()
    {
        var html = HtmlDocumentWriter.Write(SampleDocuments.ProgressReport(marking: "GEHEIM"));

        // The marking is hex-escaped inside the CSS string: G=47, E=45, H=48, I=49, M=4D.
        html.ShouldContain("@top-center{content:\"\\000047\\000045\\000048\\000045\\000049\\00004D\"");
        html.ShouldContain("@bottom-center{content:\"\\000047");
        html.ShouldContain("counter(page)");
    }

    [Fact]
    public void Write_Table_HasCaptionAndColumnHeaders()
    {
        var html = HtmlDocumentWriter.Write(SampleDocuments.ProgressReport());

        html.ShouldContain("<caption>Tabel 1 – Voortgang per doel</caption>");
        html.ShouldContain("<th scope=\"col\">Doel</th><th scope=\"col\">Status</th><th scope=\"col\">Maatregelen</th>");
        html.ShouldContain("<tr><td>Digitale veiligheid</td><td>achter</td><td>7</td></tr>");
        Count(html, "<table>").ShouldBe(2);
        Count(html, "<caption>").ShouldBe(1);
    }

    [Fact]
    public void Write_EveryBlockType_Rendered()
    {
        var html = HtmlDocumentWriter.Write(SampleDocuments.ProgressReport());

        html.ShouldContain("<h1>Voortgangsrapportage Nationale Veiligheidsstrategie</h1>");
        html.ShouldContain("<p class=\"subtitle\">Rapportage aan de Tweede Kamer</p>");
        html.ShouldContain("<p class=\"date\">november 2026</p>");
        html.ShouldContain("<h2>1. Samenvatting</h2>");
        html.ShouldContain("<h3>1.1 Doelen</h3>");
        html.ShouldContain("<h4>1.1.1 Stand van zaken</h4>");
        html.ShouldContain("<p>De strategie ligt op koers.<br>Twee doelen lopen achter.</p>");
        html.ShouldContain("<p><strong>Kernboodschap: investeer in weerbaarheid.</strong></p>");
        html.ShouldContain("<li>Weerbare vitale infrastructuur</li>");
        html.ShouldContain("<div class=\"notice\" role=\"note\">Withheld from this public version: 3 items (Geheim: 2, Stg. Confidentieel: 1)</div>");
        html.ShouldContain("<hr class=\"page-break\">");
        html.ShouldContain("@media print");
        html.ShouldContain("break-after:page");
    }

    [Fact]
    public void Write_HostileStrings_EncodedAndInert()
    {
        var html = HtmlDocumentWriter.Write(SampleDocuments.Carrying(string.Join(" | ", SampleDocuments.Hostile)));

        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldContain("already &amp;amp; encoded");
        // The encoder writes characters outside the Basic Multilingual Plane as references (&#x1F6E1;); they read the same.
        WebUtility.HtmlDecode(html).ShouldContain("emoji 🛡️ 🇳🇱 ✅");
        html.ShouldContain("controlcharacter");
        html.ShouldNotContain("\u0001");
        html.ShouldNotContain("]]>");
    }

    [Fact]
    public void Write_HundredThousandCharacterText_KeptWhole()
    {
        var longText = new string('x', 100_000);

        HtmlDocumentWriter.Write(SampleDocuments.Carrying(longText)).ShouldContain("<p>" + longText + "</p>");
    }

    [Property(MaxTest = 200)]
    public void Write_ArbitraryTextWithoutLineBreaks_AddsNoMarkup(NonNull<string> text)
    {
        var oneLine = string.Concat(text.Get.Where(c => c is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029')));

        var withText = HtmlDocumentWriter.Write(SampleDocuments.Carrying(oneLine));
        var plain = HtmlDocumentWriter.Write(SampleDocuments.Carrying("x"));

        Count(withText, "<").ShouldBe(Count(plain, "<"));
        Count(withText, ">").ShouldBe(Count(plain, ">"));
    }
}
