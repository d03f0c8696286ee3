using System.CommandLine;
using System.Text.Json;
using Baken.Application.Register;
using Baken.Infrastructure;
using Baken.Infrastructure.Files;
using Spectre.Console;

namespace Baken.Cli.Commands;

/// <summary>baken KIND list|show|add|edit|delete — the same verbs for every kind of register record.</summary>
public static class RecordCommands
{
    public static Command Create(RecordKind kind, CommandIo io)
    {
        var cmd = new Command(kind.Name, $"{kind.DisplayEn} in the register ({kind.DisplayNl})");
        cmd.Subcommands.Add(List(kind, io));
        cmd.Subcommands.Add(Show(kind, io));
        cmd.Subcommands.Add(Save(kind, io, SaveMode.Create));
        cmd.Subcommands.Add(Save(kind, io, SaveMode.Update));
        cmd.Subcommands.Add(Delete(kind, io));
        return cmd;
    }

    private static Option<string> FormatOption() => new("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };

    private static Command List(RecordKind kind, CommandIo io)
    {
        var search = new Option<string?>("--search") { Description = "Text in the code or title" };
        var format = FormatOption();
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--page-size") { DefaultValueFactory = _ => ListRecords.MaxPageSize };
        var cmd = new Command("list", $"List {kind.Plural} you may see") { search, format, page, size };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ListRecords>().HandleAsync(
                new ListRecordsRequest(kind.Name, parse.GetValue(search), null, null, parse.GetValue(page), parse.GetValue(size)), ct);
            StartupTrace.Mark("records listed");
            if (!result.IsOk) return io.Fail(result);
            Print(kind, result.Value!.Items, parse.GetValue(format)!, io);
            StartupTrace.Mark("printed");
            if (parse.GetValue(format) == "table") await io.Err.WriteLineAsync($"{result.Value.Total} {kind.Plural}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Show(RecordKind kind, CommandIo io)
    {
        var code = new Argument<string>("code") { Description = $"The {kind.Name}'s code" };
        var format = FormatOption();
        var cmd = new Command("show", $"Show one {kind.Name}") { code, format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<GetRecord>().HandleAsync(kind.Name, parse.GetValue(code)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var r = result.Value!;
            if (parse.GetValue(format) != "table") { Print(kind, [r], parse.GetValue(format)!, io); return ExitCodes.Ok; }
            var grid = new Table().Border(TableBorder.Simple).AddColumn("field").AddColumn("value");
            foreach (var (k, v) in r.Columns()) grid.AddRow(Markup.Escape(k), Markup.Escape(v ?? ""));
            grid.AddRow("version", r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("updated", Markup.Escape($"{r.UpdatedAtUtc:yyyy-MM-dd HH:mm} UTC by {r.UpdatedBy}"));
            Console(io).Write(grid);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Save(RecordKind kind, CommandIo io, SaveMode mode)
    {
        var code = new Argument<string>("code") { Description = $"The {kind.Name}'s code" };
        var cmd = new Command(mode == SaveMode.Create ? "add" : "edit", mode == SaveMode.Create ? $"Add a {kind.Name}" : $"Edit a {kind.Name}; only the options given change") { code };
        var options = new List<(string Column, Option<string?> Option)>();
        foreach (var column in RecordView.CommonColumns.Skip(1).Concat(kind.Fields.Select(f => f.Name)))
        {
            var field = kind.Field(column);
            var o = new Option<string?>("--" + column.Replace('_', '-')) { Description = field is null ? column : $"{field.Description} ({field.Allowed})" };
            options.Add((column, o));
            cmd.Options.Add(o);
        }
        var version = new Option<int?>("--expect-version") { Description = "Refuse the edit if the record is no longer at this version" };
        if (mode == SaveMode.Update) cmd.Options.Add(version);
        if (mode == SaveMode.Update)
        {
            // Lowering the level or removing a compartment needs a reason (Coordinator or the originating organisation only).
            var reason = new Option<string?>("--declassification-reason") { Description = "Why the classification is lowered (required to lower it); kept in the history" };
            options.Add((RecordWriter.DeclassificationReason, reason));
            cmd.Options.Add(reason);
        }
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (column, o) in options)
                if (parse.GetResult(o) is not null) values[column] = parse.GetValue(o);
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<SaveRecord>().HandleAsync(
                new SaveRecordRequest(kind.Name, parse.GetValue(code)!, values, mode, mode == SaveMode.Update ? parse.GetValue(version) : null), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"{(mode == SaveMode.Create ? "Added" : "Saved")} {kind.Name} {result.Value!.Code} (version {result.Value.Version}).");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Delete(RecordKind kind, CommandIo io)
    {
        var code = new Argument<string>("code");
        var cascade = new Option<bool>("--cascade") { Description = "Also remove the references to it (records that cannot exist without it are deleted too); without it, a record others refer to is kept (exit 4)" };
        var cmd = new Command("delete", $"Delete a {kind.Name} (its history is kept)") { code, cascade };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<DeleteRecord>().HandleAsync(new DeleteRecordRequest(kind.Name, parse.GetValue(code)!, Cascade: parse.GetValue(cascade)), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Deleted {kind.Name} {result.Value}.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    internal static void Print(RecordKind kind, IReadOnlyList<RecordView> rows, string format, CommandIo io)
    {
        switch (format)
        {
            case "json":
                io.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "csv":
                using (var ms = new MemoryStream())
                {
                    RegisterFileWriter.Write(ms, kind, rows, RegisterFileFormat.Csv);
                    io.Out.Write(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                }
                break;
            case "table":
                var table = new Table().Border(TableBorder.Simple).AddColumn("code").AddColumn("title").AddColumn("classification");
                foreach (var r in rows)
                    table.AddRow(Markup.Escape(r.Code), Markup.Escape(r.Title), Markup.Escape(string.Join(" ", new[] { r.Classification }.Concat(r.Compartments))));
                Console(io).Write(table);
                break;
            default:
                throw CliException.Invalid("--format", format, "table, csv, json");
        }
    }

    internal static IAnsiConsole Console(CommandIo io) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
}
