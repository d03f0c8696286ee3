using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

public sealed record UserView(string UserName, string DisplayName, string Clearance, IReadOnlyList<string> Compartments, IReadOnlyList<string> Roles, bool MustChangePassword);

/// <summary>The accounts, for administrators.</summary>
public sealed class ListUsers(IBakenDb db, ICurrentUser caller)
{
    private static readonly MessageTemplate AdministratorLists = new("allowed.users.adminlists", "Only an administrator can list users.");

    public async Task<Result<IReadOnlyList<UserView>>> HandleAsync(CancellationToken ct = default)
    {
        if (!caller.IsInRole(Domain.Users.Roles.Administrator))
            return Result<IReadOnlyList<UserView>>.Forbidden(AdministratorLists);
        var compartments = await CompartmentDirectory.LoadAsync(db, ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        return Result<IReadOnlyList<UserView>>.Ok(users.Select(u => new UserView(u.UserName, u.DisplayName, u.Clearance.DisplayName(),
            u.CompartmentMask == -1 ? ["(all)"] : compartments.Names(u.CompartmentMask), u.Roles, u.MustChangePassword)).ToList());
    }
}
