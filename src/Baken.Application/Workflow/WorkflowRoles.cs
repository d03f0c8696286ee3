using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Users;

namespace Baken.Application.Workflow;

/// <summary>
/// Who does what in the network's work (METHODS §7): the coordinator (working-group coordinator or secretary) opens,
/// assigns, returns, validates and closes; an analyst submits their own assessment (the 'workflow' subject of the
/// <see cref="Permissions.PermissionMatrix"/>). The administrator manages accounts, not content, and is no coordinator.
/// </summary>
public static class WorkflowRoles
{
    public static bool IsCoordinator(ICurrentUser user) => user.IsInRole(Roles.Coordinator);

    public static bool Is(ICurrentUser user, string userName) => string.Equals(user.UserName, userName, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static bool Names(IEnumerable<string> analysts, string userName) => analysts.Contains(userName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The refusal of a coordinator's task (<paramref name="what"/>: one of the task templates below) to anyone else.</summary>
    public static Result<T> NotCoordinator<T>(MessageTemplate what) => Result<T>.Forbidden(CoordinatorOnly.With(what));

    private static readonly MessageTemplate CoordinatorOnly = new("allowed.workflow.coordinatoronly", "Only a coordinator may {0}.");
    public static readonly MessageTemplate AssignAnalysts = new("allowed.workflow.task.assign", "assign analysts");
    public static readonly MessageTemplate MoveToNextRound = new("allowed.workflow.task.nextround", "move an assessment cycle to its next round");
    public static readonly MessageTemplate OpenCycleTask = new("allowed.workflow.task.opencycle", "open an assessment cycle");
    public static readonly MessageTemplate CloseCycleTask = new("allowed.workflow.task.closecycle", "close an assessment cycle");
    public static readonly MessageTemplate ReturnAssessment = new("allowed.workflow.task.return", "return an assessment");
    public static readonly MessageTemplate ValidateAssessment = new("allowed.workflow.task.validate", "validate an assessment");

    /// <summary>A cycle or a review that is closed takes no more work; one that is further along is not moved back.</summary>
    public static readonly MessageTemplate CycleClosed = new("allowed.workflow.cycleclosed", "Cycle '{0}' is closed.");
    public static readonly MessageTemplate CycleAlreadyClosed = new("allowed.workflow.cyclealreadyclosed", "Cycle '{0}' is already closed.");
    public static readonly MessageTemplate CycleExists = new("allowed.workflow.cycleexists", "A cycle with code '{0}' already exists.");
    public static readonly MessageTemplate CycleInRound = new("allowed.workflow.cycleinround", "Cycle '{0}' is already in round {1}.");
    public static readonly MessageTemplate NoCycle = new("allowed.workflow.nocycle", "No cycle with code '{0}'.");
    public static readonly MessageTemplate AnalystOrCoordinatorOpensReview = new("allowed.workflow.opensreview", "Only an analyst or a coordinator may open a likelihood review.");
    public static readonly MessageTemplate ReviewersClose = new("allowed.workflow.reviewersclose", "Only the review's analysts or a coordinator may close it.");
    public static readonly MessageTemplate ReviewClosed = new("allowed.workflow.reviewclosed", "Review '{0}' is already closed.");
    public static readonly MessageTemplate NoReview = new("allowed.workflow.noreview", "No likelihood review '{0}'.");
}
