using System.Text;
using System.Text.Json.Nodes;
using Baken.Infrastructure.Reports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Baken.Infrastructure.Files;

/// <summary>
/// Where the marking (METHODS §10, e.g. <c>STG. GEHEIM // NUC, CYB</c>) stands in a table export, per file type
/// (docs/formats.md §0.1). The data itself stays in the layout our importers read back, so a marked export still
/// round-trips: a CSV carries no marking row (an extra first row would break every CSV reader, ours included); its
/// marking travels beside it, in the <see cref="Header"/> of an HTTP download and in a sidecar file
/// <c>FILE.marking</c> when the command line writes a file. An XLSX carries it in the page header and footer of every
/// sheet and in the custom document property <see cref="Property"/>; a JSON export in a top-level member
/// <see cref="JsonMember"/>.
/// </summary>
public static class MarkedFiles
{
    /// <summary>The HTTP response header of every table download: the marking line.</summary>
    public const string Header = "X-Baken-Marking";

    /// <summary>What the command line appends to a written file's name for its sidecar (one line: the marking).</summary>
    public const string SidecarSuffix = ".marking";

    /// <summary>The top-level member of a JSON export that holds the marking line.</summary>
    public const string JsonMember = "marking";

    /// <summary>The custom document property of an XLSX (the same name as the DOCX reports use).</summary>
    public const string Property = DocxWriter.ClassificationProperty;

    /// <summary>The sidecar of <paramref name="path"/>: <c>path.marking</c>.</summary>
    public static string SidecarPath(string path) => path + SidecarSuffix;

    /// <summary>Writes the sidecar next to a written file: the marking line and a line end, UTF-8 without BOM.</summary>
    public static Task WriteSidecarAsync(string path, string marking, CancellationToken ct = default) =>
        File.WriteAllTextAsync(SidecarPath(path), marking + "\n", new UTF8Encoding(false), ct);

    /// <summary>A JSON object with the marking as its first member, followed by the members of <paramref name="body"/>.</summary>
    public static JsonObject WithMarking(string marking, JsonObject body)
    {
        var result = new JsonObject { [JsonMember] = marking };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            if (name != JsonMember) result[name] = value;
        }
        return result;
    }

    /// <summary>
    /// The XLSX <paramref name="xlsx"/> with the marking in the centre of the page header and footer of every worksheet
    /// (so it is printed at the top and bottom of every page) and in the custom document property <see cref="Property"/>.
    /// The cells are not touched, so the file reads back as before.
    /// </summary>
    public static byte[] StampXlsx(byte[] xlsx, string marking)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        stream.Position = 0;
        using (var package = SpreadsheetDocument.Open(stream, true))
        {
            var text = DocumentText.XmlSafe(marking).Replace("&", "&&", StringComparison.Ordinal);
            foreach (var part in package.WorkbookPart!.WorksheetParts)
            {
                var sheet = part.Worksheet;
                sheet.RemoveAllChildren<S.HeaderFooter>();
                var headerFooter = new S.HeaderFooter(new S.OddHeader("&C" + text), new S.OddFooter("&C" + text));
                // Schema order: the header and footer follow the page margins and set-up, and precede breaks, drawings and tables.
                var before = sheet.ChildElements.LastOrDefault(e => e is S.SheetData or S.SheetCalculationProperties or S.SheetProtection or S.ProtectedRanges
                    or S.Scenarios or S.AutoFilter or S.SortState or S.DataConsolidate or S.CustomSheetViews or S.MergeCells or S.PhoneticProperties
                    or S.ConditionalFormatting or S.DataValidations or S.Hyperlinks or S.PrintOptions or S.PageMargins or S.PageSetup);
                if (before is null) sheet.Append(headerFooter);
                else sheet.InsertAfter(headerFooter, before);
                sheet.Save();
            }
            var custom = package.CustomFilePropertiesPart ?? package.AddCustomFilePropertiesPart();
            custom.Properties ??= new DocumentFormat.OpenXml.CustomProperties.Properties();
            foreach (var old in custom.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>().Where(p => p.Name == Property).ToList())
                old.Remove();
            var id = custom.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
                .Select(p => p.PropertyId?.Value ?? 1).DefaultIfEmpty(1).Max() + 1;
            custom.Properties.AppendChild(new DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty(
                new DocumentFormat.OpenXml.VariantTypes.VTLPWSTR(DocumentText.XmlSafe(marking)))
            {
                // The fixed format id of user-defined properties; property ids start at 2.
                FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                PropertyId = Math.Max(2, id),
                Name = Property,
            });
            custom.Properties.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The marking an XLSX carries in its custom document property, or null.</summary>
    public static string? XlsxMarking(byte[] xlsx)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return package.CustomFilePropertiesPart?.Properties?.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .FirstOrDefault(p => p.Name == Property)?.InnerText;
    }
}
