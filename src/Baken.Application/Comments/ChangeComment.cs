using Baken.Application.Common;
using Baken.Application.Permissions;
using Microsoft.EntityFrameworkCore;
using Baken.Domain.Workflow;

namespace Baken.Application.Comments;

/// <param name="ExpectVersion">The version the author read; a save in between is a conflict. Null: no check.</param>
public sealed record EditCommentRequest(string Code, string? Text, int? ExpectVersion = null);

/// <summary>
/// Only a comment's author changes its text or removes it (the 'comments' subject of the <see cref="PermissionMatrix"/>);
/// the history keeps every earlier version, as for every record. A comment the reader may not see is not found.
/// </summary>
public sealed class ChangeComment(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<Comment>> EditAsync(EditCommentRequest request, CancellationToken ct = default)
    {
        if (Permission.Deny<Comment>(user, PermissionMatrix.Comments, PermissionAction.Edit) is { } denied) return denied;
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Code == request.Code, ct);
        if (comment is null) return Result<Comment>.NotFound(AllowedTexts.CommentsNoComment.With(request.Code));
        if (Permission.Refusal(user, PermissionMatrix.Comments, PermissionAction.Edit, await RecordOwner.OfAsync(db, comment, ct)) is { } refusal)
            return Result<Comment>.Forbidden(refusal);
        if (CommentRules.CheckBody(request.Text) is { } error) return Result<Comment>.Invalid(error);
        // A version read before someone else saved is stale: a conflict (nothing written), not an overwrite.
        if (request.ExpectVersion is { } version && version != comment.Version)
            return Result<Comment>.Conflict(AllowedTexts.CommentsChangedSince.With(comment.Code, comment.Version, version));
        comment.Body = request.Text!.Trim();
        try { await db.SaveChangesAsync(ct); }
        catch (ConcurrencyConflictException e)
        {
            db.DiscardChanges();
            return Result<Comment>.Conflict(e.Text);
        }
        return Result<Comment>.Ok(comment);
    }

    public async Task<Result<Comment>> DeleteAsync(string code, CancellationToken ct = default)
    {
        if (Permission.Deny<Comment>(user, PermissionMatrix.Comments, PermissionAction.Delete) is { } denied) return denied;
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (comment is null) return Result<Comment>.NotFound(AllowedTexts.CommentsNoComment.With(code));
        if (Permission.Refusal(user, PermissionMatrix.Comments, PermissionAction.Delete, await RecordOwner.OfAsync(db, comment, ct)) is { } refusal)
            return Result<Comment>.Forbidden(refusal);
        // Its replies stay: a reply whose comment is gone (or hidden) is shown at the top of the thread.
        db.RemoveRecord(comment);
        await db.SaveChangesAsync(ct);
        return Result<Comment>.Ok(comment);
    }
}
