using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;

namespace Baken.Cli;

/// <summary>
/// The one formatter of list-like commands: a table for people, CSV (CsvHelper) or JSON (System.Text.Json) for scripts.
/// Without --format a terminal gets the table and a pipe or file gets CSV, so scripts that parse the output keep working.
/// </summary>
public sealed class ListOutput(params string[] columns)
{
    public const string Allowed = "table, csv, json";
    private readonly List<string?[]> rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>
    /// The marking line of the rows (METHODS §10), or null. A table for people prints it above and below the table; CSV and
    /// JSON on standard output stay the data scripts read, and the marking goes to standard error (docs/formats.md §0.1).
    /// </summary>
    public string? Marking { get; set; }

    public static Option<string?> FormatOption() =>
        new("--format") { Description = "table (the default on a terminal), csv (the default when piped) or json" };

    public void Add(params string?[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"{cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        rows.Add(cells);
    }

    /// <summary>The format asked for, or the default for where the output goes; an unknown format is an invalid-input error.</summary>
    public static string Resolve(CommandIo io, string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => CliProgress.IsInteractive(io) ? "table" : "csv",
        "table" or "csv" or "json" => format.Trim().ToLowerInvariant(),
        _ => throw CliException.Invalid("--format", format, Allowed),
    };

    /// <summary>
    /// For commands whose plain-text output predates --format: writes in the format asked for and returns true, or
    /// returns false without --format, so the command keeps writing what people and scripts already read.
    /// </summary>
    public bool WriteIfAsked(CommandIo io, string? format)
    {
        if (string.IsNullOrWhiteSpace(format)) return false;
        Write(io, format);
        return true;
    }

    public void Write(CommandIo io, string? format)
    {
        var resolved = Resolve(io, format);
        if (Marking is not null && resolved != "table") io.Err.WriteLine($"Marked {Marking}.");
        switch (resolved)
        {
            case "csv":
                using (var buffer = new MemoryStream())
                {
                    var options = CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = false };
                    using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
                    {
                        csv.WriteHeader(Columns.ToArray());
                        foreach (var row in rows) csv.WriteRecord(row.Select(c => c ?? "").ToArray());
                        csv.Flush();
                    }
                    io.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                break;
            case "json":
                var objects = rows.Select(r => Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal));
                io.Out.WriteLine(JsonSerializer.Serialize(objects, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            default:
                var table = new Table().Border(TableBorder.Simple);
                foreach (var c in Columns) table.AddColumn(Markup.Escape(c));
                foreach (var row in rows) table.AddRow(row.Select(c => Markup.Escape(c ?? "")).ToArray());
                if (Marking is not null) io.Out.WriteLine(Marking);
                Commands.RecordCommands.Console(io).Write(table);
                if (Marking is not null) io.Out.WriteLine(Marking);
                break;
        }
    }
}
