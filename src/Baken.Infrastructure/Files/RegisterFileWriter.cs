using System.Text.Json;
using Baken.Application.Register;
using CsvHelper;
using MiniExcelLibs;

namespace Baken.Infrastructure.Files;

/// <summary>Writes register rows as CSV, XLSX or JSON in the layout <see cref="RegisterFileReader"/> reads back.</summary>
public static class RegisterFileWriter
{
    /// <param name="marking">The export's marking (<see cref="ExportRecords.MarkingAsync"/>); null writes none. Where it goes
    /// per format: <see cref="MarkedFiles"/> (a CSV carries none inside; the caller puts it beside the file).</param>
    public static void Write(Stream stream, RecordKind kind, IReadOnlyList<RecordView> records, RegisterFileFormat format, string? marking = null)
    {
        var columns = ExportRecords.Columns(kind);
        switch (format)
        {
            case RegisterFileFormat.Csv:
                WriteCsv(stream, columns, records.Select(r => r.Columns().ToDictionary(c => c.Key, c => c.Value)));
                break;
            case RegisterFileFormat.Xlsx:
                WriteXlsx(stream, columns, records.Select(r => r.Columns().ToDictionary(c => c.Key, c => c.Value)), marking);
                break;
            default:
                var doc = new Dictionary<string, object?>();
                if (marking is not null) doc[MarkedFiles.JsonMember] = marking;
                doc["kind"] = kind.Name;
                doc["records"] = records.Select(r => r.Columns().ToDictionary(c => c.Key, c => c.Value)).ToList();
                JsonSerializer.Serialize(stream, doc, new JsonSerializerOptions { WriteIndented = true });
                break;
        }
    }

    /// <summary>One worksheet with a header row and one row per row; an empty table still has its header.</summary>
    /// <param name="marking">Printed in every sheet's header and footer and kept as a document property (<see cref="MarkedFiles.StampXlsx"/>); null for none.</param>
    public static void WriteXlsx(Stream stream, IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string?>> rows, string? marking = null)
    {
        var sheet = rows.Select(r => columns.ToDictionary(c => c, c => (object?)(r.TryGetValue(c, out var v) ? v : null))).ToList();
        if (sheet.Count == 0) sheet.Add(columns.ToDictionary(c => c, _ => (object?)null));
        if (marking is null)
        {
            stream.SaveAs(sheet);
            return;
        }
        using var plain = new MemoryStream();
        plain.SaveAs(sheet);
        stream.Write(MarkedFiles.StampXlsx(plain.ToArray(), marking));
    }

    /// <summary>A CSV with a header row and one line per row (values written as text, quoted where needed).</summary>
    public static void WriteCsv(Stream stream, IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        // Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe; the reader removes it again.
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { NewLine = "\n", Injection = CsvInjection.Escape }, true);
        csv.WriteHeader(columns.ToArray());
        foreach (var row in rows)
            csv.WriteRecord(columns.Select(c => row.TryGetValue(c, out var v) ? v : null).ToArray());
        csv.Flush();
    }
}
