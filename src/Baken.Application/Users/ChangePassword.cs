using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>A user replaces their password (required after a one-time password): the current one must be right, the new one strong.</summary>
public sealed class ChangePassword(IBakenDb db)
{
    public async Task<Result<string>> HandleAsync(string userName, string current, string replacement, CancellationToken ct = default)
    {
        using var users = BakenIdentity.UserManagerFor(db);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user?.PasswordHash is null || !await users.CheckPasswordAsync(user, current))
            return Result<string>.Invalid(new FieldError("current", "(hidden)", AllowedTexts.UsersYourCurrentPassword));
        if (replacement == current)
            return Result<string>.Invalid(new FieldError("password", "(hidden)", AllowedTexts.UsersPasswordDifferentCurrent));
        var changed = await users.ChangePasswordAsync(user, current, replacement);
        if (!changed.Succeeded) return Result<string>.Invalid(BakenIdentity.PasswordError(changed));
        user.MustChangePassword = false;
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(user.UserName);
    }
}
