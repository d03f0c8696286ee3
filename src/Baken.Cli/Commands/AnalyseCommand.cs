using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Assessments;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Reports.Analysis;
using DocumentFiles = Baken.Infrastructure.Reports.Documents.DocumentFiles;
using DocxWriter = Baken.Infrastructure.Reports.Documents.DocxWriter;
using HtmlDocumentWriter = Baken.Infrastructure.Reports.Documents.HtmlDocumentWriter;
using Spectre.Console;

namespace Baken.Cli.Commands;

/// <summary>
/// baken analyse: the integrated analysis (PGA) over the register or over an assessment file, with the report;
/// baken analyse runs / compare; baken assessments import.
/// </summary>
public static class AnalyseCommand
{
    public static Command Create(CommandIo io)
    {
        var input = new Option<string?>("--input") { Description = "Analyse this CSV/XLSX assessment file without importing it (format: docs/formats.md)" };
        var output = new Option<string>("--out") { Description = "Folder for report.html, report.docx, results.json and results.csv", DefaultValueFactory = _ => "analysis" };
        var format = new Option<string>("--format") { Description = "all, html, docx, csv or json (comma-separated for several)", DefaultValueFactory = _ => "all" };
        var lang = new Option<string>("--lang") { Description = "Language of the report: nl (default) or en", DefaultValueFactory = _ => "nl" };
        var profile = new Option<string?>("--profile") { Description = "Preference profile (code or name; default: the catalogue's default, equal weight per criterion)" };
        var factor = new Option<double>("--factor") { Description = "Cardinal ladder factor f (3 by default; 10 as a sensitivity run)", DefaultValueFactory = _ => 3 };
        var iterations = new Option<int>("--iterations") { Description = "Monte Carlo iterations (0: none)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the Monte Carlo draws; the same seed gives the same results", DefaultValueFactory = _ => 1 };
        var asClearance = new Option<string?>("--as-clearance") { Description = "Analyse and report only what this level may see (e.g. Ongerubriceerd for a public version)" };
        var concentration = new Option<double?>("--concentration") { Description = "Dirichlet concentration of the weights (default: fixed weights)" };
        var rounding = new Option<string>("--rounding") { Description = "Band rounding: floor (default) or round", DefaultValueFactory = _ => "floor" };
        var threatRule = new Option<string>("--threat-rule") { Description = "Rule suggesting a threat's likelihood from intent, capability and vulnerability: geometric (default) or minimum", DefaultValueFactory = _ => "geometric" };
        var bench = new Option<bool>("--bench") { Description = "Time 200 scenarios × 10 criteria × 5 analysts × 100,000 iterations on synthetic data" };
        var noStore = new Option<bool>("--no-store") { Description = "Do not store the run" };
        var official = new Option<bool>("--official") { Description = "An official run: only the register's validated assessments (otherwise a run that uses others is a concept)" };
        var cmd = new Command("analyse", "Run the integrated risk analysis (NRB method) and write the report")
        {
            input, output, format, lang, profile, factor, iterations, seed, asClearance, concentration, rounding, threatRule, bench, noStore, official,
        };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            if (parse.GetValue(bench)) return await BenchAsync(io, parse.GetValue(iterations) == 10_000 ? 100_000 : parse.GetValue(iterations));
            var formats = ParseFormats(parse.GetValue(format)!);
            var language = parse.GetValue(lang)!.Trim().ToLowerInvariant();
            if (language is not ("nl" or "en")) throw CliException.Invalid("--lang", parse.GetValue(lang), "nl, en");
            ClassificationLevel? level = null;
            if (parse.GetValue(asClearance) is { } text)
            {
                if (!ClassificationLevels.TryParse(text, out var l)) throw CliException.Invalid("--as-clearance", text, ClassificationLevels.Allowed);
                level = l;
            }
            var bandRounding = parse.GetValue(rounding) switch
            {
                "floor" => BandRounding.Floor,
                "round" => BandRounding.Round,
                var other => throw CliException.Invalid("--rounding", other, "floor, round"),
            };

            var rule = parse.GetValue(threatRule) switch
            {
                "geometric" => ThreatRuleKind.GeometricMean,
                "minimum" => ThreatRuleKind.Minimum,
                var other => throw CliException.Invalid("--threat-rule", other, "geometric, minimum"),
            };
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            IReadOnlyList<AssessmentRawRow>? table = null;
            if (parse.GetValue(input) is { } path)
            {
                if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"--input: '{path}' does not exist; give a CSV or XLSX assessment file.");
                table = AssessmentFileReader.ReadRows(path, out var fileError, CliSession.FileLimits(g));
                if (fileError is not null) throw new CliException(ExitCodes.Invalid, $"--input: {Baken.Domain.FieldProblem.ValueProblem(fileError.Value, fileError.Allowed)}");
            }
            // A progress bar while the Monte Carlo turns, on a terminal only (see CliProgress).
            var result = await CliProgress.RunAsync(io, "Monte Carlo", progress => session.Get<RunIntegratedAnalysis>().HandleAsync(new RunIntegratedAnalysisRequest(
                table, parse.GetValue(input), parse.GetValue(profile), parse.GetValue(factor), parse.GetValue(iterations), parse.GetValue(seed),
                level, parse.GetValue(concentration), bandRounding, rule, IntegratedAnalysisReport.CodeVersion, !parse.GetValue(noStore), progress, Official: parse.GetValue(official)), ct));
            if (!result.IsOk)
            {
                await io.Err.WriteLineAsync("Nothing was analysed:");
                return io.Fail(result.WithoutMessage());
            }
            var outcome = result.Value!;
            // The marking line: the run's high-water mark with its compartments (METHODS §10).
            var marking = await session.Get<ReadMarkings>().LineAsync(outcome.Classification, ct);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            // results.csv stays in the layout scripts and the contracts read; its marking stands beside it (results.csv.marking).
            if (formats.Contains("csv"))
            {
                ResultsCsvWriter.WriteFile(outcome.Result, Path.Combine(folder, "results.csv"));
                await MarkedFiles.WriteSidecarAsync(Path.Combine(folder, "results.csv"), marking, ct);
            }
            if (formats.Contains("json")) ResultsJsonWriter.WriteFile(outcome.Result, Path.Combine(folder, "results.json"), marking);
            if (formats.Contains("html") || formats.Contains("docx"))
            {
                var details = await session.Get<GatherReportDetails>().HandleAsync(outcome.Result.Scenarios.Select(s => s.Id).ToList(), outcome.RunCode, ct);
                var report = AnalysisReport.Compose(outcome.Result, IntegratedAnalysisReport.Options(outcome.Catalogue, outcome.RunCode, DateTime.UtcNow,
                    marking, outcome.Concept, AnalystNames.Hidden(session.User), outcome.KnowledgeWidening), details, language);
                if (formats.Contains("html"))
                    await DocumentFiles.WriteBytesAsync(folder, IntegratedAnalysisReport.FileName + ".html", System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(report)), ct);
                if (formats.Contains("docx"))
                    await DocumentFiles.WriteBytesAsync(folder, IntegratedAnalysisReport.FileName + ".docx", DocxWriter.ToBytes(report), ct);
            }
            foreach (var note in outcome.Notes) await io.Err.WriteLineAsync("Note: " + note);
            await io.Out.WriteLineAsync($"Analysed {outcome.Result.Scenarios.Count} scenarios ({outcome.Result.Settings.Profile}, f={outcome.Result.Settings.Factor}, " +
                $"{outcome.Result.Settings.Iterations} iterations, seed {outcome.Result.Settings.Seed}); classification {outcome.Classification.Level.DisplayName()}.");
            await io.Out.WriteLineAsync($"Wrote {string.Join(", ", formats.Order(StringComparer.Ordinal).Select(f => f switch { "html" => "report.html", "docx" => "report.docx", "csv" => "results.csv", _ => "results.json" }))} to {folder}" +
                (outcome.RunCode is null ? "." : $"; stored as run {outcome.RunCode}."));
            if (outcome.Concept)
                await io.Out.WriteLineAsync("Concept run: it used assessments that are not validated ('baken analyse --official' uses validated ones only).");
            await io.Err.WriteLineAsync($"Marked {marking}.");
            // Scenarios scored here from fewer analysts than the register holds say so: never a silent recomputation.
            foreach (var (scenario, count) in outcome.AssessmentsLeftOut.OrderBy(x => x.Key, StringComparer.Ordinal))
                await io.Err.WriteLineAsync($"{scenario}: {count} assessment(s) above --as-clearance left out; its result rests on the other analysts only.");
            return ExitCodes.Ok;
        }));
        cmd.Subcommands.Add(Runs(io));
        cmd.Subcommands.Add(Compare(io));
        return cmd;
    }

    private static HashSet<string> ParseFormats(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()))
        {
            if (f == "all") { set.UnionWith(["html", "docx", "csv", "json"]); continue; }
            if (f is not ("html" or "docx" or "csv" or "json")) throw CliException.Invalid("--format", f, "all, html, docx, csv, json");
            set.Add(f);
        }
        return set;
    }

    private static Command Runs(CommandIo io)
    {
        var format = ListOutput.FormatOption();
        var cmd = new Command("runs", "List the stored analysis runs you may see") { format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var page = await session.Get<ListRecords>().HandleAsync(new ListRecordsRequest("analysis-run", PageSize: ListRecords.MaxPageSize), ct);
            var list = new ListOutput("run", "scenarios", "profile", "factor", "iterations", "seed", "classification", "input_source");
            foreach (var r in page.Value!.Items)
                list.Add(r.Code, r.Fields["scenarios"], r.Fields["profile"], r.Fields["factor"], r.Fields["iterations"], r.Fields["seed"], r.Classification, r.Fields["input_source"]);
            if (list.WriteIfAsked(io, parse.GetValue(format))) return ExitCodes.Ok;
            foreach (var r in page.Value!.Items)
                await io.Out.WriteLineAsync($"{r.Code}  {r.Fields["scenarios"]} scenarios  {r.Fields["profile"]}  f={r.Fields["factor"]}  {r.Fields["iterations"]} iterations  seed {r.Fields["seed"]}  [{r.Classification}]  {r.Fields["input_source"]}");
            if (page.Value.Total == 0) await io.Out.WriteLineAsync("No analysis runs yet; 'baken analyse' makes one.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Compare(CommandIo io)
    {
        var before = new Argument<string>("before") { Description = "The earlier run" };
        var after = new Argument<string>("after") { Description = "The later run" };
        var format = ListOutput.FormatOption();
        var cmd = new Command("compare", "Compare two runs: what moved, and why") { before, after, format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<CompareAnalysisRuns>().HandleAsync(parse.GetValue(before)!, parse.GetValue(after)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var c = result.Value!;
            var list = new ListOutput("scenario", "rank_before", "rank_after", "impact_before", "impact_after", "likelihood_before", "likelihood_after", "why");
            foreach (var m in c.Moves)
                list.Add(m.Id, m.RankBefore?.ToString(CultureInfo.InvariantCulture), m.RankAfter?.ToString(CultureInfo.InvariantCulture),
                    m.ImpactBefore?.ToString("0.####", CultureInfo.InvariantCulture), m.ImpactAfter?.ToString("0.####", CultureInfo.InvariantCulture),
                    m.LikelihoodBefore?.ToString(), m.LikelihoodAfter?.ToString(), string.Join("; ", m.Reasons));
            if (list.WriteIfAsked(io, parse.GetValue(format)))
            {
                foreach (var s in c.SettingChanges) await io.Err.WriteLineAsync("setting " + s);
                return ExitCodes.Ok;
            }
            foreach (var s in c.SettingChanges) await io.Out.WriteLineAsync("setting " + s);
            if (c.SettingChanges.Count == 0) await io.Out.WriteLineAsync("settings: the same");
            var table = new Table().Border(TableBorder.Simple).AddColumns("scenario", "rank", "I(s)", "likelihood", "why");
            foreach (var m in c.Moves)
                table.AddRow(Markup.Escape(m.Id), $"{m.RankBefore?.ToString() ?? "-"} → {m.RankAfter?.ToString() ?? "-"}",
                    $"{m.ImpactBefore?.ToString("0.##") ?? "-"} → {m.ImpactAfter?.ToString("0.##") ?? "-"}",
                    $"{m.LikelihoodBefore ?? "-"} → {m.LikelihoodAfter ?? "-"}", Markup.Escape(string.Join("; ", m.Reasons)));
            if (c.Moves.Count == 0) await io.Out.WriteLineAsync("No scenario moved.");
            else RecordCommands.Console(io).Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static Command ImportAssessments(CommandIo io)
    {
        var file = new Argument<string>("file") { Description = "CSV or XLSX assessment file (format: docs/formats.md)" };
        var import = new Command("import", "Import an assessment file into the register: its scenarios and one assessment per analyst") { file };
        import.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"file: '{path}' does not exist.");
            var rows = AssessmentFileReader.ReadRows(path, out var fileError, CliSession.FileLimits(g));
            if (fileError is not null) throw new CliException(ExitCodes.Invalid, fileError.ToString());
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ImportAssessmentTable>().HandleAsync(rows, ct);
            if (!result.IsOk)
            {
                await io.Err.WriteLineAsync("Nothing was imported:");
                return io.Fail(result.WithoutMessage());
            }
            var s = result.Value!;
            await io.Out.WriteLineAsync($"Imported: {s.ScenariosCreated} scenarios created, {s.ScenariosUpdated} updated; {s.AssessmentsCreated} assessments created, {s.AssessmentsUpdated} updated.");
            return ExitCodes.Ok;
        }));
        return new Command("assessments", "Analysts' assessments of scenarios") { import };
    }

    /// <summary>The performance target of issue 3, on synthetic data; docs/performance.md records the figures.</summary>
    private static async Task<int> BenchAsync(CommandIo io, int iterations)
    {
        var input = SyntheticAssessments.Generate(200, 10, 5, 2026);
        var settings = new AnalysisSettings(BuiltInProfiles.Create(input.Criteria)[0]) { Iterations = iterations, Seed = 7 };
        IntegratedAnalysis.Run(input, settings with { Iterations = 1000 }); // warm-up: JIT and thread pool
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours than about the code.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = IntegratedAnalysis.Run(input, settings);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"200 scenarios × 10 criteria × 5 analysts × {iterations:N0} iterations: {watch.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s CPU, ") +
            $"peak working set {peak / 1024 / 1024} MB (before: {before / 1024 / 1024} MB), {Environment.ProcessorCount} cores; top scenario {result.Scenarios[0].Id}.");
        return ExitCodes.Ok;
    }
}
