using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Users;

/// <summary>Local accounts on ASP.NET Core Identity and personal API tokens, on both databases.</summary>
public sealed class AccountTests
{
    private const string Strong = "Zeer-Sterk-2026!";
    private static readonly FixedUser Admin = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "beheer", Roles.Administrator);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly FixedUser Analist = new("analist", ClassificationLevel.StaatsgeheimConfidentieel, 0, [Roles.Analyst]);

    private static async Task<TestDatabase> WithUserAsync(DatabaseProvider provider, string name = "analist")
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(Admin);
        var added = await new AddUser(db, Admin, TimeProvider.System).HandleAsync(new AddUserRequest(name, "Stg.C", null, "Analyst", Strong));
        added.IsOk.ShouldBeTrue(string.Join("; ", added.Errors));
        return database;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword_UntilTheLockoutEnds(DatabaseProvider provider)
    {
        await using var database = await WithUserAsync(provider);
        for (var i = 0; i < BakenIdentity.MaxFailedSignIns; i++)
        {
            await using var attempt = database.Context(FixedUser.System);
            (await new SignIn(attempt).HandleAsync("analist", "Fout-Wachtwoord-1!")).ShouldBeNull();
        }
        await using (var db = database.Context(FixedUser.System))
        {
            (await new SignIn(db).HandleAsync("analist", Strong)).ShouldBeNull();
            var user = await db.Users.SingleAsync(u => u.UserName == "analist");
            user.LockedUntilUtc.ShouldNotBeNull();
            user.LockedUntilUtc!.Value.ShouldBeInRange(DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
            // The lockout ends (moved into the past here instead of waiting a quarter of an hour).
            user.LockedUntilUtc = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }
        await using (var db = database.Context(FixedUser.System))
        {
            (await new SignIn(db).HandleAsync("analist", Strong)).ShouldNotBeNull();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "analist");
            user.LockedUntilUtc.ShouldBeNull();
            user.FailedSignIns.ShouldBe(0);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASuccessfulSignIn_ResetsTheFailureCount(DatabaseProvider provider)
    {
        await using var database = await WithUserAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var signIn = new SignIn(db);
        for (var i = 0; i < BakenIdentity.MaxFailedSignIns - 1; i++) (await signIn.HandleAsync("analist", "nope")).ShouldBeNull();
        (await signIn.HandleAsync("analist", Strong)).ShouldNotBeNull();
        for (var i = 0; i < BakenIdentity.MaxFailedSignIns - 1; i++) (await signIn.HandleAsync("analist", "nope")).ShouldBeNull();
        (await signIn.HandleAsync("analist", Strong)).ShouldNotBeNull();
        (await signIn.HandleAsync("nobody", Strong)).ShouldBeNull();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWeakPassword_IsRefused_NamingTheRule_WithoutSavingAnything(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        foreach (var weak in new[] { "short-1A!", "alllowercase-and-long-1!", "NoDigitsHere-Long!", "NoSymbols2026Long", "aaaaaaaaaaaA1!" })
        {
            await using var db = database.Context(Admin);
            var result = await new AddUser(db, Admin, TimeProvider.System).HandleAsync(new AddUserRequest("zwak", "Dep.V", "NIEUW-COMP", "Analyst", weak));
            result.Status.ShouldBe(ResultStatus.Invalid, weak);
            var error = result.Errors.ShouldHaveSingleItem();
            error.Field.ShouldBe("password");
            error.Value.ShouldBe("(hidden)");
            error.Allowed.ShouldContain("12 characters");
            string.Join(" ", result.Errors).ShouldNotContain(weak);
        }
        await using var check = database.Context(FixedUser.System);
        (await check.Users.CountAsync()).ShouldBe(0);
        (await check.Compartments.CountAsync(c => c.Code == "NIEUW-COMP")).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangingAPassword_NeedsTheCurrentOne_AndAStrongNewOne(DatabaseProvider provider)
    {
        await using var database = await WithUserAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var change = new ChangePassword(db);
        (await change.HandleAsync("analist", "wrong", "Nieuw-Wachtwoord-77")).Errors.Single().Field.ShouldBe("current");
        (await change.HandleAsync("analist", Strong, "zwak")).Errors.Single().Field.ShouldBe("password");
        (await change.HandleAsync("analist", Strong, "Nieuw-Wachtwoord-77")).IsOk.ShouldBeTrue();
        (await new SignIn(db).HandleAsync("analist", Strong)).ShouldBeNull();
        (await new SignIn(db).HandleAsync("analist", "Nieuw-Wachtwoord-77")).ShouldNotBeNull();
        // The hash is Identity's own format (version 3, PBKDF2), not the password or a bare digest.
        var hash = (await db.Users.AsNoTracking().SingleAsync()).PasswordHash!;
        Convert.FromBase64String(hash)[0].ShouldBe((byte)0x01);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tokens_CarryTheirScopes_ExpireAndAreRevokedOneByOne(DatabaseProvider provider)
    {
        await using var database = await WithUserAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var clock = new Clock(DateTimeOffset.UtcNow);
        // A person's tokens are minted by that person.
        var tokens = new ApiTokens(db, Analist, clock);

        var reader = (await tokens.CreateAsync("analist", "dashboard")).Value!;
        var writer = (await tokens.CreateAsync("analist", "import", "read;write", days: 30)).Value!;
        (await tokens.ResolveAsync(reader))!.Scopes.ShouldBe([TokenScopes.Read]);
        (await tokens.ResolveAsync(writer))!.Scopes.ShouldBe([TokenScopes.Read, TokenScopes.Write]);
        (await tokens.ResolveAsync(writer))!.User.UserName.ShouldBe("analist");

        // Only the hash is stored.
        var stored = await db.ApiTokens.AsNoTracking().Select(t => t.TokenHash).ToListAsync();
        stored.ShouldNotContain(reader);
        stored.ShouldContain(ApiTokens.Hash(reader));

        clock.Now = clock.Now.AddDays(31);
        (await tokens.ResolveAsync(writer)).ShouldBeNull();
        (await tokens.ResolveAsync(reader)).ShouldNotBeNull();

        var list = await tokens.ListAsync("analist");
        list.Select(t => t.Name).ShouldBe(["import", "dashboard"], ignoreOrder: true);
        (await tokens.RevokeAsync("analist", list.Single(t => t.Name == "dashboard").Id)).ShouldBe(ApiTokens.Hash(reader));
        (await tokens.ResolveAsync(reader)).ShouldBeNull();
        (await tokens.RevokeAsync("someone-else", list.Single(t => t.Name == "import").Id)).ShouldBeNull();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABadTokenRequest_NamesTheFieldAndValue_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var database = await WithUserAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var tokens = new ApiTokens(db, Analist, TimeProvider.System);
        var scope = await tokens.CreateAsync("analist", "x", "read;admin");
        scope.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("scopes"), e => e.Value.ShouldBe("admin"), e => e.Allowed.ShouldBe("read, write"));
        (await tokens.CreateAsync("analist", "x", "read", days: 0)).Errors.Single().Field.ShouldBe("days");
        (await tokens.CreateAsync("analist", "  ", "read")).Errors.Single().Field.ShouldBe("name");
        (await new ApiTokens(db, FixedUser.System, TimeProvider.System).CreateAsync("nobody", "x", "read")).Status.ShouldBe(ResultStatus.NotFound);
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
    }
}
