namespace Baken.Infrastructure.Reports.Documents;

public static class DocumentFiles
{
    /// <summary>
    /// Writes NAME.docx and NAME.html into <paramref name="folder"/>. Each is written beside and then moved, so a
    /// failed run never leaves half a document under the final name.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, string name, ReportDocument document, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var docx = Path.Combine(folder, name + ".docx");
        var html = Path.Combine(folder, name + ".html");
        await File.WriteAllBytesAsync(docx + ".tmp", DocxWriter.ToBytes(document), ct);
        await File.WriteAllTextAsync(html + ".tmp", HtmlDocumentWriter.Write(document), ct);
        File.Move(docx + ".tmp", docx, overwrite: true);
        File.Move(html + ".tmp", html, overwrite: true);
        return [docx, html];
    }
}
