using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Comments;

/// <summary>
/// One comment in its thread. <paramref name="Depth"/> 0 starts a thread; a reply is one deeper than what it answers.
/// <paramref name="Author"/> is the user name, or A1…An for a reader who may not see analysts' names (<see cref="AnalystNames"/>).
/// </summary>
public sealed record CommentView(string Code, string Scenario, string? Criterion, string? ReplyTo, int Depth, string Author, bool Mine,
    string Text, Marking Marking, int Version, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

/// <summary>
/// The discussion of a scenario as its reader may see it, in threads: oldest thread first, each reply under what it
/// answers. The query filter leaves out what is above the reader's clearance and, in a blind round, other people's
/// comments (docs/workflow.md), so counts and threads never show them; a reply whose comment is not there for the reader
/// starts a thread of its own.
/// </summary>
public sealed class ListComments(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<IReadOnlyList<CommentView>>> HandleAsync(string scenario, CancellationToken ct = default)
    {
        if (!await db.Scenarios.AnyAsync(s => s.Code == scenario, ct))
            return Result<IReadOnlyList<CommentView>>.NotFound(AllowedTexts.NoScenario.With(scenario));
        var comments = await db.Comments.AsNoTracking().Where(c => c.ScenarioCode == scenario).ToListAsync(ct);
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var hideNames = AnalystNames.Hidden(user);
        var pseudonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        string Name(string author) => !hideNames ? author
            : pseudonyms.TryGetValue(author, out var p) ? p : pseudonyms[author] = $"A{pseudonyms.Count + 1}";

        var ordered = comments.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var codes = ordered.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var replies = ordered.Where(c => c.ReplyTo is { } parent && codes.Contains(parent)).ToLookup(c => c.ReplyTo!, StringComparer.Ordinal);
        var result = new List<CommentView>();
        void Walk(Comment c, int depth)
        {
            result.Add(new CommentView(c.Code, c.ScenarioCode, c.CriterionCode, c.ReplyTo, depth, Name(c.Author),
                string.Equals(c.Author, user.UserName, StringComparison.Ordinal), c.Body, compartments.Marking(c.Classification),
                c.Version, c.CreatedAtUtc, c.UpdatedAtUtc));
            foreach (var reply in replies[c.Code]) Walk(reply, depth + 1);
        }
        foreach (var root in ordered.Where(c => c.ReplyTo is null || !codes.Contains(c.ReplyTo))) Walk(root, 0);
        return Result<IReadOnlyList<CommentView>>.Ok(result);
    }
}
