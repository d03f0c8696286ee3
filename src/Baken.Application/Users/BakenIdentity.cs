using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baken.Application.Users;

/// <summary>
/// Local accounts run on ASP.NET Core Identity: its <see cref="UserManager{TUser}"/> checks passwords (PBKDF2 hashes, rehashed
/// when the algorithm's settings move on), enforces the password rules and counts failed sign-ins into a lockout. Baken's own
/// <see cref="User"/> (clearance, compartments, roles) is the Identity user, kept by <see cref="BakenUserStore"/> in the register's
/// database, so SQLite and PostgreSQL both carry it and no second user table can drift from the first.
/// </summary>
public static class BakenIdentity
{
    public const int MinPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>What a password must be, in the words error messages use.</summary>
    public static readonly MessageTemplate PasswordRule = new("allowed.users.passwordrule", "at least 12 characters, 6 of them different, with upper case, lower case, a digit and a symbol");
    // Identity's own descriptions of what is missing stay in its words (English).
    private static readonly MessageTemplate PasswordRuleBroken = new("allowed.users.passwordrulebroken", "{0} ({1})");

    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = MinPasswordLength;
        o.Password.RequireUppercase = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireDigit = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Password.RequiredUniqueChars = 6;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        // User names are register codes (RecordCode decides what they may contain); Identity checks only that they are unique.
        o.User.AllowedUserNameCharacters = "";
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>A user manager over the given database, configured by <see cref="Configure"/>. Dispose it with the unit of work.</summary>
    public static UserManager<User> UserManagerFor(IBakenDb db, IPasswordHasher<User>? hasher = null)
    {
        var options = new IdentityOptions();
        Configure(options);
        return new UserManager<User>(new BakenUserStore(db), Options.Create(options), hasher ?? new PasswordHasher<User>(),
            [new UserValidator<User>()], [new PasswordValidator<User>()], new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(),
            services: null!, NullLogger<UserManager<User>>.Instance);
    }

    /// <summary>The password rules Identity found broken, as one field error that never repeats the password.</summary>
    public static FieldError PasswordError(IdentityResult result) =>
        new("password", "(hidden)", PasswordRuleBroken.With(PasswordRule, ValidationMessage.Verbatim(string.Join(" ", result.Errors.Select(e => e.Description)))));

    /// <summary>Checks a password against every rule of <see cref="Configure"/> without storing anything.</summary>
    public static async Task<IdentityResult> CheckPasswordAsync(UserManager<User> users, string password)
    {
        var broken = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            broken.AddRange((await validator.ValidateAsync(users, new User("check", default, 0), password)).Errors);
        return broken.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. broken]);
    }
}
