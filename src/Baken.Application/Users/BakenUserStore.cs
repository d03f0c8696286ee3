using System.Globalization;
using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// Identity's store for Baken's <see cref="User"/>: names, password hashes and the lockout counters live on the user row of the
/// register's database. Lockout is always on; roles, clearance and compartments are Baken's own and not managed through Identity.
/// </summary>
public sealed class BakenUserStore(IBakenDb db) : IUserPasswordStore<User>, IUserLockoutStore<User>
{
    public async Task<IdentityResult> CreateAsync(User user, CancellationToken ct)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken ct)
    {
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public Task<User?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, CultureInfo.InvariantCulture, out var id) ? db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) : Task.FromResult<User?>(null);

    // User names are register codes: ASCII, so upper-casing in the database matches the invariant normaliser.
    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.UserName.ToUpper() == normalizedUserName, ct);

    public Task<string> GetUserIdAsync(User user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.UserName.ToUpperInvariant());

    public Task SetUserNameAsync(User user, string? userName, CancellationToken ct) =>
        userName == user.UserName ? Task.CompletedTask : throw new NotSupportedException("A user name is fixed once the account exists.");

    // The normalised name is derived from the name, not stored.
    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken ct) =>
        Task.FromResult(user.LockedUntilUtc is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : (DateTimeOffset?)null);

    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockedUntilUtc = lockoutEnd?.UtcDateTime;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(++user.FailedSignIns);

    public Task ResetAccessFailedCountAsync(User user, CancellationToken ct)
    {
        user.FailedSignIns = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(user.FailedSignIns);
    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken ct) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken ct) => Task.CompletedTask;

    // The database context belongs to the caller's unit of work.
    public void Dispose() { }
}
