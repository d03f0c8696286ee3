using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Users;

/// <summary>
/// Issue 13: sign-in answered an unknown or locked account in ~5 ms and a wrong password in ~100 ms, so the time told which
/// accounts exist. Asserted deterministically, not with a clock: every failed sign-in (unknown name, locked account, account
/// without a password, wrong password) does exactly one password verification, the work that takes the time, and answers
/// the same (null).
/// </summary>
public sealed class SignInTimingTests
{
    private const string Strong = "Zeer-Sterk-2026!";

    /// <summary>Identity's own hasher, counting the verifications it does.</summary>
    private sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new();
        public int Verifications { get; private set; }
        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownLockedPasswordlessAndWrongPassword_TakeTheSamePath_OneVerificationEach(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context(FixedUser.System))
        {
            var add = new AddUser(db, FixedUser.System, TimeProvider.System);
            (await add.HandleAsync(new AddUserRequest("open", "Stg.C", null, "Analyst", Strong))).IsOk.ShouldBeTrue();
            (await add.HandleAsync(new AddUserRequest("dicht", "Stg.C", null, "Analyst", Strong))).IsOk.ShouldBeTrue();
            (await add.HandleAsync(new AddUserRequest("dienst", "Stg.C", null, "Analyst"))).IsOk.ShouldBeTrue();
            var locked = await db.Users.SingleAsync(u => u.UserName == "dicht");
            locked.LockedUntilUtc = DateTime.UtcNow.AddMinutes(15);
            // A service account has no password at all (docs/security.md).
            var service = await db.Users.SingleAsync(u => u.UserName == "dienst");
            service.PasswordHash = null;
            await db.SaveChangesAsync();
        }

        async Task<(User? User, int Verifications)> TryAsync(string name, string password)
        {
            await using var db = database.Context(FixedUser.System);
            var hasher = new CountingHasher();
            var user = await new SignIn(db, hasher).HandleAsync(name, password);
            return (user, hasher.Verifications);
        }

        foreach (var (what, name, password) in new[]
                 {
                     ("an unknown account", "niemand", Strong), ("a locked account, right password", "dicht", Strong),
                     ("a locked account, wrong password", "dicht", "Fout-Wachtwoord-1!"), ("an account without a password", "dienst", Strong),
                     ("a wrong password", "open", "Fout-Wachtwoord-1!"),
                 })
        {
            var (user, verifications) = await TryAsync(name, password);
            user.ShouldBeNull(what);
            verifications.ShouldBe(1, what);
        }
        // The right password does the same one verification, and signs in.
        var (signedIn, work) = await TryAsync("open", Strong);
        signedIn.ShouldNotBeNull();
        work.ShouldBe(1);
    }
}
