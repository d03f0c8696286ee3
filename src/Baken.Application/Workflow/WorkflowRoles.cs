using Baken.Application.Common;
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

    public static Result<T> NotCoordinator<T>(string what) =>
        Result<T>.Forbidden($"Only a coordinator may {what}.");
}
