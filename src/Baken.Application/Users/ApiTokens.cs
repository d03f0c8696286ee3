using System.Security.Cryptography;
using System.Text;
using Baken.Application.Common;
using Baken.Application.Permissions;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

public sealed record TokenView(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc);

/// <summary>The user a token acts for and what it may do.</summary>
public sealed record ResolvedToken(User User, IReadOnlyList<string> Scopes);

/// <summary>
/// Personal API tokens: created once (shown once), stored as a SHA-256 hash, scoped (<see cref="TokenScopes"/>), expiring within
/// <see cref="MaxDays"/>, and revocable one by one or all at once. A token is minted by its owner, from a signed-in session or the
/// command line (never by another token); an administrator mints for a service account within reach and manages any account's
/// tokens within reach (docs/security.md).
/// </summary>
public sealed class ApiTokens(IBakenDb db, ICurrentUser caller, TimeProvider clock)
{
    public const string Prefix = "bkn_";
    public const int MaxDays = 366;

    /// <summary>The account when the caller may do the action to its tokens; otherwise a forbidden (or not-found) result.</summary>
    public async Task<Result<User>> AccessAsync(string userName, PermissionAction action, CancellationToken ct = default)
    {
        if (caller.ViaApiToken)
            return Result<User>.Forbidden(AllowedTexts.TokensNotWithToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        var own = user is not null && user.UserName == caller.UserName;
        var grants = PermissionMatrix.Grants(caller.IsInRole, PermissionMatrix.Tokens, action).ToList();
        if (own && grants.Any(g => g.Reach == Reach.Self)) return Result<User>.Ok(user!);
        if (!grants.Any(g => g.Reach == Reach.WithinReach))
            return Result<User>.Forbidden(own ? AllowedTexts.TokensNeedsRole.With(Permission.RolesFor(PermissionMatrix.Tokens, action))
                : AllowedTexts.TokensOwnerOrAdministrator);
        if (user is null) return Result<User>.NotFound(AccessGrants.NoUser.With(userName));
        if (!AccessGrants.WithinReach(caller, user)) return Result<User>.Forbidden(AccessGrants.OutOfReach);
        // An administrator mints only for a service account: a person's token is minted by that person, so nobody acts in their name.
        if (action == PermissionAction.Create && !user.IsServiceAccount)
            return Result<User>.Forbidden(AllowedTexts.TokensOwnTokens.With(userName));
        return Result<User>.Ok(user);
    }

    /// <param name="scopes">Scopes separated by ';' or ','; null means read only.</param>
    /// <param name="days">Days until the token expires (1 to <see cref="MaxDays"/>); null means <see cref="MaxDays"/>.</param>
    public async Task<Result<string>> CreateAsync(string userName, string name, string? scopes = null, int? days = null, CancellationToken ct = default)
    {
        var access = await AccessAsync(userName, PermissionAction.Create, ct);
        if (!access.IsOk) return Result<string>.Failed(access);
        var errors = new List<FieldError>();
        var list = (scopes ?? TokenScopes.Read).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => x.ToLowerInvariant()).Distinct().ToList();
        foreach (var bad in list.Where(x => !TokenScopes.All.Contains(x))) errors.Add(new FieldError("scopes", bad, AllowedTexts.Kinds.With(string.Join(", ", TokenScopes.All))));
        if (list.Count == 0) errors.Add(new FieldError("scopes", scopes ?? "", AllowedTexts.Kinds.With(string.Join(", ", TokenScopes.All))));
        if (days is < 1 or > MaxDays) errors.Add(new FieldError("days", days.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.UsersDays.With(MaxDays)));
        var label = name.Trim();
        if (label.Length is 0 or > 100) errors.Add(new FieldError("name", label.Length > 100 ? label[..100] + "…" : label, AllowedTexts.UsersName1100Characters));
        if (errors.Count > 0) return Result<string>.Invalid(errors);
        var user = access.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id, Name = label, TokenHash = Hash(token), CreatedAtUtc = now,
            Scopes = [.. TokenScopes.All.Where(list.Contains)], ExpiresAtUtc = now.AddDays(days ?? MaxDays),
        });
        await db.SaveChangesAsync(ct);
        SecurityEvents.Log.TokenIssued(caller.UserName, user.UserName, label, string.Join(";", TokenScopes.All.Where(list.Contains)));
        return Result<string>.Ok(token);
    }

    public async Task<IReadOnlyList<TokenView>> ListAsync(string userName, CancellationToken ct = default)
    {
        if (await AccessAsync(userName, PermissionAction.Read, ct) is not { IsOk: true, Value: { } user }) return [];
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TokenView(t.Id, t.Name, t.Scopes, t.CreatedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc)).ToList();
    }

    /// <summary>Revokes one token of a user; returns its hash (so a cache of resolved tokens can forget it), or null when the user has no such active token.</summary>
    public async Task<string?> RevokeAsync(string userName, Guid tokenId, CancellationToken ct = default)
    {
        if (await AccessAsync(userName, PermissionAction.Delete, ct) is not { IsOk: true, Value: { } user }) return null;
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id && t.RevokedAtUtc == null, ct);
        if (row is null) return null;
        row.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        SecurityEvents.Log.TokensRevoked(caller.UserName, user.UserName, 1);
        return row.TokenHash;
    }

    /// <summary>Revokes every token of a user; returns how many were active (null when the user does not exist).</summary>
    public async Task<int?> RevokeAllAsync(string userName, CancellationToken ct = default)
    {
        if (await AccessAsync(userName, PermissionAction.Delete, ct) is not { IsOk: true, Value: { } user }) return null;
        var active = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var t in active) t.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (active.Count > 0) SecurityEvents.Log.TokensRevoked(caller.UserName, user.UserName, active.Count);
        return active.Count;
    }

    /// <summary>The user and scopes of an active token; null for an unknown, revoked or expired one.</summary>
    public async Task<ResolvedToken?> ResolveAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = Hash(token);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // No token outlives MaxDays, whatever its row says (tokens made before the limit had none).
        if (row is null || row.ExpiresAtUtc is { } until && until <= now || row.CreatedAtUtc.AddDays(MaxDays) <= now) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == row.UserId, ct);
        return user is null ? null : new ResolvedToken(user, row.Scopes);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
