using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Baken.Application.Releases;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Baken.Infrastructure.Releases;

/// <summary>
/// The text of a rendered file as a reader gets it, split at its headings, so a release check reads the file that will
/// leave the building (not the model it was made from) and can name the section where a withheld record appears.
/// </summary>
public static partial class RenderedText
{
    public static IReadOnlyList<ProductSection> Sections(byte[] file, string format) => format switch
    {
        "html" => Html(Encoding.UTF8.GetString(file)),
        "docx" => Docx(file),
        _ => [new ProductSection(format, Encoding.UTF8.GetString(file))],
    };

    private static List<ProductSection> Html(string html)
    {
        var sections = new List<ProductSection>();
        var parts = HeadingTag().Split(html);
        // Split with a capture group: [before, heading1, after1, heading2, after2, …].
        sections.Add(new ProductSection("(head)", Plain(parts[0])));
        for (var i = 1; i + 1 < parts.Length; i += 2)
            sections.Add(new ProductSection(Plain(parts[i]), Plain(parts[i]) + "\n" + Plain(parts[i + 1])));
        return sections;
    }

    private static string Plain(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(html.Replace("<br>", "\n", StringComparison.Ordinal), " ")).Trim();

    private static List<ProductSection> Docx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var package = WordprocessingDocument.Open(stream, false);
        var main = package.MainDocumentPart!;
        var sections = new List<ProductSection>();
        var name = "(head)";
        var text = new StringBuilder();
        foreach (var part in main.HeaderParts.Select(h => h.Header.InnerText).Concat(main.FooterParts.Select(f => f.Footer.InnerText)))
            text.AppendLine(part);
        foreach (var paragraph in main.Document.Body!.Descendants<W.Paragraph>())
        {
            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            if (style.StartsWith("Heading", StringComparison.Ordinal))
            {
                sections.Add(new ProductSection(name, text.ToString()));
                name = paragraph.InnerText;
                text.Clear();
            }
            text.AppendLine(paragraph.InnerText);
        }
        sections.Add(new ProductSection(name, text.ToString()));
        return sections;
    }

    [GeneratedRegex("<h[1-4][^>]*>(.*?)</h[1-4]>", RegexOptions.Singleline)]
    private static partial Regex HeadingTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
