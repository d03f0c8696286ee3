using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// On an empty database, creates the administrator 'admin' with a one-time password (returned to be printed
/// once). On the embedded single-user database whoever holds the file holds everything in it, so the first
/// administrator gets the highest clearance and every compartment; multi-user deployments add named users
/// with their real clearance (docs/adr/0003). For the same reason it holds every role that writes content (Coordinator,
/// Analyst, Secretariat) next to Administrator; a multi-user deployment gives named users their own roles (docs/security.md).
/// </summary>
public sealed class EnsureAdministrator(IBakenDb db, TimeProvider clock)
{
    public const string AdminUserName = "admin";

    public async Task<string?> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var password = AddUser.GeneratePassword();
        var admin = new User(AdminUserName, ClassificationLevel.StaatsgeheimZeerGeheim, -1L)
        {
            DisplayName = "Administrator",
            Roles = [Roles.Administrator, Roles.Coordinator, Roles.Analyst, Roles.Secretariat],
            MustChangePassword = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        using var users = BakenIdentity.UserManagerFor(db);
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded) throw new InvalidOperationException("The administrator could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        return password;
    }
}
