namespace Baken.Infrastructure.Reports.Documents;

public static class DocumentFiles
{
    /// <summary>
    /// Writes NAME.docx and NAME.html into <paramref name="folder"/>. Each is written beside and then moved, so a
    /// failed run never leaves half a document under the final name.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, string name, ReportDocument document, CancellationToken ct = default)
    {
        var docx = await WriteBytesAsync(folder, name + ".docx", DocxWriter.ToBytes(document), ct);
        var html = await WriteBytesAsync(folder, name + ".html", System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(document)), ct);
        return [docx, html];
    }

    /// <summary>Writes one file into <paramref name="folder"/> beside its final name and then moves it there.</summary>
    public static async Task<string> WriteBytesAsync(string folder, string fileName, byte[] content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await File.WriteAllBytesAsync(path + ".tmp", content, ct);
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }
}
