using Baken.Domain.Users;

namespace Baken.Application.Permissions;

/// <summary>What a user does to a subject. Read is bounded further by clearance and compartments (the query filter).</summary>
public enum PermissionAction { Read, Create, Edit, Delete, Import, Declassify, Release }

/// <summary>Which records of a subject a cell covers.</summary>
public enum Reach
{
    /// <summary>Every record of the subject the user can see.</summary>
    Any,
    /// <summary>Records owned by the user's own organisation (<c>User.OrganisationCode</c>).</summary>
    OwnOrganisation,
    /// <summary>Assessments whose analyst is the user.</summary>
    OwnAssessments,
    /// <summary>Comments whose author is the user.</summary>
    OwnComments,
    /// <summary>The user's own account (tokens).</summary>
    Self,
    /// <summary>Accounts cleared no higher than the administrator and holding no compartment the administrator lacks.</summary>
    WithinReach,
}

/// <summary>One cell of the matrix: a role may do these actions to a subject, within a reach, for a reason.</summary>
public sealed record PermissionCell(string Subject, string Role, IReadOnlyList<PermissionAction> Actions, Reach Reach, string Reason);

/// <summary>
/// Who may do what: role × subject × action, as data in one place (docs/security.md shows it as a table; a test keeps the two
/// equal). A subject is a group of record kinds, or accounts and tokens. A role not named for a subject may only read it.
/// </summary>
public static class PermissionMatrix
{
    public const string Catalogue = "catalogue";
    public const string Assessments = "assessments";
    public const string AnalysisRuns = "analysis-runs";
    public const string Intelligence = "intelligence";
    public const string Strategy = "strategy";
    public const string Councils = "councils";
    public const string Signals = "signals";
    public const string Feeds = "feeds";
    public const string Workflow = "workflow";
    public const string Comments = "comments";
    public const string Accounts = "accounts";
    public const string Tokens = "tokens";

    /// <summary>The record kinds of each subject; accounts and tokens are not records.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Kinds = new Dictionary<string, IReadOnlyList<string>>
    {
        [Catalogue] = ["interest", "criterion", "scale", "theme", "risk", "scenario", "actor", "organisation", "source", "vital-process", "catalogue-entry", "dependency", "capability"],
        [Assessments] = ["assessment"],
        [AnalysisRuns] = ["analysis-run", "release-record"], // releases are products of the same chain, released by whoever may release runs
        [Intelligence] = ["stix-object"],
        [Strategy] = ["measure", "goal", "indicator", "progress-update"],
        [Councils] = ["council", "council-member", "meeting", "agenda-item", "decision", "action", "document"],
        [Signals] = ["signal", "trend", "warning-indicator", "observation", "alert", "scenario-frame"],
        [Feeds] = ["feed"],
        [Workflow] = ["cycle", "cycle-assignment", "likelihood-review"],
        [Comments] = ["comment"],
        [Accounts] = [],
        [Tokens] = [],
    };

    private const PermissionAction R = PermissionAction.Read, C = PermissionAction.Create, E = PermissionAction.Edit, D = PermissionAction.Delete,
        I = PermissionAction.Import, X = PermissionAction.Declassify, L = PermissionAction.Release;

    private static PermissionCell Cell(string subject, string role, Reach reach, string reason, params PermissionAction[] actions) =>
        new(subject, role, actions, reach, reason);

    public static readonly IReadOnlyList<PermissionCell> Cells =
    [
        Cell(Catalogue, Roles.Coordinator, Reach.Any, "keeps the catalogue: interests, criteria, scales, themes, risks, scenarios, actors, sources, vital processes, dependencies, capabilities", R, C, E, D, I, X, L),
        Cell(Assessments, Roles.Coordinator, Reach.Any, "validates assessments and may enter one on an analyst's behalf; the history says \"entered by X for Y\"", R, C, E, D, I, X, L),
        Cell(Assessments, Roles.Analyst, Reach.OwnAssessments, "an assessment is the judgement of one analyst: only they write it (and may lower its marking, as its originator)", R, C, E, D, I, X),
        Cell(AnalysisRuns, Roles.Coordinator, Reach.Any, "runs the analysis whose result becomes 'the latest analysis' for everyone", R, C, L),
        Cell(Intelligence, Roles.Coordinator, Reach.Any, "brings STIX bundles into the register", R, C, I, X, L),
        Cell(Intelligence, Roles.Analyst, Reach.Any, "horizon scanning: imports threat intelligence to review", R, C, I),
        Cell(Strategy, Roles.Coordinator, Reach.Any, "keeps the strategy together: editions, goals across organisations", R, C, E, D, I, X, L),
        Cell(Strategy, Roles.PolicyOwner, Reach.OwnOrganisation, "a ministry answers for its own measures, goals, indicators and progress updates, and may lower their marking as their originator", R, C, E, D, I, X),
        Cell(Councils, Roles.Secretariat, Reach.Any, "prepares councils: meetings, agenda items, papers, decisions and follow-up actions", R, C, E, D, I),
        Cell(Councils, Roles.Coordinator, Reach.Any, "corrects and lowers the marking of council records (declassification is the coordinator's) and releases public summaries; creating them is the secretariat's", R, E, X, L),
        Cell(Signals, Roles.Coordinator, Reach.Any, "manages early warning: indicators, thresholds, alerts", R, C, E, D, I, X, L),
        Cell(Signals, Roles.Analyst, Reach.Any, "reviews signals (accept, reject, merge), records trends and observations", R, C, E, I),
        Cell(Feeds, Roles.Coordinator, Reach.Any, "a feed pulls outside content in on a schedule: added by the coordinator only", R, C, E, D),
        Cell(Workflow, Roles.Coordinator, Reach.Any, "opens, assigns and closes assessment cycles and returns or validates submitted assessments (docs/workflow.md); the register only shows these records", R, C, E),
        Cell(Workflow, Roles.Analyst, Reach.Any, "opens a likelihood review from an alert and closes the reviews they are named on; submits their own assessments", R, C, E),
        Cell(Comments, Roles.Coordinator, Reach.OwnComments, "discusses the scenarios of the method with the analysts; a comment is its author's words: only they change or remove it", R, C, E, D),
        Cell(Comments, Roles.Analyst, Reach.OwnComments, "discusses the scenarios and criteria they assess; a comment is its author's words: only they change or remove it", R, C, E, D),
        Cell(Accounts, Roles.Administrator, Reach.WithinReach, "accounts and system settings: add, edit, reset password, unlock, only within the administrator's own clearance and compartments", R, C, E),
        Cell(Tokens, Roles.Administrator, Reach.WithinReach, "mints and revokes tokens of service accounts (no password) within reach; revokes any token within reach", R, C, D),
        Cell(Tokens, Roles.Administrator, Reach.Self, "the administrator's own tokens", R, C, D),
        Cell(Tokens, Roles.Coordinator, Reach.Self, "own tokens, from a signed-in session or the command line", R, C, D),
        Cell(Tokens, Roles.Analyst, Reach.Self, "own tokens, from a signed-in session or the command line", R, C, D),
        Cell(Tokens, Roles.PolicyOwner, Reach.Self, "own tokens, from a signed-in session or the command line", R, C, D),
        Cell(Tokens, Roles.Secretariat, Reach.Self, "own tokens, from a signed-in session or the command line", R, C, D),
        Cell(Tokens, Roles.CouncilMember, Reach.Self, "own tokens, for reading by a machine client", R, C, D),
        Cell(Tokens, Roles.Public, Reach.Self, "own tokens, to read the released public products by a machine client", R, C, D),
    ];

    /// <summary>Why a role that has no cell for a subject may still read it.</summary>
    public static string ReadOnlyReason(string role) => role switch
    {
        Roles.Public => "reads released public products only: Ongerubriceerd, no compartment, marked publishable (the query filter)",
        Roles.CouncilMember => "reads what their clearance allows, to prepare and follow meetings",
        Roles.Administrator => "manages accounts, not content; reads within clearance",
        _ => "reads within clearance; writing this belongs to another role",
    };

    /// <summary>The subject a record kind belongs to, or null for a kind not in the matrix.</summary>
    public static string? SubjectOf(string kind) =>
        Kinds.FirstOrDefault(k => k.Value.Contains(kind, StringComparer.OrdinalIgnoreCase)).Key;

    /// <summary>The cells that let one of the user's roles do the action to the subject (none: refused).</summary>
    public static IEnumerable<PermissionCell> Grants(Func<string, bool> isInRole, string subject, PermissionAction action) =>
        Cells.Where(c => c.Subject == subject && c.Actions.Contains(action) && isInRole(c.Role));

    /// <summary>The roles that may do the action to the subject at all, for messages.</summary>
    public static string RolesFor(string subject, PermissionAction action) =>
        string.Join(" or ", Cells.Where(c => c.Subject == subject && c.Actions.Contains(action)).Select(c => c.Role).Distinct()) is { Length: > 0 } s ? s : "no role";

    /// <summary>The matrix as the markdown table of docs/security.md.</summary>
    public static string MarkdownTable()
    {
        var lines = new List<string>
        {
            "| subject | record kinds | " + string.Join(" | ", Roles.All) + " |",
            "|---|---|" + string.Concat(Roles.All.Select(_ => "---|")),
        };
        foreach (var (subject, kinds) in Kinds)
        {
            var cells = Roles.All.Select(role =>
            {
                var mine = Cells.Where(c => c.Subject == subject && c.Role == role).ToList();
                if (mine.Count == 0) return subject is Accounts or Tokens ? "—" : "R";
                return string.Join("; ", mine.Select(c => Letters(c.Actions) + (c.Reach == Reach.Any ? "" : $" ({ReachText(c.Reach)})")));
            });
            lines.Add($"| {subject} | {(kinds.Count == 0 ? "—" : string.Join(", ", kinds))} | {string.Join(" | ", cells)} |");
        }
        return string.Join("\n", lines);
    }

    /// <summary>Every cell with its reason, as the second table of docs/security.md.</summary>
    public static string MarkdownReasons() =>
        string.Join("\n", new[] { "| subject | role | may | reason |", "|---|---|---|---|" }
            .Concat(Cells.Select(c => $"| {c.Subject} | {c.Role} | {Letters(c.Actions)}{(c.Reach == Reach.Any ? "" : $" ({ReachText(c.Reach)})")} | {c.Reason} |"))
            .Concat(Roles.All.Select(r => $"| any other | {r} | R | {ReadOnlyReason(r)} |")));

    public static string ReachText(Reach reach) => reach switch
    {
        Reach.OwnOrganisation => "own organisation",
        Reach.OwnAssessments => "own assessments",
        Reach.OwnComments => "own comments",
        Reach.Self => "own account",
        Reach.WithinReach => "accounts within reach",
        _ => "any",
    };

    private static string Letters(IEnumerable<PermissionAction> actions) => string.Concat(actions.Select(a => a switch
    {
        PermissionAction.Read => "R", PermissionAction.Create => "C", PermissionAction.Edit => "E", PermissionAction.Delete => "D",
        PermissionAction.Import => "I", PermissionAction.Declassify => "X", _ => "L",
    }));
}
