using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Assessments;
using Baken.Domain.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Permissions;

/// <summary>Who owns a record, as far as the permission model cares: its organisation and, for an assessment, its analyst.</summary>
public sealed record RecordOwner(string? Organisation, string? Analyst)
{
    public static readonly RecordOwner None = new(null, null);

    /// <summary>
    /// The owner of a record as it stands: an assessment belongs to its analyst (and their organisation); measures, goals and
    /// indicators to their owning organisation; a progress update to the owner of the goal or measure it reports on.
    /// </summary>
    public static async Task<RecordOwner> OfAsync(IBakenDb db, Record record, CancellationToken ct) => record switch
    {
        Assessment a => new RecordOwner(a.Organisation, a.Analyst),
        Baken.Domain.Workflow.Comment c => new RecordOwner(null, c.Author),
        Measure m => new RecordOwner(m.OwnerCode, null),
        StrategyGoal g => new RecordOwner(g.OwnerCode, null),
        Indicator i => new RecordOwner(i.OwnerCode, null),
        ProgressUpdate u => new RecordOwner(await SubjectOwnerAsync(db, u.Subject, ct), null),
        _ => None,
    };

    private static async Task<string?> SubjectOwnerAsync(IBakenDb db, string? subject, CancellationToken ct)
    {
        var parts = (subject ?? "").Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2) return null;
        return parts[0].ToLowerInvariant() switch
        {
            "goal" => await db.Goals.AsNoTracking().Where(g => g.Code == parts[1]).Select(g => g.OwnerCode).FirstOrDefaultAsync(ct),
            "measure" => await db.Measures.AsNoTracking().Where(m => m.Code == parts[1]).Select(m => m.OwnerCode).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }
}

/// <summary>
/// Checks the <see cref="PermissionMatrix"/> for a user. Every write use case asks here, so the web, the API and the command
/// line give the same answer; a refusal is <see cref="ResultStatus.Forbidden"/> (HTTP 403, exit code 5) and writes nothing.
/// </summary>
public static class Permission
{
    /// <summary>True when some role of the user may do the action to some record of the subject (the reach is checked per record).</summary>
    public static bool MayAtAll(ICurrentUser user, string subject, PermissionAction action) =>
        action == PermissionAction.Read || PermissionMatrix.Grants(user.IsInRole, subject, action).Any();

    /// <summary>Null when the user may do the action to a record with this owner; otherwise why not, in a sentence.</summary>
    public static string? Refusal(ICurrentUser user, string subject, PermissionAction action, RecordOwner owner)
    {
        var grants = PermissionMatrix.Grants(user.IsInRole, subject, action).ToList();
        if (grants.Any(g => Covers(user, g.Reach, owner))) return null;
        var verb = Verb(action);
        if (grants.Count == 0) return $"To {verb} {subject} needs the role {PermissionMatrix.RolesFor(subject, action)}.";
        return grants.Any(g => g.Reach == Reach.OwnAssessments)
            ? $"An assessment is written by its own analyst ('{owner.Analyst}') or a Coordinator."
            : grants.Any(g => g.Reach == Reach.OwnComments)
            ? $"A comment is changed or removed only by its author ('{owner.Analyst}')."
            : user.OrganisationCode is null
                ? $"To {verb} {subject} of an organisation, your account needs that organisation (ask an administrator), or the role Coordinator."
                : $"You may {verb} {subject} of your own organisation ('{user.OrganisationCode}') only; this one belongs to '{owner.Organisation ?? "no organisation"}'.";
    }

    /// <summary>The same check for a record kind; a kind outside the matrix is refused.</summary>
    public static string? RefusalForKind(ICurrentUser user, string kind, PermissionAction action, RecordOwner owner) =>
        PermissionMatrix.SubjectOf(kind) is { } subject ? Refusal(user, subject, action, owner) : $"No role may {Verb(action)} {kind} records.";

    /// <summary>A forbidden result for a whole request, before anything is read or written.</summary>
    public static Result<T>? Deny<T>(ICurrentUser user, string subject, PermissionAction action) =>
        MayAtAll(user, subject, action) ? null
            : Result<T>.Forbidden($"To {Verb(action)} {subject} needs the role {PermissionMatrix.RolesFor(subject, action)}.");

    /// <summary>A forbidden result for a batch, naming each refused line; nothing of the batch is written.</summary>
    public static Result<T> Refused<T>(IReadOnlyList<FieldError> refusals) =>
        new(ResultStatus.Forbidden, default, refusals,
            refusals.Count == 1 ? $"Refused: {refusals[0]}" : $"Refused: {refusals.Count} rows name records you may not write; nothing was written.");

    private static bool Covers(ICurrentUser user, Reach reach, RecordOwner owner) => reach switch
    {
        Reach.Any => true,
        Reach.OwnOrganisation => user.OrganisationCode is { Length: > 0 } mine && string.Equals(mine, owner.Organisation, StringComparison.OrdinalIgnoreCase),
        Reach.OwnAssessments or Reach.OwnComments => string.Equals(owner.Analyst, user.UserName, StringComparison.Ordinal),
        _ => false,
    };

    private static string Verb(PermissionAction action) => action switch
    {
        PermissionAction.Create => "create",
        PermissionAction.Edit => "edit",
        PermissionAction.Delete => "delete",
        PermissionAction.Import => "import",
        PermissionAction.Declassify => "lower the classification of",
        PermissionAction.Release => "release",
        _ => "read",
    };
}
