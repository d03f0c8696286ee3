using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// Checks a password through Identity, which counts failures into a lockout (<see cref="BakenIdentity.MaxFailedSignIns"/> failures
/// lock the account for <see cref="BakenIdentity.LockoutDuration"/>). The answer for an unknown user, a locked account and a wrong
/// password is the same, and takes the same time, so sign-in does not reveal which accounts exist.
/// </summary>
/// <param name="hasher">The password hasher (default: Identity's PBKDF2 hasher); a test passes one that counts its work.</param>
public sealed class SignIn(IBakenDb db, IPasswordHasher<User>? hasher = null)
{
    private static string? _dummyHash;

    public async Task<User?> HandleAsync(string userName, string password, CancellationToken ct = default)
    {
        using var users = BakenIdentity.UserManagerFor(db, hasher);
        var user = await users.FindByNameAsync(userName);
        if (user?.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            // The same work as checking a real password, so an unknown or locked account answers as slowly as a wrong
            // password and the time does not tell which accounts exist.
            _dummyHash ??= users.PasswordHasher.HashPassword(default!, "no account has this password");
            users.PasswordHasher.VerifyHashedPassword(default!, _dummyHash, password);
            SecurityEvents.Log.SignInRefused(userName);
            return null;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            SecurityEvents.Log.SignInRefused(userName);
            if (await users.IsLockedOutAsync(user)) SecurityEvents.Log.AccountLocked(user.UserName);
            return null;
        }
        if (user.FailedSignIns != 0) await users.ResetAccessFailedCountAsync(user);
        if (user.LockedUntilUtc is not null) await users.SetLockoutEndDateAsync(user, null);
        SecurityEvents.Log.SignedIn(user.UserName);
        return user;
    }
}
