using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Baken.Infrastructure.Reports.Documents;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as one self-contained HTML5 page: inline CSS (screen and print, A4), no
/// scripts, no external resources. The classification marking is a banner at the top and the bottom of the page and,
/// in browsers that support CSS page-margin boxes, is also printed in the top and bottom margin of every printed page
/// with "p. N". Every piece of document text is HTML-encoded, so markup in it is shown, never run.
/// </summary>
public static class HtmlDocumentWriter
{
    // All of Unicode passes through readable (Dutch diacritics, en dashes); only markup-significant characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string BaseCss =
        "*{box-sizing:border-box}" +
        "body{font-family:Calibri,Carlito,'Segoe UI',system-ui,sans-serif;font-size:11pt;line-height:1.45;color:#1b1b1b;margin:0;background:#fff}" +
        "main{max-width:52rem;margin:0 auto;padding:1rem 2rem}" +
        ".marking{text-align:center;font-weight:bold;letter-spacing:.05em;padding:.4rem 1rem;background:#f3f3f3;border:1px solid #7f7f7f;margin:0}" +
        "h1,h2,h3,h4{color:#1f3864;line-height:1.2;break-after:avoid}" +
        "h1{font-size:22pt;margin:1rem 0 .5rem}h2{font-size:16pt;margin:1.6rem 0 .5rem}h3{font-size:14pt;margin:1.2rem 0 .4rem}h4{font-size:12pt;margin:1rem 0 .4rem}" +
        ".subtitle{font-size:14pt;color:#595959;margin:0 0 .4rem}.date{color:#595959;margin:0 0 1rem}" +
        "p{margin:0 0 .6rem;white-space:pre-wrap;overflow-wrap:anywhere}" +
        "ul{margin:0 0 .8rem;padding-left:1.6rem}li{margin:.15rem 0;white-space:pre-wrap;overflow-wrap:anywhere}" +
        "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:10pt}" +
        "caption{text-align:left;font-weight:bold;color:#1f3864;padding:.3rem 0}" +
        "th,td{border:1px solid #7f7f7f;padding:.2rem .45rem;text-align:left;vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere}" +
        "th{background:#d9e2f3}" +
        ".notice{border:1px solid #7f7f7f;background:#f2f2f2;padding:.5rem .75rem;margin:1rem 0;white-space:pre-wrap;overflow-wrap:anywhere}" +
        ".page-break{height:0;margin:0;border:0}" +
        "figure.chart{margin:1rem 0;text-align:center}figure.chart svg{max-width:100%;height:auto}figcaption{font-size:9.5pt;color:#404040;text-align:left;margin-top:.3rem}" +
        "@page{size:A4;margin:2.54cm}" +
        "@media print{" +
        "body{font-size:10.5pt}main{max-width:none;padding:0}" +
        ".marking{background:none;border:0;padding:0 0 .5rem}" +
        ".page-break{break-after:page}" +
        "thead{display:table-header-group}tr{break-inside:avoid}" +
        ".notice{break-inside:avoid}figure.chart{break-inside:avoid}}";

    /// <summary>The page as a string (write it as UTF-8; the page declares that charset).</summary>
    public static string Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var h = new StringBuilder();
        var marking = E(document.ClassificationMarking);
        var markingLabel = document.Language == "nl" ? "Rubricering" : "Classification";

        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(document.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"classification\" content=\"").Append(marking).Append("\">\n")
            .Append("<title>").Append(E(document.Title)).Append("</title>\n<style>").Append(BaseCss).Append(PageMarginCss(document.ClassificationMarking))
            .Append("</style>\n</head>\n<body>\n");
        h.Append("<div class=\"marking marking-top\" role=\"note\" aria-label=\"").Append(markingLabel).Append("\">").Append(marking).Append("</div>\n");
        h.Append("<main>\n<header>\n<h1>").Append(Lines(document.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(document.Subtitle)) h.Append("<p class=\"subtitle\">").Append(Lines(document.Subtitle)).Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(document.DateText)) h.Append("<p class=\"date\">").Append(Lines(document.DateText)).Append("</p>\n");
        h.Append("</header>\n");

        foreach (var block in document.Blocks) AppendBlock(h, block);

        h.Append("</main>\n<div class=\"marking marking-bottom\" role=\"note\" aria-label=\"").Append(markingLabel).Append("\">").Append(marking).Append("</div>\n");
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>
    /// Blocks as an HTML fragment to place inside a page of the workbench (headings start at h2, as in a document),
    /// so a page shows exactly what the document shows. Text is encoded as in <see cref="Write"/>.
    /// </summary>
    public static string Fragment(IEnumerable<DocumentBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var h = new StringBuilder();
        foreach (var block in blocks) AppendBlock(h, block);
        return h.ToString();
    }

    private static void AppendBlock(StringBuilder h, DocumentBlock block)
    {
        switch (block)
        {
            case Heading x:
                var tag = "h" + (x.Level + 1).ToString(CultureInfo.InvariantCulture);
                h.Append('<').Append(tag).Append('>').Append(Lines(x.Text)).Append("</").Append(tag).Append(">\n");
                break;
            case Paragraph x when x.Emphasis:
                h.Append("<p><strong>").Append(Lines(x.Text)).Append("</strong></p>\n");
                break;
            case Paragraph x:
                h.Append("<p>").Append(Lines(x.Text)).Append("</p>\n");
                break;
            case BulletList x:
                if (x.Items.Count == 0) break;
                h.Append("<ul>\n");
                foreach (var item in x.Items) h.Append("<li>").Append(Lines(item)).Append("</li>\n");
                h.Append("</ul>\n");
                break;
            case Table x:
                AppendTable(h, x);
                break;
            case Notice x:
                h.Append("<div class=\"notice\" role=\"note\">").Append(Lines(x.Text)).Append("</div>\n");
                break;
            case PageBreak:
                h.Append("<hr class=\"page-break\">\n");
                break;
            case Figure x:
                AppendFigure(h, x);
                break;
            default:
                throw new NotSupportedException($"Block type {block.GetType().Name} has no HTML rendering.");
        }
    }

    /// <summary>
    /// The SVG inline with role="img", its title and description as the first children of the svg element (what screen
    /// readers announce), and the caption as figcaption.
    /// </summary>
    private static void AppendFigure(StringBuilder h, Figure figure)
    {
        var svg = figure.Svg;
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..].Trim();
        var open = svg.IndexOf('>');
        var accessible = "<title>" + E(figure.Title) + "</title><desc>" + E(figure.Description) + "</desc>";
        svg = svg[..open].TrimEnd('/') + " role=\"img\">" + accessible + svg[(open + 1)..];
        h.Append("<figure class=\"chart\">\n").Append(svg).Append('\n');
        if (!string.IsNullOrWhiteSpace(figure.Caption)) h.Append("<figcaption>").Append(Lines(figure.Caption)).Append("</figcaption>\n");
        h.Append("</figure>\n");
    }

    private static void AppendTable(StringBuilder h, Table table)
    {
        h.Append("<table>\n");
        if (!string.IsNullOrWhiteSpace(table.Caption)) h.Append("<caption>").Append(Lines(table.Caption)).Append("</caption>\n");
        h.Append("<thead>\n<tr>");
        foreach (var header in table.Headers) h.Append("<th scope=\"col\">").Append(Lines(header)).Append("</th>");
        h.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            h.Append("<tr>");
            foreach (var cell in row) h.Append("<td>").Append(Lines(cell)).Append("</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    /// <summary>
    /// The marking and page number in the margin of every printed page. The marking goes into a CSS string with every
    /// character hex-escaped, so no text can end the string or the style element.
    /// </summary>
    private static string PageMarginCss(string marking)
    {
        var escaped = new StringBuilder();
        foreach (var rune in DocumentText.XmlSafe(marking).ReplaceLineEndings(" ").EnumerateRunes())
            escaped.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture));
        var content = "content:\"" + escaped + "\";font:bold 9pt Calibri,Carlito,sans-serif";
        return "@page{@top-center{" + content + "}@bottom-center{" + content + "}@bottom-right{content:\"p. \" counter(page);font:9pt Calibri,Carlito,sans-serif}}";
    }

    private static string E(string text) => Encoder.Encode(DocumentText.XmlSafe(text));

    /// <summary>Encoded text with each line break as &lt;br&gt;.</summary>
    private static string Lines(string text) => string.Join("<br>", DocumentText.Lines(text).Select(Encoder.Encode));
}
