using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Comments;

/// <summary>The rules a comment's text and marking obey, shared by adding and changing one.</summary>
internal static class CommentRules
{
    /// <summary>The longest comment, in characters (about ten pages of text).</summary>
    public const int MaxLength = 20_000;

    public static FieldError? CheckBody(string? body) =>
        string.IsNullOrWhiteSpace(body) ? new FieldError("text", body ?? "", AllowedTexts.CommentsCommentNotEmpty)
        : body.Length > MaxLength ? new FieldError("text", body[..40] + "…", AllowedTexts.CommentsLength.With(MaxLength))
        : null;

    /// <summary>
    /// A comment is marked at least as high as what it discusses: the scenario and, for a reply, its parent. The marking is
    /// never raised silently: a lower one is refused naming the least it may be; none given takes that least.
    /// </summary>
    public static (Classification? Marking, FieldError? Error) Marking(ICurrentUser user, CompartmentDirectory compartments,
        string? levelText, string? compartmentText, Classification least, string discussed)
    {
        var level = least.Level;
        var mask = least.CompartmentMask;
        if (!string.IsNullOrWhiteSpace(levelText))
        {
            if (!ClassificationLevels.TryParse(levelText, out level)) return (null, new FieldError("classification", levelText, ClassificationLevels.Rule));
        }
        if (compartmentText is not null)
        {
            if (!compartments.TryParse(compartmentText, out mask, out var error)) return (null, error);
        }
        else if (!string.IsNullOrWhiteSpace(levelText)) mask = least.CompartmentMask;
        var marking = new Classification(level, mask);
        if (!least.IsVisibleTo(marking.Level, marking.CompartmentMask))
            return (null, new FieldError("classification", compartments.Marking(marking).Text,
                AllowedTexts.CommentsMarking.With(discussed, compartments.Marking(least).Text)));
        if (!marking.IsVisibleTo(user.Clearance, user.CompartmentMask))
            return (null, new FieldError("classification", compartments.Marking(marking).Text,
                AllowedTexts.Clearance.With(user.Clearance.DisplayName())));
        return (marking, null);
    }

    /// <summary>
    /// The next code of the author's comments on the scenario, "{scenario}.{author}.{n}": counted over their own comments
    /// only (kept or removed, so a code is never used twice), so it says nothing about anyone else's.
    /// </summary>
    public static async Task<string> NextCodeAsync(IBakenDb db, string scenario, string author, CancellationToken ct)
    {
        var prefix = $"{scenario}.{author}.";
        if (prefix.Length > Domain.RecordCode.MaxLength - 6) prefix = prefix[..(Domain.RecordCode.MaxLength - 6)];
        var kept = await db.Comments.IgnoreQueryFilters().Where(c => c.Author == author && c.Code.StartsWith(prefix)).Select(c => c.Code).ToListAsync(ct);
        var removed = await db.History.IgnoreQueryFilters().Where(h => h.EntityKind == "comment" && h.UserName == author && h.EntityCode.StartsWith(prefix))
            .Select(h => h.EntityCode).Distinct().ToListAsync(ct);
        var highest = kept.Concat(removed).Select(c => int.TryParse(c.AsSpan(prefix.Length), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return prefix + (highest + 1);
    }
}
