using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Baken.Application.Tests.Users;

/// <summary>The core's security events: each with its own id, with the user's name, never with a secret.</summary>
public sealed class SecurityEventsTests
{
    private const string Strong = "Zeer-Sterk-2026!";
    private static readonly FixedUser Admin = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "beheer", Roles.Administrator);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIns_Locks_AndTokens_AreLoggedAsSecurityEvents_WithTheirIds_AndNoSecret(DatabaseProvider provider)
    {
        var name = $"logboek-{provider}".ToLowerInvariant();
        var collector = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(collector).SetMinimumLevel(LogLevel.Information));
        SecurityEvents.Use(loggers);
        try
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            await using (var db = database.Context(Admin))
                (await new AddUser(db, Admin, TimeProvider.System).HandleAsync(new AddUserRequest(name, "Stg.C", null, "Analyst", Strong))).IsOk.ShouldBeTrue();

            await using (var db = database.Context(FixedUser.System))
                (await new SignIn(db).HandleAsync(name, Strong)).ShouldNotBeNull();
            string token;
            await using (var db = database.Context(FixedUser.System))
            {
                var me = new FixedUser(name, ClassificationLevel.StaatsgeheimConfidentieel, 0, [Roles.Analyst]);
                var tokens = new ApiTokens(db, me, TimeProvider.System);
                token = (await tokens.CreateAsync(name, "dashboard")).Value!;
                (await tokens.RevokeAllAsync(name)).ShouldBe(1);
            }
            for (var i = 0; i < BakenIdentity.MaxFailedSignIns; i++)
            {
                await using var db = database.Context(FixedUser.System);
                (await new SignIn(db).HandleAsync(name, "Fout-Wachtwoord-1!")).ShouldBeNull();
            }

            var mine = collector.Collector.GetSnapshot().Where(r => r.Category == SecurityEvents.Category && r.Message.Contains(name, StringComparison.Ordinal)).ToList();
            mine.Count(r => r.Id.Id == 2101).ShouldBe(1);
            mine.Count(r => r.Id.Id == 2102).ShouldBe(BakenIdentity.MaxFailedSignIns);
            mine.Count(r => r.Id.Id == 2103).ShouldBe(1);
            mine.Single(r => r.Id.Id == 2104).Message.ShouldContain("'dashboard'");
            mine.Single(r => r.Id.Id == 2105).Message.ShouldContain("1 token(s)");
            // Neither the password nor the token reaches the log.
            mine.ShouldNotContain(r => r.Message.Contains(Strong, StringComparison.Ordinal) || r.Message.Contains(token, StringComparison.Ordinal)
                                       || r.Message.Contains("Fout-Wachtwoord", StringComparison.Ordinal));
        }
        finally
        {
            SecurityEvents.Release(loggers);
        }
    }
}
