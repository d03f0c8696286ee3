using System.CommandLine;
using System.Globalization;
using Baken.Methods.Cascades.Graph;
using Baken.Application.Cascades;
using Baken.Infrastructure;

namespace Baken.Cli.Commands;

/// <summary>baken cascade simulate|critical: chain effects between the vital processes, on the register's dependency network.</summary>
public static class CascadeSimulationCommands
{
    public static Command Create(CommandIo io)
    {
        var horizon = new Option<double>("--horizon") { Description = "Length of the run in hours", DefaultValueFactory = _ => 168 };
        var step = new Option<double>("--step") { Description = "Time step in hours", DefaultValueFactory = _ => 1 };

        var process = new Option<string[]>("--process") { Description = "Code of a vital process that is disrupted (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var hours = new Option<double>("--hours") { Description = "How long the disruption lasts, in hours", DefaultValueFactory = _ => 24 };
        var severity = new Option<double>("--severity") { Description = "Share of the process that is lost, 0–1", DefaultValueFactory = _ => 1 };
        var simulate = new Command("simulate", "Simulate a disruption over time: which processes fail when, when back-ups run out, when they recover")
        {
            process, hours, severity, horizon, step,
        };
        simulate.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var network = await Load(session, io, ct);
            var result = Simulate(() => DisruptionSimulation.Run(network.Network,
                parse.GetValue(process)!.Select(p => new InitialDisruption(p, 0, parse.GetValue(hours), parse.GetValue(severity))).ToList(),
                parse.GetValue(horizon), parse.GetValue(step)));
            foreach (var e in result.Timeline) await io.Out.WriteLineAsync(e.Description);
            await io.Out.WriteLineAsync();
            await io.Out.WriteLineAsync("process,name,failed_at_hours,recovered_at_hours,peak_inoperability,impact_hours");
            foreach (var p in result.Processes.Where(p => p.PeakInoperability > 0).OrderByDescending(p => p.CumulativeImpactHours))
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Process.Code},\"{p.Process.Name}\",{p.Outages.FirstOrDefault()?.FailedAtHours},{p.Outages.LastOrDefault()?.RecoveredAtHours},{p.PeakInoperability:0.###},{p.CumulativeImpactHours:0.##}"));
            await io.Err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Total impact {result.TotalImpactHours:0.#} inoperability-hours over {parse.GetValue(horizon)} h."));
            return ExitCodes.Ok;
        }));

        var outage = new Option<double?>("--hours") { Description = "How long each process is down, in hours (default: the whole horizon)" };
        var criticalFormat = ListOutput.FormatOption();
        var critical = new Command("critical", "Rank the vital processes by the harm their failure does to the others") { outage, horizon, step, criticalFormat };
        critical.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var network = await Load(session, io, ct);
            var ranking = Simulate(() => CriticalProcessAnalysis.Rank(network.Network, parse.GetValue(horizon), parse.GetValue(step), parse.GetValue(outage)));
            var list = new ListOutput("rank", "process", "name", "category", "total_impact_hours", "knock_on_impact_hours", "processes_failed", "dependants");
            foreach (var c in ranking)
                list.Add(I(c.Rank), c.Process.Code, c.Process.Name, c.Process.Category.ToString(), c.TotalImpactHours.ToString("0.##", CultureInfo.InvariantCulture),
                    c.KnockOnImpactHours.ToString("0.##", CultureInfo.InvariantCulture), I(c.ProcessesFailed), I(c.TransitiveDependants));
            list.Write(io, parse.GetValue(criticalFormat));
            return ExitCodes.Ok;
        }));
        var scenario = new Argument<string>("scenario") { Description = "Code of a scenario with initial disruptions" };
        var accept = new Option<string?>("--accept") { Description = "Code of an assessment of the scenario: write the suggested classes into it, with the derivation in its rationale" };
        var overrideFor = new Option<string?>("--override") { Description = "Code of an assessment whose own 5.1 and 3.1 scores stand; give --reason" };
        var reason = new Option<string?>("--reason") { Description = "With --override: why the suggestion is not taken (kept in the assessment's rationale)" };
        var replace = new Option<bool>("--replace") { Description = "With --accept: replace the analyst's own differing judgements (they stay in the rationale); without it, a difference is a conflict and nothing is written" };
        var suggest = new Command("suggest", "Suggest scores for 5.1 and 3.1 from the cascade of a scenario's initial disruptions") { scenario, accept, overrideFor, reason, replace };
        suggest.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var handler = session.Get<SuggestCascadeScores>();
            var result = await handler.HandleAsync(parse.GetValue(scenario)!, ct);
            if (!result.IsOk) return io.Fail(result);
            foreach (var n in result.Value!.Notes) await io.Err.WriteLineAsync("Note: " + n);
            await io.Out.WriteLineAsync("criterion,quantity,unit,class,explanation");
            foreach (var s in result.Value.Scores)
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Criterion},{s.Quantity:0},{s.Unit},{s.Class},{MeasureCommands.Csv(s.Explanation)}"));
            if (parse.GetValue(accept) is { } assessment)
            {
                var saved = await handler.AcceptAsync(result.Value, assessment, parse.GetValue(replace), ct);
                if (!saved.IsOk) return io.Fail(saved);
                await io.Err.WriteLineAsync($"Accepted into assessment {saved.Value!.Code} (version {saved.Value.Version}).");
            }
            if (parse.GetValue(overrideFor) is { } kept)
            {
                var saved = await handler.OverrideAsync(result.Value, kept, parse.GetValue(reason) ?? "", ct);
                if (!saved.IsOk) return io.Fail(saved);
                await io.Err.WriteLineAsync($"Assessment {saved.Value!.Code} keeps its own scores; the reason is in its rationale (version {saved.Value.Version}).");
            }
            return ExitCodes.Ok;
        }));
        var compoundScenario = new Argument<string>("scenario") { Description = "Code of a compound scenario (with components and dependence)" };
        var compound = new Command("compound", "Score a compound scenario from its parts in the latest run; the next run places it in the risk diagram") { compoundScenario };
        compound.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<CompoundScenarioScoring>().HandleAsync(parse.GetValue(compoundScenario)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var r = result.Value!;
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario}: likelihood {r.Likelihood} (p = {r.Result.Probability:G4}; any dependence allows {r.Result.ProbabilityLowerBound:G4}–{r.Result.ProbabilityUpperBound:G4})"));
            foreach (var c in r.Result.Criteria) await io.Out.WriteLineAsync($"  {c.Criterion} {c.Class}: {c.Explanation}");
            await io.Err.WriteLineAsync($"Written as assessment {r.AssessmentCode}; run 'baken analyse' to place it in the risk diagram.");
            return ExitCodes.Ok;
        }));
        return new Command("cascade", "Chain effects in the vital infrastructure") { simulate, critical, suggest, compound };
    }

    private static async Task<VitalProcessNetwork> Load(CliSession session, CommandIo io, CancellationToken ct)
    {
        var network = await session.Get<LoadDependencyNetwork>().HandleAsync(ct);
        foreach (var p in network.Problems) await io.Err.WriteLineAsync("  " + p);
        if (network.IndicativeEdges > 0)
            await io.Err.WriteLineAsync($"Note: {network.IndicativeEdges} of {network.Network.Dependencies.Count} dependencies are indicative placeholders (catalog/vital_process_dependencies.json).");
        if (DependencyStructure.Of(network.Network).FeedbackGain >= 1)
            await io.Err.WriteLineAsync("Warning: the network's feedback gain is 1 or more; a loss can sustain itself in a loop after its cause has ended.");
        return network;
    }

    private static T Simulate<T>(Func<T> run)
    {
        try { return run(); }
        catch (ArgumentException e) { throw new CliException(ExitCodes.Invalid, ArgumentProblems.Reason(e)); }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
