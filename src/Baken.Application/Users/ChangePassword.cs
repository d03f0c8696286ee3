using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>A user replaces their password (required after a one-time password): the current one must be right, the new one strong.</summary>
public sealed class ChangePassword(IBakenDb db)
{
    public async Task<Result<string>> HandleAsync(string userName, string current, string replacement, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        var hasher = new PasswordHasher<User>();
        if (user?.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
            return Result<string>.Invalid(new FieldError("current", "(hidden)", "your current password"));
        if (!AddUser.IsStrong(replacement))
            return Result<string>.Invalid(new FieldError("password", "(hidden)", $"at least {AddUser.MinPasswordLength} characters with upper case, lower case, a digit and a symbol"));
        if (replacement == current)
            return Result<string>.Invalid(new FieldError("password", "(hidden)", "a password different from the current one"));
        user.PasswordHash = hasher.HashPassword(user, replacement);
        user.MustChangePassword = false;
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(user.UserName);
    }
}
