using System.IO.Compression;
using Baken.Application.Councils;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Councils;

/// <summary>
/// The papers pack of a meeting as one ZIP file: the agenda (DOCX and HTML) and every paper the reader may see, each
/// under the number of its agenda item. Papers are fetched one by one through the caller's clearance, so a pack made
/// for a lower level simply holds fewer papers.
/// </summary>
public static class PapersPack
{
    public static async Task<byte[]> BuildAsync(MeetingView view, Func<string, CancellationToken, Task<byte[]?>> paperContent, string language = "nl", CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var agenda = MeetingDocuments.Agenda(view, language);
            await Add(zip, "00-agenda.docx", DocxWriter.ToBytes(agenda), ct);
            await Add(zip, "00-agenda.html", System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(agenda)), ct);
            var n = 0;
            foreach (var item in view.Items)
            {
                n++;
                foreach (var paper in item.Papers)
                {
                    if (await paperContent(paper.Code, ct) is not { } content) continue;
                    await Add(zip, $"{n:00}-{Safe(paper.Code)}-{Safe(paper.FileName)}", content, ct);
                }
            }
        }
        return buffer.ToArray();
    }

    private static async Task Add(ZipArchive zip, string name, byte[] content, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, ct);
    }

    /// <summary>A file name safe in any archive tool: no folders, no characters that file systems refuse.</summary>
    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim('.', ' ');
        return cleaned.Length == 0 ? "paper" : cleaned.Length > 120 ? cleaned[..120] : cleaned;
    }
}
