using System.CommandLine;
using System.Globalization;
using Baken.Application.Comments;
using Baken.Domain.Security;

namespace Baken.Cli.Commands;

/// <summary>
/// The discussion of scenarios from the command line: baken comments list|add|edit|delete. Who may write, and the rule that
/// a comment is marked at least as high as what it discusses, are the use cases' (docs/workflow.md).
/// </summary>
public static class CommentCommands
{
    public static Command Create(CommandIo io)
    {
        var root = new Command("comments", "Comments on scenarios and their criteria, in threads");

        var scenario = new Argument<string>("scenario") { Description = "Code of the scenario" };
        var format = ListOutput.FormatOption();
        var list = new Command("list", "A scenario's comments you may see, in threads (depth 0 starts a thread)") { scenario, format };
        list.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ListComments>().HandleAsync(parse.GetValue(scenario)!, ct);
            if (!result.IsOk) return io.Fail(result);
            var output = new ListOutput("code", "depth", "reply_to", "criterion", "author", "created", "classification", "text");
            foreach (var c in result.Value!)
                output.Add(c.Code, c.Depth.ToString(CultureInfo.InvariantCulture), c.ReplyTo, c.Criterion, c.Author,
                    c.CreatedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), c.Marking.Text, c.Text);
            if (result.Value.Count > 0)
                output.Marking = new Marking(result.Value.Max(c => c.Marking.Level), result.Value.SelectMany(c => c.Marking.Compartments).Distinct()).Text;
            output.Write(io, parse.GetValue(format));
            await io.Err.WriteLineAsync($"{result.Value.Count} comment(s) on {parse.GetValue(scenario)}.");
            return ExitCodes.Ok;
        }));

        var addScenario = new Argument<string>("scenario") { Description = "Code of the scenario" };
        var text = new Option<string>("--text") { Description = "The comment (rich text: paragraphs, bold, italics, lists, links)", Required = true };
        var criterion = new Option<string?>("--criterion") { Description = "The impact criterion it is about (a catalogue criterion code); empty: the scenario as a whole" };
        var replyTo = new Option<string?>("--reply-to") { Description = "The code of the comment it answers (on the same scenario)" };
        var classification = new Option<string?>("--classification") { Description = "Its level; default and least: the scenario's (and the answered comment's)" };
        var compartments = new Option<string?>("--compartments") { Description = "Compartment codes separated by ';'; default and least: the scenario's" };
        var add = new Command("add", "Comment on a scenario, one of its criteria, or answer a comment (analyst, coordinator)")
        {
            addScenario, text, criterion, replyTo, classification, compartments,
        };
        add.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<AddComment>().HandleAsync(new AddCommentRequest(parse.GetValue(addScenario)!, parse.GetValue(text),
                parse.GetValue(criterion), parse.GetValue(replyTo), parse.GetValue(classification), parse.GetValue(compartments)), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Added comment {result.Value!.Code} on {result.Value.ScenarioCode}" +
                (result.Value.ReplyTo is { } parent ? $" in answer to {parent}" : "") + $" ({result.Value.ClassificationLevel.DisplayName()}).");
            return ExitCodes.Ok;
        }));

        var editCode = new Argument<string>("code") { Description = "Code of your comment" };
        var editText = new Option<string>("--text") { Description = "The new text", Required = true };
        var expect = new Option<int?>("--expect-version") { Description = "Refuse the change when the comment is no longer at this version" };
        var edit = new Command("edit", "Change the text of your own comment (the history keeps the earlier version)") { editCode, editText, expect };
        edit.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ChangeComment>().EditAsync(new EditCommentRequest(parse.GetValue(editCode)!, parse.GetValue(editText), parse.GetValue(expect)), ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Changed comment {result.Value!.Code} (version {result.Value.Version}).");
            return ExitCodes.Ok;
        }));

        var deleteCode = new Argument<string>("code") { Description = "Code of your comment" };
        var delete = new Command("delete", "Remove your own comment; its replies stay") { deleteCode };
        delete.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ChangeComment>().DeleteAsync(parse.GetValue(deleteCode)!, ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"Removed comment {result.Value!.Code}.");
            return ExitCodes.Ok;
        }));

        root.Subcommands.Add(list);
        root.Subcommands.Add(add);
        root.Subcommands.Add(edit);
        root.Subcommands.Add(delete);
        return root;
    }
}
