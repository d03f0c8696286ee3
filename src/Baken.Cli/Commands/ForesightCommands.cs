using System.CommandLine;
using System.Text.Json;
using Baken.Application.Foresight;

namespace Baken.Cli.Commands;

/// <summary>baken foresight export|promote: the horizon scan (METHODS §9) from the command line.</summary>
public static class ForesightCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public static Command Create(CommandIo io)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON to this file instead of standard output" };
        var export = new Command("export", "The horizon scan as JSON: drivers, trends, wildcards and scenario frames you may see, with its marking (highest level, all compartments)") { output };
        export.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var scan = await session.Get<HorizonScan>().HandleAsync(ct);
            var text = JsonSerializer.Serialize(new
            {
                marking = scan.Marking.Text,
                drivers = scan.Drivers, trends = scan.Trends, wildcards = scan.Wildcards, frames = scan.Frames,
            }, Json);
            if (parse.GetValue(output) is { } file)
            {
                if (file.Directory is { Exists: false } folder)
                    throw new CliException(ExitCodes.Invalid, $"--out: the folder '{folder.FullName}' does not exist; allowed: a file in an existing folder");
                await File.WriteAllTextAsync(file.FullName, text, ct);
                await io.Out.WriteLineAsync($"Wrote {file.FullName} ({scan.Marking.Text}): {scan.Drivers.Count} drivers, {scan.Trends.Count} trends, {scan.Wildcards.Count} wildcards, {scan.Frames.Count} frames.");
            }
            else await io.Out.WriteLineAsync(text);
            return ExitCodes.Ok;
        }));

        var frame = new Argument<string>("frame") { Description = "The code of the scenario frame" };
        var world = new Option<int>("--world") { Description = "The world to promote, 1–4", Required = true };
        var kind = new Option<string>("--kind") { Description = "hazard (default) or threat", DefaultValueFactory = _ => "hazard" };
        var promote = new Command("promote", "Make a register scenario of one world of a frame (coordinators); the frame then names it") { frame, world, kind };
        promote.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var made = await session.Get<PromoteWorld>().HandleAsync(parse.GetValue(frame)!, parse.GetValue(world), parse.GetValue(kind)!, ct);
            if (!made.IsOk) return io.Fail(made);
            await io.Out.WriteLineAsync($"Made scenario {made.Value!.Code} from world {parse.GetValue(world)} of {parse.GetValue(frame)}.");
            return ExitCodes.Ok;
        }));
        return new Command("foresight", "Horizon scanning: drivers, trends, wildcards and exploratory scenario frames 6–20 years ahead") { export, promote };
    }
}
