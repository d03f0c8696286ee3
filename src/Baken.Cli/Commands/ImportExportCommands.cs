using System.CommandLine;
using Baken.Application.Register;
using Baken.Infrastructure.Files;

namespace Baken.Cli.Commands;

/// <summary>baken import FILE --kind K / baken export --kind K --out FILE: register rows as CSV, XLSX or JSON.</summary>
public static class ImportExportCommands
{
    private static Option<string?> KindOption() => new("--kind") { Description = $"Kind of record: {RecordKinds.AllowedNames} (a JSON file may name it itself)" };

    private static Option<string?> FormatOption() => new("--format") { Description = RegisterFileFormats.Allowed };

    public static Command Import(CommandIo io)
    {
        var file = new Argument<string>("file") { Description = "The CSV, XLSX or JSON file" };
        var kind = KindOption();
        var format = FormatOption();
        var cmd = new Command("import", "Import register records: all rows are checked first; if any row is bad nothing is written") { file, kind, format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            RegisterFileFormat? f = null;
            if (parse.GetValue(format) is { } fmt)
            {
                if (!RegisterFileFormats.TryFromName(fmt, out var parsed)) throw CliException.Invalid("--format", fmt, RegisterFileFormats.Allowed);
                f = parsed;
            }
            var content = RegisterFileReader.Read(parse.GetValue(file)!, f, CliSession.FileLimits(g));
            if (content.Errors.Count > 0)
            {
                await io.Err.WriteLineAsync($"Nothing was imported: {parse.GetValue(file)} cannot be read.");
                io.WriteProblems(content.Errors);
                return ExitCodes.Invalid;
            }
            var kindName = parse.GetValue(kind) ?? content.Kind
                ?? throw new CliException(ExitCodes.Invalid, $"--kind is required for this file; allowed: {RecordKinds.AllowedNames}");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ImportRecords>().HandleAsync(new ImportRecordsRequest(kindName, content.Rows), ct);
            if (!result.IsOk)
            {
                await io.Err.WriteLineAsync($"Nothing was imported: {result.Errors.Count} problem(s).");
                return io.Fail(result.WithoutMessage());
            }
            var s = result.Value!;
            await io.Out.WriteLineAsync($"Imported {s.Kind}: {s.Created} created, {s.Updated} updated, {s.Unchanged} unchanged.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static Command Export(CommandIo io)
    {
        var kind = KindOption();
        var format = FormatOption();
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output, CSV or JSON only)" };
        var cmd = new Command("export", "Export the register records of a kind that you may see") { kind, format, output };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var kindName = parse.GetValue(kind) ?? throw new CliException(ExitCodes.Invalid, $"--kind is required; allowed: {RecordKinds.AllowedNames}");
            var path = parse.GetValue(output);
            var fmtName = parse.GetValue(format) ?? (path is null ? "csv" : Path.GetExtension(path));
            if (!RegisterFileFormats.TryFromName(fmtName, out var f))
                throw CliException.Invalid("--format", fmtName, RegisterFileFormats.Allowed);
            if (path is null && f == RegisterFileFormat.Xlsx) throw new CliException(ExitCodes.Invalid, "--out is required for xlsx");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ExportRecords>().HandleAsync(kindName, ct);
            if (!result.IsOk) return io.Fail(result);
            // The marking of what is exported (METHODS §10): inside a JSON or XLSX file, beside a CSV (docs/formats.md §0.1).
            var marking = (await session.Get<ExportRecords>().MarkingAsync(result.Value!, ct)).Text;
            using var ms = new MemoryStream();
            RegisterFileWriter.Write(ms, RecordKinds.Find(kindName)!, result.Value!, f, marking);
            if (path is null) await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
            else
            {
                await File.WriteAllBytesAsync(path, ms.ToArray(), ct);
                await MarkedFiles.WriteSidecarAsync(path, marking, ct);
                await io.Err.WriteLineAsync($"Wrote {result.Value!.Count} {kindName} records to {path}.");
            }
            await io.Err.WriteLineAsync($"Marked {marking}.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
