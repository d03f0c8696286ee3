using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Comments;

/// <param name="Scenario">The scenario discussed.</param>
/// <param name="Text">The comment as rich text (sanitised whenever shown).</param>
/// <param name="Criterion">A catalogue criterion code, or null for the scenario as a whole.</param>
/// <param name="ReplyTo">The code of a comment on the same scenario this one answers, or null.</param>
/// <param name="Classification">The level (name, abbreviation or 0–4); empty: the least allowed, that of the scenario (and parent).</param>
/// <param name="Compartments">Compartment codes separated by ';'; null: those of the scenario (and parent).</param>
public sealed record AddCommentRequest(string Scenario, string? Text, string? Criterion = null, string? ReplyTo = null,
    string? Classification = null, string? Compartments = null);

/// <summary>
/// An analyst or a coordinator comments on a scenario, or on one of its criteria, or answers another comment (issue 15).
/// The comment is marked at least as high as the scenario and the comment it answers; a lower marking is refused.
/// </summary>
public sealed class AddComment(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<Comment>> HandleAsync(AddCommentRequest request, CancellationToken ct = default)
    {
        if (Permission.Deny<Comment>(user, PermissionMatrix.Comments, PermissionAction.Create) is { } denied) return denied;
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Code == request.Scenario, ct);
        if (scenario is null) return Result<Comment>.NotFound(AllowedTexts.NoScenario.With(request.Scenario));

        var errors = new List<FieldError>();
        if (CommentRules.CheckBody(request.Text) is { } bodyError) errors.Add(bodyError);
        string? criterion = null;
        if (!string.IsNullOrWhiteSpace(request.Criterion))
        {
            var criteria = await db.Criteria.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
            criterion = criteria.FirstOrDefault(c => string.Equals(c, request.Criterion.Trim(), StringComparison.OrdinalIgnoreCase));
            if (criterion is null)
                errors.Add(new FieldError("criterion", request.Criterion, AllowedTexts.CommentsCriterion.With(
                    string.Join(", ", criteria.Order(Comparer<string>.Create((a, b) => string.CompareOrdinal(Domain.RecordCode.SortKey(a), Domain.RecordCode.SortKey(b))))))));
        }
        Comment? parent = null;
        if (!string.IsNullOrWhiteSpace(request.ReplyTo))
        {
            // A comment the reader may not see (marking, blind round) is the same answer as one that is not there.
            parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Code == request.ReplyTo.Trim() && c.ScenarioCode == scenario.Code, ct);
            if (parent is null) errors.Add(new FieldError("reply_to", request.ReplyTo, AllowedTexts.CommentsReplyTo.With(scenario.Code)));
        }
        if (errors.Count > 0) return Result<Comment>.Invalid(errors);

        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var least = Classification.Highest(parent is null ? [scenario.Classification] : [scenario.Classification, parent.Classification]);
        var discussed = parent is null ? $"scenario {scenario.Code}" : $"scenario {scenario.Code} and comment {parent.Code}";
        var (marking, markingError) = CommentRules.Marking(user, compartments, request.Classification, request.Compartments, least, discussed);
        if (markingError is not null) return Result<Comment>.Invalid(markingError);

        var comment = new Comment
        {
            ScenarioCode = scenario.Code, CriterionCode = criterion, ReplyTo = parent?.Code, Body = request.Text!.Trim(), Author = user.UserName,
        };
        comment.Recode(await CommentRules.NextCodeAsync(db, scenario.Code, user.UserName, ct));
        comment.Classify(marking!.Value);
        db.AddRecord(comment);
        await db.SaveChangesAsync(ct);
        return Result<Comment>.Ok(comment);
    }
}
