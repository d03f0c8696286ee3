using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// Checks a password through Identity, which counts failures into a lockout (<see cref="BakenIdentity.MaxFailedSignIns"/> failures
/// lock the account for <see cref="BakenIdentity.LockoutDuration"/>). The answer for an unknown user, a locked account and a wrong
/// password is the same, so sign-in does not reveal which accounts exist.
/// </summary>
public sealed class SignIn(IBakenDb db)
{
    public async Task<User?> HandleAsync(string userName, string password, CancellationToken ct = default)
    {
        using var users = BakenIdentity.UserManagerFor(db);
        var user = await users.FindByNameAsync(userName);
        if (user?.PasswordHash is null) return null;
        if (await users.IsLockedOutAsync(user)) return null;
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return null;
        }
        if (user.FailedSignIns != 0) await users.ResetAccessFailedCountAsync(user);
        if (user.LockedUntilUtc is not null) await users.SetLockoutEndDateAsync(user, null);
        return user;
    }
}
