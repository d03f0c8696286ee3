using System.CommandLine;
using System.Globalization;
using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Infrastructure.Catalogue;
using Baken.Infrastructure.Signals;

namespace Baken.Cli.Commands;

/// <summary>baken signals|feeds|alerts|ucdp|threats: intake and review of signals, feeds, early-warning alerts and stacked threats.</summary>
public static class SignalCommands
{
    public static IEnumerable<Command> Create(CommandIo io) => [Signals(io), Feeds(io), Alerts(io), Ucdp(io), Threats(io)];

    private static Command Signals(CommandIo io)
    {
        var file = new Argument<string>("file") { Description = "CSV, JSON, RSS or Atom file of signals" };
        var import = new Command("import", "Take signals from a file into the review queue (all or nothing; taking the same file again adds nothing)") { file };
        import.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"file: '{path}' does not exist.");
            var (signals, errors) = SignalSources.ReadFile(path, CliSession.FileLimits(g));
            if (errors.Count > 0)
            {
                await io.Err.WriteLineAsync($"{path}: nothing taken in.");
                io.WriteProblems(errors);
                return ExitCodes.Invalid;
            }
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<SignalIntake>().HandleAsync(signals, null, ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"{result.Value!.Created} new signal(s), {result.Value.AlreadyKnown} already known, {result.Value.SuggestedDuplicates} marked as possible duplicate.");
            return ExitCodes.Ok;
        }));

        var reviewFormat = ListOutput.FormatOption();
        var review = new Command("review", "The review queue: new signals, with the signal each may duplicate") { reviewFormat };
        review.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var list = new ListOutput("code", "date", "title", "source", "reliability", "credibility", "tags", "duplicate_of");
            foreach (var s in await session.Get<ReviewSignals>().QueueAsync(1000, ct))
                list.Add(s.Code, s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Title, s.Source, s.Reliability, s.Credibility, s.Tags, s.DuplicateOf);
            list.Write(io, parse.GetValue(reviewFormat));
            return ExitCodes.Ok;
        }));

        Command Decide(string name, SignalReviewDecision decision, string description)
        {
            var code = new Argument<string>("code") { Description = "Code of the signal" };
            var into = new Option<string?>("--into") { Description = "Merge: the signal it duplicates (default: the suggested one)" };
            var cmd = new Command(name, description) { code };
            if (decision == SignalReviewDecision.Merge) cmd.Options.Add(into);
            cmd.SetAction((parse, ct) => io.Run(parse, async g =>
            {
                await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
                var result = await session.Get<ReviewSignals>().DecideAsync(parse.GetValue(code)!, decision, parse.GetValue(into), ct);
                if (!result.IsOk) return io.Fail(result);
                await io.Out.WriteLineAsync($"Signal {result.Value!.Code}: {result.Value.Fields["status"]}.");
                return ExitCodes.Ok;
            }));
            return cmd;
        }
        return new Command("signals", "Signals of the horizon scan: intake and review")
        {
            import, review,
            Decide("accept", SignalReviewDecision.Accept, "Accept a signal from the queue"),
            Decide("reject", SignalReviewDecision.Reject, "Reject a signal from the queue"),
            Decide("merge", SignalReviewDecision.Merge, "Merge a signal into the one it duplicates"),
        };
    }

    private static Command Feeds(CommandIo io)
    {
        var feed = new Option<string[]>("--feed") { Description = "Poll only these feeds (codes), even when not due", AllowMultipleArgumentsPerToken = true };
        var poll = new Command("poll", "Poll the RSS and Atom feeds that are due, and take their new entries into the review queue") { feed };
        poll.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var codes = parse.GetValue(feed) is { Length: > 0 } f ? f : null;
            var results = await session.Get<FeedPoller>().PollAsync(codes, ct);
            foreach (var r in results)
                await io.Out.WriteLineAsync(r.Problem is null
                    ? $"{r.Feed}: {r.Created} new, {r.AlreadyKnown} known, {r.SuggestedDuplicates} possible duplicates"
                    : $"{r.Feed}: {r.Problem}");
            if (results.Count == 0) await io.Err.WriteLineAsync("No feed is due.");
            return results.Any(r => r.Problem is not null) ? ExitCodes.Invalid : ExitCodes.Ok;
        }));
        return new Command("feeds", "RSS and Atom feeds") { poll };
    }

    private static Command Alerts(CommandIo io)
    {
        var evaluate = new Option<bool>("--evaluate") { Description = "First turn new threshold crossings and jumps into alerts" };
        var since = new Option<string?>("--since") { Description = "With --evaluate: only crossings on or after this date (yyyy-MM-dd)" };
        var webhook = new Option<string?>("--webhook") { Description = "With --evaluate: post the new alerts (up to Alerts:WebhookMaxClassification, default Ongerubriceerd; no compartments) as JSON to this URL instead of Alerts:WebhookUrl" };
        var all = new Option<bool>("--all") { Description = "Also acknowledged and closed alerts" };
        var alertsFormat = ListOutput.FormatOption();
        var cmd = new Command("alerts", "Early-warning alerts: indicators that crossed a threshold or jumped") { evaluate, since, webhook, all, alertsFormat };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            DateOnly? from = null;
            if (parse.GetValue(since) is { } text)
                from = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw CliException.Invalid("--since", text, "a date as yyyy-MM-dd");
            Uri? hook = null;
            if (parse.GetValue(webhook) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out hook) || hook.Scheme is not ("http" or "https")))
                throw CliException.Invalid("--webhook", url, "an http or https URL");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            if (parse.GetValue(evaluate))
            {
                Result<RaisedAlerts> made;
                try { made = await session.Get<RaiseAlerts>().HandleAsync(from, hook, ct); }
                catch (HttpRequestException e)
                {
                    throw new CliException(ExitCodes.Unexpected, $"--webhook: posting the new alerts failed: {e.Message}");
                }
                if (!made.IsOk) return io.Fail(made);
                await io.Err.WriteLineAsync($"{made.Value!.Alerts.Count} new alert(s).");
                if (made.Value.Target is not null)
                    await io.Err.WriteLineAsync($"Webhook: {made.Value.Sent} sent, {made.Value.Withheld} withheld (classified).");
            }
            var list = new ListOutput("code", "indicator", "date", "value", "from", "to", "status", "scenarios", "explanation");
            foreach (var a in (await session.Get<ListRecords>().HandleAsync(new ListRecordsRequest("alert", PageSize: 500, Descending: true), ct)).Value!.Items)
            {
                if (!parse.GetValue(all) && a.Fields["status"] is "acknowledged" or "closed") continue;
                list.Add(a.Code, a.Fields["indicator"], a.Fields["date"], a.Fields["value"], a.Fields["from_level"], a.Fields["to_level"],
                    a.Fields["status"], a.Fields["scenarios"], a.Fields["explanation"]);
            }
            list.Write(io, parse.GetValue(alertsFormat));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Ucdp(CommandIo io)
    {
        var file = new Argument<string>("file") { Description = "UCDP/PRIO country-year battle deaths (ucdpbrds_country_year CSV)" };
        var countries = new Option<string?>("--countries") { Description = "Country table (default: the catalogue's ucdp_countries.json)" };
        var import = new Command("import", "Battle-death series of the countries around Europe and the Caribbean as early-warning indicators (amber 25, red 1,000, jumps)") { file, countries };
        import.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"file: '{path}' does not exist.");
            var table = parse.GetValue(countries) ?? Path.Combine(CatalogueDirectory.Default, "ucdp_countries.json");
            IReadOnlyList<CountryYearDeaths> rows;
            IReadOnlyList<UcdpCountry> list;
            try
            {
                rows = UcdpReader.ReadCountryYears(path);
                list = UcdpReader.ReadCountries(table);
            }
            catch (Exception e) when (e is UcdpFormatException or IOException or System.Text.Json.JsonException)
            {
                throw new CliException(ExitCodes.Invalid, e.Message);
            }
            var (indicators, observations) = UcdpIndicators.Rows(rows, list, Path.GetFileName(path));
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var importer = session.Get<ImportRecords>();
            var first = await importer.HandleAsync(new ImportRecordsRequest("warning-indicator", indicators), ct);
            if (!first.IsOk) return io.Fail(first);
            var second = await importer.HandleAsync(new ImportRecordsRequest("observation", observations), ct);
            if (!second.IsOk) return io.Fail(second);
            await io.Out.WriteLineAsync($"{indicators.Count} indicators ({first.Value!.Created} new), {observations.Count} yearly values ({second.Value!.Created} new). Run 'baken alerts --evaluate' for the alerts.");
            return ExitCodes.Ok;
        }));
        return new Command("ucdp", "UCDP battle-death data") { import };
    }

    private static Command Threats(CommandIo io)
    {
        var asOf = new Option<string?>("--as-of") { Description = "End of the window (yyyy-MM-dd; default: today)" };
        var window = new Option<int>("--window") { Description = "Window in days", DefaultValueFactory = _ => 180 };
        var format = ListOutput.FormatOption();
        var stacked = new Command("stacked", "Stacked threats: pressure on interests, vital processes, sectors and actors from many weak signals and indicator moves") { asOf, window, format };
        stacked.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var today = StrategyCommands.Today(parse.GetValue(asOf));
            if (parse.GetValue(window) is < 1 or > 3660) throw new CliException(ExitCodes.Invalid, $"--window: {parse.GetValue(window)} is outside 1 … 3660 days.");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var findings = await session.Get<StackedThreatScan>().HandleMarkedAsync(today, new StackSettings(parse.GetValue(window)), ct);
            var list = new ListOutput("target", "pressure", "parts", "from", "to", "explanation", "marking");
            foreach (var (f, _, marking) in findings)
                list.Add(f.Target.ToString(), f.Pressure.ToString("0.###", CultureInfo.InvariantCulture), string.Join(';', f.Parts.Select(p => p.SourceId).Distinct()),
                    f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Explanation, marking.Text);
            list.Write(io, parse.GetValue(format));
            return ExitCodes.Ok;
        }));
        return new Command("threats", "Threat views") { stacked };
    }
}
