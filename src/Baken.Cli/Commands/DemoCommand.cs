using System.CommandLine;
using Baken.Application.Demo;
using Baken.Infrastructure.Reports.Analysis;

namespace Baken.Cli.Commands;

/// <summary>baken demo — a fictional national picture across the whole chain, for a first look (see LoadDemo).</summary>
public static class DemoCommand
{
    public static Command Create(CommandIo io)
    {
        var password = new Option<string?>("--analyst-password")
        {
            Description = "Password of the three demo analysts (12+ characters); without it each gets a one-time password, printed once",
        };
        var cmd = new Command("demo", "Load FICTIONAL demonstration data into an empty register: scenarios in every theme scored by three analysts, " +
                                      "signals and an alert, a cascade, a dependency screen, measures, the strategy, two councils, one analysis run") { password };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await CliProgress.RunStepsAsync(io, "Loading the demonstration data", 9, step =>
                session.Get<LoadDemo>().HandleAsync(new LoadDemoRequest(parse.GetValue(password), IntegratedAnalysisReport.CodeVersion, step), ct));
            if (!result.IsOk) return io.Fail(result);
            var s = result.Value!;
            await io.Out.WriteLineAsync("Loaded the demonstration data — FICTIEF / FICTIONAL: invented for a first look, not a real assessment.");
            await io.Out.WriteLineAsync($"  {s.Scenarios} scenarios in every theme, {s.Assessments} assessments, analysis run {s.RunCode}");
            await io.Out.WriteLineAsync($"  {s.Signals} signals, {s.Alerts} alerts, {s.Dependencies} dependencies from a fictional trade year");
            await io.Out.WriteLineAsync($"  {s.Measures} measures, {s.Indicators} indicators with {s.ProgressUpdates} progress updates, {s.Meetings} council meetings, {s.Actions} follow-up actions");
            await io.Out.WriteLineAsync("Analysts (role Analyst; sign in at /signin):");
            foreach (var a in s.Analysts)
                await io.Out.WriteLineAsync($"  {a.UserName,-14} {a.Clearance,-30} {a.Organisation,-6} " +
                                            (a.OneTimePassword is { } pw ? $"one-time password: {pw}" : "password: as given with --analyst-password"));
            await io.Out.WriteLineAsync("Next: 'baken serve' and open http://localhost:5080, or 'baken scenario list', 'baken measures', 'baken council agenda'.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
