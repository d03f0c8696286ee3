using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Assessments;
using Baken.Domain.Strategy;
using Baken.Domain.Users;
using Baken.Domain.Workflow;
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
        Comment c => new RecordOwner(null, c.Author),
        Measure m => new RecordOwner(m.OwnerCode, null),
        StrategyGoal g => new RecordOwner(g.OwnerCode, null),
        Indicator i => new RecordOwner(i.OwnerCode, null),
        ProgressUpdate u => new RecordOwner(await SubjectOwnerAsync(db, u.Subject, ct), null),
        _ => None,
    };

    private static async Task<string?> SubjectOwnerAsync(IBakenDb db, RecordLink? subject, CancellationToken ct)
    {
        var code = subject?.Code;
        return subject?.Kind switch
        {
            "goal" => await db.Goals.AsNoTracking().Where(g => g.Code == code).Select(g => g.OwnerCode).FirstOrDefaultAsync(ct),
            "measure" => await db.Measures.AsNoTracking().Where(m => m.Code == code).Select(m => m.OwnerCode).FirstOrDefaultAsync(ct),
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
    // The refusals' texts (issue 17): keys with arguments, so a Dutch page says them in Dutch; the English, which the
    // API and the CLI show, is word for word what the core has always written.
    private static readonly MessageTemplate NeedsRole = new("allowed.permissions.needsrole", "To {0} {1} needs the role {2}.");
    private static readonly MessageTemplate OwnAssessment = new("allowed.permissions.ownassessment", "An assessment is written by its own analyst ('{0}') or a Coordinator.");
    private static readonly MessageTemplate OwnComment = new("allowed.permissions.owncomment", "A comment is changed or removed only by its author ('{0}').");
    private static readonly MessageTemplate NeedsOrganisation = new("allowed.permissions.needsorganisation",
        "To {0} {1} of an organisation, your account needs that organisation (ask an administrator), or the role Coordinator.");
    private static readonly MessageTemplate OwnOrganisation = new("allowed.permissions.ownorganisation",
        "You may {0} {1} of your own organisation ('{2}') only; this one belongs to '{3}'.");
    private static readonly MessageTemplate NoOrganisation = new("allowed.permissions.noorganisation", "no organisation");
    private static readonly MessageTemplate NoRoleForKind = new("allowed.permissions.norole", "No role may {0} {1} records.");
    private static readonly MessageTemplate RefusedRows = new("allowed.permissions.refusedrows", "Refused: {0} rows name records you may not write; nothing was written.");
    private static readonly MessageTemplate NoRole = new("allowed.permissions.noroles", "no role");
    private static readonly MessageTemplate Or = new("allowed.permissions.or", "{0} or {1}");

    private static readonly IReadOnlyDictionary<PermissionAction, MessageTemplate> Verbs = new Dictionary<PermissionAction, MessageTemplate>
    {
        [PermissionAction.Read] = new("allowed.permissions.verb.read", "read"),
        [PermissionAction.Create] = new("allowed.permissions.verb.create", "create"),
        [PermissionAction.Edit] = new("allowed.permissions.verb.edit", "edit"),
        [PermissionAction.Delete] = new("allowed.permissions.verb.delete", "delete"),
        [PermissionAction.Import] = new("allowed.permissions.verb.import", "import"),
        [PermissionAction.Declassify] = new("allowed.permissions.verb.declassify", "lower the classification of"),
        [PermissionAction.Release] = new("allowed.permissions.verb.release", "release"),
    };

    /// <summary>The subjects of the matrix as words (their codes are English: "analysis-runs").</summary>
    private static readonly IReadOnlyDictionary<string, MessageTemplate> Subjects =
        PermissionMatrix.Kinds.Keys.ToDictionary(s => s, s => new MessageTemplate($"allowed.permissions.subject.{s.Replace("-", "", StringComparison.Ordinal)}", s));

    private static readonly IReadOnlyDictionary<string, MessageTemplate> RoleNames =
        Roles.All.ToDictionary(r => r, r => new MessageTemplate($"allowed.permissions.role.{r.ToLowerInvariant()}", r));

    /// <summary>True when some role of the user may do the action to some record of the subject (the reach is checked per record).</summary>
    public static bool MayAtAll(ICurrentUser user, string subject, PermissionAction action) =>
        action == PermissionAction.Read || PermissionMatrix.Grants(user.IsInRole, subject, action).Any();

    /// <summary>Null when the user may do the action to a record with this owner; otherwise why not, in a sentence.</summary>
    public static ValidationMessage? Refusal(ICurrentUser user, string subject, PermissionAction action, RecordOwner owner)
    {
        var grants = PermissionMatrix.Grants(user.IsInRole, subject, action).ToList();
        if (grants.Any(g => Covers(user, g.Reach, owner))) return null;
        var verb = Verbs[action];
        if (grants.Count == 0) return NeedsRole.With(verb, Subject(subject), RolesFor(subject, action));
        return grants.Any(g => g.Reach == Reach.OwnAssessments)
            ? OwnAssessment.With(owner.Analyst ?? "")
            : grants.Any(g => g.Reach == Reach.OwnComments)
            ? OwnComment.With(owner.Analyst ?? "")
            : user.OrganisationCode is null
                ? NeedsOrganisation.With(verb, Subject(subject))
                : OwnOrganisation.With(verb, Subject(subject), user.OrganisationCode, owner.Organisation is { } o ? o : (object)NoOrganisation);
    }

    /// <summary>The same check for a record kind; a kind outside the matrix is refused.</summary>
    public static ValidationMessage? RefusalForKind(ICurrentUser user, string kind, PermissionAction action, RecordOwner owner) =>
        PermissionMatrix.SubjectOf(kind) is { } subject ? Refusal(user, subject, action, owner) : NoRoleForKind.With(Verbs[action], kind);

    /// <summary>A forbidden result for a whole request, before anything is read or written.</summary>
    public static Result<T>? Deny<T>(ICurrentUser user, string subject, PermissionAction action) =>
        MayAtAll(user, subject, action) ? null : Result<T>.Forbidden(NeedsRole.With(Verbs[action], Subject(subject), RolesFor(subject, action)));

    /// <summary>The sentence "To VERB SUBJECT needs the role ROLES.", e.g. for a page that refuses before asking a use case.</summary>
    public static ValidationMessage NeedsRoleText(string subject, PermissionAction action) =>
        NeedsRole.With(Verbs[action], Subject(subject), RolesFor(subject, action));

    /// <summary>A forbidden result for a batch, naming each refused line; nothing of the batch is written.</summary>
    public static Result<T> Refused<T>(IReadOnlyList<FieldError> refusals) =>
        Result<T>.RefusedRows(refusals, RefusedRows.With(refusals.Count)); // one row's own problem says it in the reader's language

    /// <summary>The roles that may do the action, "Coordinator or Analyst", each in the reader's language.</summary>
    internal static ValidationMessage RolesFor(string subject, PermissionAction action)
    {
        var roles = PermissionMatrix.Cells.Where(c => c.Subject == subject && c.Actions.Contains(action)).Select(c => c.Role).Distinct()
            .Select(r => RoleNames.TryGetValue(r, out var t) ? (ValidationMessage)t : ValidationMessage.Verbatim(r)).ToList();
        return roles.Count == 0 ? NoRole : roles.Skip(1).Aggregate(roles[0], (all, next) => Or.With(all, next));
    }

    private static ValidationMessage Subject(string subject) =>
        Subjects.TryGetValue(subject, out var t) ? t : ValidationMessage.Verbatim(subject);

    private static bool Covers(ICurrentUser user, Reach reach, RecordOwner owner) => reach switch
    {
        Reach.Any => true,
        Reach.OwnOrganisation => user.OrganisationCode is { Length: > 0 } mine && string.Equals(mine, owner.Organisation, StringComparison.OrdinalIgnoreCase),
        Reach.OwnAssessments or Reach.OwnComments => string.Equals(owner.Analyst, user.UserName, StringComparison.Ordinal),
        _ => false,
    };
}
