using Baken.Domain;
using System.CommandLine;
using System.Globalization;
using Baken.Methods.Strategy;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Infrastructure.Releases;
using Baken.Infrastructure.Reports.Documents;
using Baken.Infrastructure.Reports.Progress;

namespace Baken.Cli.Commands;

/// <summary>baken strategy gaps|tree and baken report progress: the strategy's follow-up from the command line.</summary>
public static class StrategyCommands
{
    private static Option<string?> AsOf() => new("--as-of") { Description = "Judge deadlines as of this date (yyyy-MM-dd; default: today)" };

    public static Command Strategy(CommandIo io)
    {
        var asOf = AsOf();
        var top = new Option<int>("--top") { Description = "A scenario ranked at or above this is high-ranked", DefaultValueFactory = _ => 10 };
        var stale = new Option<int>("--stale-days") { Description = "An indicator value older than this many days is not recent", DefaultValueFactory = _ => 365 };
        var editionFilter = new Option<string?>("--edition") { Description = "Only the goals of this strategy edition (default: every edition)" };
        var gapsFormat = ListOutput.FormatOption();
        var gaps = new Command("gaps", "Gap analysis: high-ranked scenarios nobody addresses, goals without owner, measure or indicator, stale indicators, overdue milestones and actions")
        {
            asOf, top, stale, editionFilter, gapsFormat,
        };
        gaps.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var today = Today(parse.GetValue(asOf));
            if (parse.GetValue(top) < 0) throw CliException.Invalid("--top", parse.GetValue(top).ToString(CultureInfo.InvariantCulture), "0 or more");
            if (parse.GetValue(stale) < 1) throw CliException.Invalid("--stale-days", parse.GetValue(stale).ToString(CultureInfo.InvariantCulture), "1 or more");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var snapshot = await session.Get<LoadStrategy>().HandleAsync(null, ct, parse.GetValue(editionFilter));
            var report = StrategyGaps.Find(snapshot, today, new GapSettings(parse.GetValue(top), parse.GetValue(stale)));
            if (snapshot.RunCode is null) await io.Err.WriteLineAsync("Note: no analysis run you may see; high-ranked scenarios cannot be checked ('baken analyse').");
            var list = new ListOutput("kind", "subject", "code", "title", "since", "explanation");
            foreach (var gap in report.Gaps)
                list.Add(gap.Kind.ToString(), gap.Subject.ToString(), gap.SubjectCode, gap.SubjectTitle, gap.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", gap.Explanation);
            // The gaps' marking: the high-water mark of their subjects, not of the whole strategy.
            list.Marking = await session.Get<ReadMarkings>().LineAsync(snapshot.GapsClassification(report.Gaps), ct);
            list.Write(io, parse.GetValue(gapsFormat));
            await io.Err.WriteLineAsync($"{report.ProblemCount} gap(s) and {report.Gaps.Count - report.ProblemCount} reminder(s) as of {today:yyyy-MM-dd}.");
            return ExitCodes.Ok;
        }));

        var treeFormat = ListOutput.FormatOption();
        var tree = new Command("tree", "The strategy tree: pillars, goals, their measures and indicators with the latest reported values") { treeFormat };
        tree.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var s = await session.Get<LoadStrategy>().HandleAsync(null, ct);
            // The tree flattened: one row per goal, measure and indicator, each naming its pillar and goal.
            var rows = new ListOutput("pillar", "goal", "kind", "code", "title", "owner", "status", "baseline", "target", "deadline", "latest", "latest_date");
            foreach (var goal in s.Goals.OrderBy(x => x.Pillar))
            {
                var status = s.LatestStatus(new RecordLink("goal", goal.Code));
                rows.Add(goal.Pillar.ToString(), goal.Code, "goal", goal.Code, goal.Title, goal.OwnerCode, status?.Status.ToString(), null, null, null, null, status?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var code in goal.Measures)
                    if (s.Measures.FirstOrDefault(m => m.Code == code) is { } m)
                        rows.Add(goal.Pillar.ToString(), goal.Code, "measure", m.Code, m.Title, null, m.Status.ToString(), null, null, null, null, null);
                foreach (var i in s.Indicators.Where(i => i.GoalCode == goal.Code))
                {
                    var last = s.LatestValue(i.Code);
                    rows.Add(goal.Pillar.ToString(), goal.Code, "indicator", i.Code, i.Title, null, null, Invariant(i.Baseline), Invariant(i.Target),
                        i.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Invariant(last?.Value), last?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }
            if (rows.WriteIfAsked(io, parse.GetValue(treeFormat))) return ExitCodes.Ok;
            foreach (var pillar in s.Goals.GroupBy(x => x.Pillar).OrderBy(x => x.Key))
            {
                await io.Out.WriteLineAsync(pillar.Key.ToString());
                foreach (var goal in pillar)
                {
                    var status = s.LatestStatus(new RecordLink("goal", goal.Code));
                    await io.Out.WriteLineAsync($"  {goal.Code} {goal.Title} [{goal.Edition}] owner: {goal.OwnerCode ?? "—"}{(status is null ? "" : $", {status.Status} on {status.Date:yyyy-MM-dd}")}");
                    foreach (var code in goal.Measures)
                        if (s.Measures.FirstOrDefault(m => m.Code == code) is { } m)
                            await io.Out.WriteLineAsync($"    measure {m.Code} {m.Title} ({m.Status})");
                    foreach (var i in s.Indicators.Where(i => i.GoalCode == goal.Code))
                    {
                        var last = s.LatestValue(i.Code);
                        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"    indicator {i.Code} {i.Title}: baseline {i.Baseline}, target {i.Target} by {i.Deadline:yyyy-MM-dd}, latest {(last is null ? "none" : $"{last.Value} on {last.Date:yyyy-MM-dd}")}"));
                    }
                }
            }
            return ExitCodes.Ok;
        }));
        var from = new Option<string>("--from") { Description = "The edition to start from (e.g. 'GBVS 2018-2022')", Required = true };
        var to = new Option<string>("--to") { Description = "The new edition's name (e.g. 'RbVs 2023-2029')", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "Code prefix of the new goals (e.g. RBVS gives RBVS-01 …)", Required = true };
        var edition = new Command("edition", "Start a new edition of the strategy from an existing one; the old edition stays as it was") { from, to, prefix };
        edition.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<NewEdition>().HandleAsync(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(prefix)!, ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Edition '{parse.GetValue(to)}': {result.Value!.Created} goals copied from '{parse.GetValue(from)}'.");
            return ExitCodes.Ok;
        }));
        return new Command("strategy", "The security strategy and its follow-up") { gaps, tree, edition };
    }

    public static Command Report(CommandIo io)
    {
        var output = new Option<string>("--out") { Description = "Folder to write progress-report.docx and progress-report.html into", Required = true };
        var asClearance = new Option<string?>("--as-clearance") { Description = "Leave out everything above this level (e.g. Ongerubriceerd)" };
        var isPublic = new Option<bool>("--public") { Description = "The public version: only records marked publishable, without compartments" };
        var language = new Option<string>("--lang") { Description = "nl (default) or en", DefaultValueFactory = _ => "nl" };
        var asOf = AsOf();
        var edition = new Option<string?>("--edition") { Description = "Only the goals of this strategy edition (default: every edition)" };
        var progress = new Command("progress", "The progress report on the strategy (DOCX and HTML); with --as-clearance and --public the redacted public version")
        {
            output, asClearance, isPublic, language, asOf, edition,
        };
        progress.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var today = Today(parse.GetValue(asOf));
            var lang = parse.GetValue(language)?.ToLowerInvariant();
            if (lang is not ("nl" or "en")) throw CliException.Invalid("--lang", parse.GetValue(language), "nl or en");
            ClassificationLevel? level = null;
            if (parse.GetValue(asClearance) is { } text)
            {
                if (!ClassificationLevels.TryParse(text, out var l)) throw CliException.Invalid("--as-clearance", text, ClassificationLevels.Allowed);
                level = l;
            }
            var folder = parse.GetValue(output)!;
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            // --public is the public audience (Ongerubriceerd, no compartments, publishable only); --as-clearance narrows further.
            var audience = parse.GetValue(isPublic) ? Audience.Public : Audience.Caller;
            if (level is { } l2) audience = audience.AtMost(l2);
            var product = await session.Get<ProductDocuments>().ProgressAsync(audience, today, lang, parse.GetValue(edition), ct);
            await WriteDocumentAsync(io, folder, "progress-report", product.Document, ct);
            await io.Err.WriteLineAsync($"Marked {product.Document.ClassificationMarking}.");
            return ExitCodes.Ok;
        }));
        var depOutput = new Option<string>("--out") { Description = "Folder to write dependencies.docx and dependencies.html into", Required = true };
        var depLanguage = new Option<string>("--lang") { Description = "nl (default) or en", DefaultValueFactory = _ => "nl" };
        var dependencies = new Command("dependencies", "The report section on strategic dependencies: flagged products by domain, options and decisions") { depOutput, depLanguage };
        dependencies.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var lang = parse.GetValue(depLanguage)?.ToLowerInvariant();
            if (lang is not ("nl" or "en")) throw CliException.Invalid("--lang", parse.GetValue(depLanguage), "nl or en");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var document = (await session.Get<ProductDocuments>().DependenciesAsync(Audience.Caller, lang!, ct)).Document;
            await WriteDocumentAsync(io, parse.GetValue(depOutput)!, "dependencies", document, ct);
            return ExitCodes.Ok;
        }));
        return new Command("report", "Reports") { progress, dependencies };
    }

    internal static async Task WriteDocumentAsync(CommandIo io, string folder, string name, ReportDocument document, CancellationToken ct)
    {
        try
        {
            foreach (var path in await DocumentFiles.WriteAsync(folder, name, document, ct)) await io.Out.WriteLineAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Invalid, $"--out: cannot write to '{folder}': {e.Message}");
        }
    }

    internal static DateOnly Today(string? text)
    {
        if (text is null) return DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw CliException.Invalid("--as-of", text, "a date as yyyy-MM-dd");
        return d;
    }

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
