using System.CommandLine;
using System.Globalization;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Councils;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Councils;
using Baken.Infrastructure.Reports.Documents;

namespace Baken.Cli.Commands;

/// <summary>baken council agenda|actions|coverage|papers: the secretariat's forward agenda and follow-up from the command line.</summary>
public static class CouncilCommands
{
    /// <summary>The steering commands, added under the register's 'council' command.</summary>
    public static IEnumerable<Command> Create(CommandIo io)
    {
        var council = new Option<string?>("--council") { Description = "Only this council (code, e.g. RVI)" };
        var asOf = new Option<string?>("--as-of") { Description = "Today's date for deadlines (yyyy-MM-dd; default: today)" };
        var window = new Option<int>("--window-days") { Description = "Items on the same topic in two councils within this many days are an overlap", DefaultValueFactory = _ => 90 };

        var agendaFormat = ListOutput.FormatOption();
        var actionsFormat = ListOutput.FormatOption();
        var agenda = new Command("agenda", "The forward agenda across all councils, with overlap warnings and overdue actions that return to the next meeting")
        {
            council, asOf, window, agendaFormat,
        };
        agenda.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var today = StrategyCommands.Today(parse.GetValue(asOf));
            if (parse.GetValue(window) is < 0 or > 3660) throw new CliException(ExitCodes.Invalid, $"--window-days: {parse.GetValue(window)} is outside 0 … 3660.");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var view = await session.Get<ForwardAgenda>().HandleAsync(today, parse.GetValue(council), parse.GetValue(window), ct);
            var list = new ListOutput("date", "council", "meeting", "security_level", "item", "title", "classification", "links");
            foreach (var p in view.Items)
                list.Add(p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unscheduled", p.Item.CouncilCode,
                    p.Meeting?.Code ?? "", p.Meeting?.SecurityLevel.DisplayName() ?? "", p.Item.Code, p.Item.Title, p.Item.ClassificationLevel.DisplayName(), QualifiedCodes.Format(p.Item.Links) ?? "");
            foreach (var m in view.Meetings.Where(m => m.Date >= today && view.Items.All(i => i.Meeting?.Code != m.Code)))
                list.Add(m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.CouncilCode, m.Code, m.SecurityLevel.DisplayName(), "", "(no items yet)", "", "");
            list.Write(io, parse.GetValue(agendaFormat));
            foreach (var o in view.Overlaps)
                await io.Err.WriteLineAsync($"Warning: overlap between {o.First.ItemCode} ({o.First.CouncilCode}) and {o.Second.ItemCode} ({o.Second.CouncilCode}): {o.Reason}");
            foreach (var a in view.OverdueActions)
                await io.Err.WriteLineAsync($"Overdue: action {a.Action.Code} '{a.Action.Title}' (deadline {a.Action.Deadline:yyyy-MM-dd}) " +
                    (a.NextMeeting is null ? $"— no next meeting of {a.Item.CouncilCode} planned" : $"returns on {a.NextMeeting.Code} ({a.NextMeeting.Date:yyyy-MM-dd})"));
            await io.Err.WriteLineAsync($"{view.Items.Count} item(s), {view.Meetings.Count} meeting(s), {view.Overlaps.Count} overlap(s), {view.OverdueActions.Count} overdue action(s).");
            return ExitCodes.Ok;
        }));

        var overdueOnly = new Option<bool>("--overdue") { Description = "Only open actions past their deadline" };
        var actions = new Command("actions", "Follow-up actions of council decisions: owner, deadline, status") { council, asOf, overdueOnly, actionsFormat };
        actions.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var today = StrategyCommands.Today(parse.GetValue(asOf));
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var view = await session.Get<ForwardAgenda>().HandleAsync(today, parse.GetValue(council), ct: ct);
            var list = new ListOutput("action", "title", "owner", "deadline", "status", "council", "decision", "next_meeting");
            var rows = parse.GetValue(overdueOnly)
                ? view.OverdueActions
                : await session.Get<ForwardAgenda>().ActionsAsync(today, parse.GetValue(council), ct);
            foreach (var a in rows)
                list.Add(a.Action.Code, a.Action.Title, a.Action.Owner, a.Action.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Action.Status.ToString(),
                    a.Item.CouncilCode, a.Decision.Code, a.NextMeeting?.Code ?? "");
            list.Write(io, parse.GetValue(actionsFormat));
            if (parse.GetValue(overdueOnly)) await io.Err.WriteLineAsync($"{view.OverdueActions.Count} overdue action(s) as of {today:yyyy-MM-dd}.");
            return ExitCodes.Ok;
        }));

        var from = new Option<string>("--from") { Description = "First day of the cycle (yyyy-MM-dd)", Required = true };
        var to = new Option<string?>("--to") { Description = "Last day of the cycle (yyyy-MM-dd; default: today)" };
        var coverageFormat = ListOutput.FormatOption();
        var coverage = new Command("coverage", "Which goals of the strategy the councils discussed in a cycle, and which not") { from, to, coverageFormat };
        coverage.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var first = ParseDate("--from", parse.GetValue(from)!);
            var last = parse.GetValue(to) is { } t ? ParseDate("--to", t) : StrategyCommands.Today(null);
            if (last < first) throw new CliException(ExitCodes.Invalid, $"--to: {last:yyyy-MM-dd} lies before --from {first:yyyy-MM-dd}.");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var report = await session.Get<ForwardAgenda>().CoverageAsync(first, last, ct);
            var list = new ListOutput("goal", "title", "pillar", "discussed", "items");
            foreach (var c in report.Goals)
                list.Add(c.Goal.Code["goal:".Length..], c.Goal.Title, c.Goal.Pillar.ToString(), c.Discussed ? "yes" : "no", string.Join(';', c.Items.Select(i => i.ItemCode)));
            list.Write(io, parse.GetValue(coverageFormat));
            foreach (var p in report.Pillars) await io.Err.WriteLineAsync($"{p.Pillar}: {p.Discussed} of {p.Total} goals discussed.");
            return ExitCodes.Ok;
        }));

        var meeting = new Option<string>("--meeting") { Description = "Code of the meeting", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the documents into", Required = true };
        var kind = new Option<string>("--kind") { Description = "agenda, pack (agenda and every paper as one ZIP), minutes, or public (public summary by redaction)", DefaultValueFactory = _ => "agenda" };
        var language = new Option<string>("--lang") { Description = "nl (default) or en", DefaultValueFactory = _ => "nl" };
        var papers = new Command("papers", "Write a meeting's agenda and papers pack, its minutes or its public summary as DOCX and HTML") { meeting, output, kind, language };
        papers.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var lang = parse.GetValue(language)?.ToLowerInvariant();
            if (lang is not ("nl" or "en")) throw CliException.Invalid("--lang", parse.GetValue(language), "nl or en");
            var which = parse.GetValue(kind)?.ToLowerInvariant();
            if (which is not ("agenda" or "pack" or "minutes" or "public")) throw CliException.Invalid("--kind", parse.GetValue(kind), "agenda, pack, minutes, public");
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var audience = which == "public" ? Audience.Public : Audience.Caller;
            var result = await session.Get<MeetingPapers>().HandleAsync(parse.GetValue(meeting)!, audience, ct);
            if (!result.IsOk) return io.Fail(result);
            var view = result.Value!;
            if (which == "pack")
            {
                var store = session.Get<StorePaper>();
                var directory = await session.Get<ReadMarkings>().DirectoryAsync(ct);
                var zip = await PapersPack.BuildAsync(view, async (c, t) => (await store.OpenAsync(c, t)).Value?.Content, lang, ct, c => directory.Marking(c).Text);
                var folder = parse.GetValue(output)!;
                string path;
                try { path = await DocumentFiles.WriteBytesAsync(folder, $"{view.Meeting.Code}-papers.zip", zip, ct); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(ExitCodes.Invalid, $"--out: cannot write to '{folder}': {e.Message}");
                }
                await io.Out.WriteLineAsync(path);
                await io.Err.WriteLineAsync($"Marked {view.Marking.Text}; {view.WithheldCount} record(s) not included.");
                return ExitCodes.Ok;
            }
            var document = which == "agenda" ? MeetingDocuments.Agenda(view, lang) : MeetingDocuments.Minutes(view, lang);
            await StrategyCommands.WriteDocumentAsync(io, parse.GetValue(output)!, $"{view.Meeting.Code}-{which}", document, ct);
            await io.Err.WriteLineAsync($"Marked {document.ClassificationMarking}; {view.WithheldCount} record(s) not included.");
            return ExitCodes.Ok;
        }));
        var item = new Option<string>("--item") { Description = "Code of the agenda item", Required = true };
        var file = new Option<string>("--file") { Description = "The paper to store", Required = true };
        var title = new Option<string?>("--title") { Description = "Title (default: the file name)" };
        var classification = new Option<string?>("--classification") { Description = "Classification of the paper (default: the item's; never lower)" };
        var compartmentsOption = new Option<string?>("--compartments") { Description = "Compartments, separated by ';'" };
        var upload = new Command("upload", "Store a paper for an agenda item, with its own classification") { item, file, title, classification, compartmentsOption };
        upload.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException(ExitCodes.Invalid, $"--file: '{path}' does not exist.");
            if (new FileInfo(path).Length > StorePaper.MaximumBytes) throw new CliException(ExitCodes.Invalid, string.Create(CultureInfo.InvariantCulture, $"--file: '{path}' is larger than {StorePaper.MaximumBytes:N0} bytes."));
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var name = Path.GetFileName(path);
            var result = await session.Get<StorePaper>().HandleAsync(new StorePaperRequest(parse.GetValue(item)!, parse.GetValue(title) ?? name, name,
                ContentType(name), await File.ReadAllBytesAsync(path, ct),
                parse.GetValue(classification), parse.GetValue(compartmentsOption)), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Stored paper {result.Value!.Code} ({result.Value.Size:N0} bytes, {result.Value.Classification})."));
            return ExitCodes.Ok;
        }));
        return [agenda, actions, coverage, papers, upload];
    }

    private static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".txt" => "text/plain",
        ".csv" => "text/csv",
        _ => "application/octet-stream",
    };

    private static DateOnly ParseDate(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw CliException.Invalid(option, text, "a date as yyyy-MM-dd");
}
