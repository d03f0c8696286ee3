using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Baken.Web.Security;

/// <summary>
/// Long texts (narratives, summaries, rationales, minutes) shown as rich text. Text with formatting tags is cleaned by
/// HtmlSanitizer down to a short list of harmless tags (paragraphs, lists, emphasis, headings, quotes, links to http, https
/// or mailto) with no scripts, event handlers, styles or other schemes; plain text keeps its paragraphs and line breaks and
/// is encoded. What is stored is never changed: the record keeps exactly what was typed or imported.
/// </summary>
public static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(["p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "h3", "h4", "blockquote", "code"], StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(["href", "title"], StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(),
    });

    [GeneratedRegex(@"<\s*/?\s*(p|br|ul|ol|li|strong|em|b|i|a|h3|h4|blockquote|code)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormattingTag();

    /// <summary>Safe HTML for the text: sanitised when it carries formatting tags, encoded paragraphs otherwise.</summary>
    public static string ToHtml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (FormattingTag().IsMatch(text)) return Sanitizer.Sanitize(text);
        var html = new StringBuilder();
        foreach (var paragraph in Regex.Split(text.Replace("\r\n", "\n").Trim(), @"\n\s*\n"))
            html.Append("<p>").Append(HtmlEncoder.Default.Encode(paragraph.Trim()).Replace("&#xA;", "<br>")).Append("</p>");
        return html.ToString();
    }
}
