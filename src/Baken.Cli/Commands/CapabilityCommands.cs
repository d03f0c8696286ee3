using System.CommandLine;
using System.Globalization;
using Baken.Application.Capabilities;
using Spectre.Console;

namespace Baken.Cli.Commands;

/// <summary>baken capabilities gaps: the capability gap analysis (METHODS §8) from the command line.</summary>
public static class CapabilityCommands
{
    public static Command Create(CommandIo io)
    {
        var format = new Option<string>("--format") { Description = "table (default), csv or json", DefaultValueFactory = _ => "table" };
        var run = new Option<string?>("--run") { Description = "The analysis run whose risks weigh the gaps (default: the latest you may see)" };
        var scenarios = new Option<bool>("--per-scenario") { Description = "One line per scenario and capability instead of one per capability" };
        var gaps = new Command("gaps", "Capability shortfalls, the ones touching the most risk first (levels 0–4, indicative)") { format, run, scenarios };
        gaps.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var f = ListOutput.Resolve(io, parse.GetValue(format));
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<CapabilityGaps>().HandleAsync(parse.GetValue(run), ct);
            if (!result.IsOk) return io.Fail(result);
            var report = result.Value!;
            if (report.RunCode is null) await io.Err.WriteLineAsync("Note: no analysis run you may see; shortfalls are not weighed by risk ('baken analyse').");
            string N(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
            if (parse.GetValue(scenarios))
            {
                string[] header = ["scenario", "capability", "phase", "required", "available", "shortfall", "after_planned", "shortfall_after_planned", "rank", "risk_score"];
                var rows = report.Lines.OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.Scenario, StringComparer.Ordinal).ThenBy(l => l.Capability, StringComparer.Ordinal)
                    .Select(l => new[] { l.Scenario, l.Capability, l.Phase.ToString().ToLowerInvariant(), I(l.Required), I(l.Available), I(l.Shortfall), I(l.AfterPlanned), I(l.ShortfallAfterPlanned), l.Rank is { } r ? I(r) : "", N(l.RiskScore) }).ToList();
                await WriteAsync(io, f, header, rows);
            }
            else
            {
                string[] header = ["capability", "name", "indicative", "available", "after_planned", "scenarios_needing", "scenarios_short", "largest_shortfall", "risk_at_stake", "best_rank", "short_for"];
                var rows = report.Totals.Select(t => new[] { t.Capability, t.NameEn.Length > 0 ? t.NameEn : t.Name, t.Indicative ? "true" : "false", I(t.Available), I(t.AfterPlanned),
                    I(t.ScenariosNeeding), I(t.ScenariosShort), I(t.LargestShortfall), N(t.RiskAtStake), t.BestRank is { } r ? I(r) : "", string.Join(";", t.ShortFor) }).ToList();
                await WriteAsync(io, f, header, rows);
            }
            return ExitCodes.Ok;
        }));
        return new Command("capabilities", "The capability analysis: what the scenarios need against what the organisations have") { gaps };
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task WriteAsync(CommandIo io, string format, string[] header, List<string[]> rows)
    {
        if (format == "csv")
        {
            await io.Out.WriteLineAsync(string.Join(",", header));
            foreach (var row in rows) await io.Out.WriteLineAsync(string.Join(",", row.Select(MeasureCommands.Csv)));
            return;
        }
        var list = new ListOutput(header);
        foreach (var row in rows) list.Add(row);
        list.Write(io, format);
        if (format == "table" && rows.Count == 0) await io.Out.WriteLineAsync("No capabilities needed by any scenario you may see.");
    }
}
