using System.Security.Cryptography;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <param name="Compartments">Compartment codes separated by ';'. Codes not yet defined are created (administrators only).</param>
/// <param name="Password">Null generates a one-time password that must be changed at first sign-in.</param>
/// <param name="Service">A service account: no password, nobody signs in as it; it carries tokens an administrator mints.</param>
public sealed record AddUserRequest(string UserName, string Clearance, string? Compartments, string? Roles, string? Password = null,
    string? DisplayName = null, string? Organisation = null, bool Service = false);

public sealed record AddedUser(string UserName, string Clearance, IReadOnlyList<string> Compartments, IReadOnlyList<string> Roles, string? OneTimePassword);

/// <summary>Creates an account with a clearance, compartments and roles.</summary>
public sealed class AddUser(IBakenDb db, ICurrentUser caller, TimeProvider clock)
{
    private static readonly MessageTemplate AdministratorAdds = new("allowed.users.adminadds", "Only an administrator can add users.");

    public async Task<Result<AddedUser>> HandleAsync(AddUserRequest request, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (!Permissions.Permission.MayAtAll(caller, Permissions.PermissionMatrix.Accounts, Permissions.PermissionAction.Create))
            return Result<AddedUser>.Forbidden(AdministratorAdds);
        if (!RecordCode.IsValid(request.UserName)) errors.Add(new FieldError("userName", request.UserName, RecordCode.Rule));
        else if (await db.Users.AnyAsync(u => u.UserName == request.UserName.Trim(), ct))
            errors.Add(new FieldError("userName", request.UserName, AllowedTexts.UsersUserNameNotTaken));
        var clearance = AccessGrants.Clearance(request.Clearance, caller, errors);
        var roles = AccessGrants.Roles(request.Roles, errors);
        using var users = BakenIdentity.UserManagerFor(db);
        if (request.Service && request.Password is not null) errors.Add(new FieldError("password", "(given)", AllowedTexts.UsersNoPasswordServiceAccount));
        if (request.Password is { } pw && await BakenIdentity.CheckPasswordAsync(users, pw) is { Succeeded: false } weak)
            errors.Add(BakenIdentity.PasswordError(weak));
        var codes = AccessGrants.CompartmentCodes(request.Compartments, errors);
        if (errors.Count > 0) return Result<AddedUser>.Invalid(errors);

        var mask = await AccessGrants.CompartmentMaskAsync(db, caller, codes, errors, ct);
        if (errors.Count > 0) return Result<AddedUser>.Invalid(errors);

        var oneTime = request.Password is null && !request.Service ? GeneratePassword() : null;
        var user = new User(request.UserName.Trim(), clearance, mask)
        {
            DisplayName = request.DisplayName?.Trim() ?? request.UserName.Trim(),
            OrganisationCode = request.Organisation,
            Roles = [.. roles],
            MustChangePassword = oneTime is not null,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Identity checks the password rules and the name's uniqueness, hashes the password and stores the account (with any new
        // compartments, in the same save). Nothing is saved when it refuses.
        var created = request.Service ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password ?? oneTime!);
        if (!created.Succeeded)
        {
            return Result<AddedUser>.Invalid(created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? BakenIdentity.PasswordError(created)
                : new FieldError("userName", request.UserName, AllowedTexts.UsersUserNameNotTaken));
        }
        return Result<AddedUser>.Ok(new AddedUser(user.UserName, clearance.DisplayName(), codes, user.Roles, oneTime));
    }

    /// <summary>A random password that satisfies the rules of <see cref="BakenIdentity"/>, from the operating system's secure generator.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_!@#%+=";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
