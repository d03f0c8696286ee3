using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Baken.Infrastructure.Tests.Reports.Documents;

/// <summary>Reads back what <c>DocxWriter</c> wrote: validation errors and the text as Word would show it.</summary>
internal static class DocxInspection
{
    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    /// <summary>Office 2019 schema and semantic errors, one per line; empty when the package is valid.</summary>
    public static string ValidationErrors(byte[] bytes)
    {
        using var doc = Open(bytes);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).ToList();
        return string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: [{e.Id}] {e.Description}"));
    }

    /// <summary>The text of the element's paragraphs, one line per paragraph, with w:br as a newline and w:tab as a tab.</summary>
    public static string TextOf(OpenXmlElement root)
    {
        var sb = new StringBuilder();
        var paragraphs = root is W.Paragraph single ? [single] : root.Descendants<W.Paragraph>();
        foreach (var paragraph in paragraphs)
        {
            foreach (var e in paragraph.Descendants())
            {
                switch (e)
                {
                    case W.Text t: sb.Append(t.Text); break;
                    case W.Break b when b.Type is null: sb.Append('\n'); break;
                    case W.TabChar: sb.Append('\t'); break;
                }
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
