using System.Security.Cryptography;
using System.Text;
using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// Checks a password, with lockout after repeated failures. The answer for an unknown user and for a wrong
/// password is the same, so sign-in does not reveal which accounts exist.
/// </summary>
public sealed class SignIn(IBakenDb db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<User?> HandleAsync(string userName, string password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user?.PasswordHash is null) return null;
        if (user.LockedUntilUtc is { } until && until > now) return null;
        var outcome = new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash, password);
        if (outcome == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailures) { user.LockedUntilUtc = now + LockoutDuration; user.FailedSignIns = 0; }
            await db.SaveChangesAsync(ct);
            return null;
        }
        if (user.FailedSignIns != 0 || user.LockedUntilUtc is not null)
        {
            user.FailedSignIns = 0;
            user.LockedUntilUtc = null;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }
}

/// <summary>Personal API tokens: created once (shown once), stored as a SHA-256 hash, revocable.</summary>
public sealed class ApiTokens(IBakenDb db, TimeProvider clock)
{
    public const string Prefix = "bkn_";

    public async Task<string?> CreateAsync(string userName, string name, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return null;
        var token = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = name, TokenHash = Hash(token), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Revokes every token of a user; returns how many were active (null when the user does not exist).</summary>
    public async Task<int?> RevokeAllAsync(string userName, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return null;
        var active = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var t in active) t.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return active.Count;
    }

    public async Task<User?> ResolveAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = Hash(token);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, ct);
        return row is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == row.UserId, ct);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
