using System.IO.Compression;
using Baken.Application.Councils;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Reports.Councils;

/// <summary>
/// The papers pack of a meeting as one ZIP file: the agenda (DOCX and HTML) and every paper the reader may see, each
/// under the number of its agenda item. Papers are fetched one by one through the caller's clearance, so a pack made
/// for a lower level simply holds fewer papers.
/// The pack is marked (METHODS §10, docs/formats.md §10.4): the archive comment and the first entry
/// <see cref="MarkingEntry"/> hold the pack's marking (the high-water mark of the meeting view: items, papers, decisions,
/// actions) and list every entry with its own marking; each entry's comment holds its marking, and the agenda documents
/// print theirs on every page. A paper is a file as uploaded, so its marking stands in its entry comment and in the list.
/// </summary>
public static class PapersPack
{
    /// <summary>The first entry of every pack: the marking line, then one line per entry "name: marking".</summary>
    public const string MarkingEntry = "00-MARKERING.txt";

    /// <param name="markingOf">The marking line of a record's classification (the compartment directory's <c>Marking</c>).</param>
    public static async Task<byte[]> BuildAsync(MeetingView view, Func<string, CancellationToken, Task<byte[]?>> paperContent, string language = "nl", CancellationToken ct = default,
        Func<Classification, string>? markingOf = null)
    {
        markingOf ??= c => new Marking(c.Level).Text;
        var packMarking = view.Marking.Text;
        var entries = new List<(string Name, byte[] Content, string Marking)>();
        var agenda = MeetingDocuments.Agenda(view, language);
        entries.Add(("00-agenda.docx", DocxWriter.ToBytes(agenda), agenda.ClassificationMarking));
        entries.Add(("00-agenda.html", System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(agenda)), agenda.ClassificationMarking));
        var n = 0;
        foreach (var item in view.Items)
        {
            n++;
            foreach (var paper in item.Papers)
            {
                if (await paperContent(paper.Code, ct) is not { } content) continue;
                entries.Add(($"{n:00}-{Safe(paper.Code)}-{Safe(paper.FileName)}", content, markingOf(paper.Classification)));
            }
        }
        var list = new System.Text.StringBuilder();
        list.Append(packMarking).Append('\n').Append('\n');
        foreach (var e in entries) list.Append(e.Name).Append(": ").Append(e.Marking).Append('\n');
        list.Append('\n').Append(packMarking).Append('\n');

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.Comment = packMarking;
            await Add(zip, MarkingEntry, System.Text.Encoding.UTF8.GetBytes(list.ToString()), ct, packMarking);
            foreach (var e in entries) await Add(zip, e.Name, e.Content, ct, e.Marking);
        }
        return buffer.ToArray();
    }

    private static async Task Add(ZipArchive zip, string name, byte[] content, CancellationToken ct, string marking)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.Comment = marking;
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
