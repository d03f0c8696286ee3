using System.CommandLine;
using System.Globalization;
using Baken.Application.Workflow;
using Baken.Domain.Workflow;

namespace Baken.Cli.Commands;

/// <summary>
/// The analyst network's work from the command line: baken cycle open|assign|status|close|round, baken assessments
/// submit|return|validate, baken likelihood-review open|close and baken inbox. Who may do what is decided by the use cases.
/// </summary>
public static class WorkflowCommands
{
    /// <summary>Added under the register's 'cycle' command.</summary>
    public static IEnumerable<Command> Cycle(CommandIo io)
    {
        var code = new Argument<string>("code") { Description = "Code of the cycle (e.g. NRB-2027)" };
        var title = new Option<string>("--title") { Description = "Title of the cycle", Required = true };
        var scenarios = new Option<string>("--scenarios") { Description = "Scenario codes separated by ';'", Required = true };
        var due = new Option<string>("--due") { Description = "Deadline for the assessments (yyyy-MM-dd)", Required = true };
        var panel = new Option<string?>("--panel") { Description = "The expert panel (names or organisations), optional" };
        var open = new Command("open", "Open an assessment cycle for a set of scenarios (coordinator)") { code, title, scenarios, due, panel };
        open.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var deadline = ParseDate("--due", parse.GetValue(due)!);
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<OpenCycle>().HandleAsync(new OpenCycleRequest(parse.GetValue(code)!, parse.GetValue(title)!,
                Split(parse.GetValue(scenarios)), deadline, parse.GetValue(panel)), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Opened cycle {result.Value!.Code} for {string.Join(", ", result.Value.Scenarios)}; due {result.Value.Due:yyyy-MM-dd}.");
            return ExitCodes.Ok;
        }));

        var cycleCode = new Argument<string>("code") { Description = "Code of the cycle" };
        var scenario = new Option<string>("--scenario") { Description = "Scenario of the cycle", Required = true };
        var analysts = new Option<string>("--analysts") { Description = "Analysts' user names separated by ';'", Required = true };
        var organisations = new Option<string?>("--organisations") { Description = "Organisations separated by ';' (default: the analysts' own)" };
        var assignDue = new Option<string?>("--due") { Description = "Deadline for this scenario (yyyy-MM-dd; default: the cycle's)" };
        var assign = new Command("assign", "Assign a scenario of an open cycle to named analysts (coordinator); again replaces them")
        {
            cycleCode, scenario, analysts, organisations, assignDue,
        };
        assign.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            DateOnly? deadline = parse.GetValue(assignDue) is { } d ? ParseDate("--due", d) : null;
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<AssignCycle>().HandleAsync(new AssignCycleRequest(parse.GetValue(cycleCode)!, parse.GetValue(scenario)!,
                Split(parse.GetValue(analysts)), Split(parse.GetValue(organisations)), deadline), ct);
            if (!result.IsOk) return io.Fail(result);
            var a = result.Value!;
            await io.Out.WriteLineAsync($"Assigned {a.ScenarioCode} of {a.CycleCode} to {string.Join(", ", a.Analysts)}" +
                (a.Organisations.Count > 0 ? $" ({string.Join(", ", a.Organisations)})" : "") + $"; due {a.Due:yyyy-MM-dd}.");
            return ExitCodes.Ok;
        }));

        var statusCode = new Argument<string>("code") { Description = "Code of the cycle" };
        var statusFormat = ListOutput.FormatOption();
        var status = new Command("status", "Per scenario and analyst: the status of the assessment, the deadline and whether it is overdue") { statusCode, statusFormat };
        status.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<GetCycleStatus>().HandleAsync(parse.GetValue(statusCode)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var view = result.Value!;
            var list = new ListOutput("scenario", "analyst", "organisation", "due", "status", "overdue", "note");
            foreach (var t in view.Tasks)
                list.Add(t.Scenario, t.Analyst, t.Organisation, t.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    t.Status is { } s ? AssessmentStatuses.Name(s) : "not-started", t.Overdue ? "yes" : "no", t.Note);
            foreach (var s in view.Unassigned) list.Add(s, "", "", view.Cycle.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "unassigned", "no", "");
            list.Write(io, parse.GetValue(statusFormat));
            await io.Err.WriteLineAsync($"Cycle {view.Cycle.Code} '{view.Cycle.Title}' ({view.Cycle.Status.ToString().ToLowerInvariant()}, due {view.Cycle.Due:yyyy-MM-dd}): " +
                $"{view.Tasks.Count} task(s), {view.Count(Domain.Assessments.AssessmentStatus.Validated)} validated, {view.Count(Domain.Assessments.AssessmentStatus.Submitted)} submitted, " +
                $"{view.Tasks.Count(t => t.Overdue)} overdue, {view.Unassigned.Count} scenario(s) unassigned.");
            return ExitCodes.Ok;
        }));

        var closeCode = new Argument<string>("code") { Description = "Code of the cycle" };
        var close = new Command("close", "Close a cycle (coordinator)") { closeCode };
        close.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<CloseCycle>().HandleAsync(parse.GetValue(closeCode)!, ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Closed cycle {result.Value!.Code}.");
            return ExitCodes.Ok;
        }));
        var roundCode = new Argument<string>("code") { Description = "Code of the cycle" };
        var roundNumber = new Argument<int>("round") { Description = "The round to move to: 2 (convergence, after the blind round 1)" };
        var round = new Command("round", "Move a cycle to its next Delphi round (coordinator): 2 ends the blind round and records the round-1 scores") { roundCode, roundNumber };
        round.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ChangeCycleRound>().HandleAsync(parse.GetValue(roundCode)!, parse.GetValue(roundNumber), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Cycle {result.Value!.Code} is in round {result.Value.Round}.");
            return ExitCodes.Ok;
        }));
        return [open, assign, status, close, round];
    }

    /// <summary>Added under 'assessments'.</summary>
    public static IEnumerable<Command> AssessmentStatus(CommandIo io)
    {
        foreach (var (action, name, description) in new[]
                 {
                     (StatusAction.Submit, "submit", "Submit an assessment: it is frozen until a coordinator returns or validates it (the analyst, or a coordinator on their behalf)"),
                     (StatusAction.Return, "return", "Return a submitted assessment to its analyst with comments (coordinator; --reason required)"),
                     (StatusAction.Validate, "validate", "Validate a submitted assessment (coordinator); official runs use validated assessments only"),
                 })
        {
            var scenario = new Argument<string>("scenario") { Description = "Code of the scenario" };
            var analyst = new Option<string>("--analyst") { Description = "The analyst whose assessment it is (user name)", Required = true };
            var reason = new Option<string?>("--reason") { Description = action == StatusAction.Return ? "The comments for the analyst" : "A note, optional" };
            var cmd = new Command(name, description) { scenario, analyst, reason };
            cmd.SetAction((parse, ct) => io.Run(parse, async g =>
            {
                await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
                var result = await session.Get<ChangeAssessmentStatus>().HandleAsync(
                    new ChangeAssessmentStatusRequest(parse.GetValue(scenario)!, parse.GetValue(analyst)!, action, parse.GetValue(reason)), ct);
                if (!result.IsOk) return io.Fail(result);
                await io.Out.WriteLineAsync($"Assessment {result.Value!.Code} is {AssessmentStatuses.Name(result.Value.Status)} (version {result.Value.Version}).");
                return ExitCodes.Ok;
            }));
            yield return cmd;
        }
    }

    /// <summary>Added under the register's 'likelihood-review' command.</summary>
    public static IEnumerable<Command> Review(CommandIo io)
    {
        var alert = new Argument<string>("alert") { Description = "Code of the alert" };
        var open = new Command("open", "Open a likelihood review of each scenario the alert names, assigned to the scenario's analysts") { alert };
        open.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<LikelihoodReviews>().OpenAsync(parse.GetValue(alert)!, ct);
            if (!result.IsOk) return io.Fail(result);
            foreach (var r in result.Value!) await io.Out.WriteLineAsync($"{r.Code}: {r.ScenarioCode} for {string.Join(", ", r.Analysts)}, due {r.Due:yyyy-MM-dd}");
            await io.Err.WriteLineAsync($"{result.Value.Count} review(s) opened.");
            return ExitCodes.Ok;
        }));

        var code = new Argument<string>("code") { Description = "Code of the review" };
        var decision = new Option<string>("--decision") { Description = "no-change or revised", Required = true };
        var assessment = new Option<string?>("--assessment") { Description = "With 'revised': the revised assessment's code (SCENARIO.analyst)" };
        var note = new Option<string?>("--note") { Description = "Why" };
        var close = new Command("close", "Close a likelihood review with a decision") { code, decision, assessment, note };
        close.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var d = parse.GetValue(decision)!.Trim().ToLowerInvariant() switch
            {
                "no-change" => ReviewDecision.NoChange,
                "revised" => ReviewDecision.Revised,
                var other => throw CliException.Invalid("--decision", other, "no-change, revised"),
            };
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<LikelihoodReviews>().CloseAsync(new CloseReviewRequest(parse.GetValue(code)!, d, parse.GetValue(assessment), parse.GetValue(note)), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Closed review {result.Value!.Code}: {parse.GetValue(decision)}.");
            return ExitCodes.Ok;
        }));
        return [open, close];
    }

    public static Command Inbox(CommandIo io)
    {
        var format = ListOutput.FormatOption();
        var cmd = new Command("inbox", "What is asked of you (or of --user NAME): assignments, returned assessments, reviews, council actions; overdue first") { format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var items = await session.Get<Application.Workflow.Inbox>().HandleAsync(ct);
            var list = new ListOutput("kind", "code", "title", "due", "overdue", "note");
            foreach (var i in items)
                list.Add(Kebab(i.Kind.ToString()), i.Code, i.Title, i.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", i.Overdue ? "yes" : "no", i.Note);
            list.Write(io, parse.GetValue(format));
            await io.Err.WriteLineAsync($"{items.Count} item(s) for {session.User.UserName}, {items.Count(i => i.Overdue)} overdue.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IReadOnlyList<string> Split(string? list) => WorkflowRoles.Split(list);

    private static DateOnly ParseDate(string option, string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw CliException.Invalid(option, text, "a date as yyyy-MM-dd");
}
