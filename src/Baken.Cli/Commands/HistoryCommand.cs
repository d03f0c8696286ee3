using System.CommandLine;
using Baken.Application.Register;

namespace Baken.Cli.Commands;

/// <summary>baken history KIND CODE: every version of a record, with who changed which field.</summary>
public static class HistoryCommand
{
    public static Command Create(CommandIo io)
    {
        var kind = new Argument<string>("kind") { Description = RecordKinds.AllowedNames };
        var code = new Argument<string>("code");
        var format = ListOutput.FormatOption();
        var cmd = new Command("history", "Show the audit trail of a record (also of a deleted one)") { kind, code, format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<GetHistory>().HandleAsync(parse.GetValue(kind)!, parse.GetValue(code)!, ct);
            if (!result.IsOk) return io.Fail(result);
            // One row per changed field, so a script sees every change with its version.
            var list = new ListOutput("version", "at_utc", "user", "change", "note", "field", "before", "after");
            foreach (var h in result.Value!)
            foreach (var c in h.Changes.Where(c => h.Change != "insert" || !string.IsNullOrEmpty(c.After)).DefaultIfEmpty())
                list.Add(h.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), h.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    h.UserName, h.Change, h.Note, c?.Field, c?.Before, c?.After);
            if (list.WriteIfAsked(io, parse.GetValue(format))) return ExitCodes.Ok;
            foreach (var h in result.Value!)
            {
                await io.Out.WriteLineAsync($"v{h.Version}  {h.AtUtc:yyyy-MM-dd HH:mm:ss} UTC  {h.UserName}  {h.Change}{(h.Note is { } note ? "  (" + note + ")" : "")}");
                foreach (var c in h.Changes.Where(c => h.Change != "insert" || !string.IsNullOrEmpty(c.After)))
                    await io.Out.WriteLineAsync($"    {c.Field}: {Show(c.Before)} -> {Show(c.After)}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Show(string? v) => v is null ? "(none)" : $"\"{v}\"";
}
