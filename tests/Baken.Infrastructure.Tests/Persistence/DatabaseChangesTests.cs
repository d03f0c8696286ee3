using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baken.Infrastructure.Tests.Persistence;

/// <summary>
/// Answers remembered until the database changes (<see cref="IBakenDb.RememberedAsync{T}"/>): kept while nothing is
/// committed, read again after any commit — through Baken, or by another program on its own connection — and never shared
/// between readers who may see different things.
/// </summary>
public sealed class DatabaseChangesTests
{
    private static readonly FixedUser High = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, 0, "hoog", "Coordinator");
    private static readonly FixedUser Low = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "laag", "Coordinator");

    private static BakenDbContext Context(TestDatabase database, ICurrentUser user, DatabaseChanges changes) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<BakenDbContext>(), database.Options).Options, user, TimeProvider.System, changes);

    private static async Task SaveThemeAsync(TestDatabase database, string code, string classification = "Ongerubriceerd")
    {
        await using var write = database.Context(High);
        (await new SaveRecord(write, High).HandleAsync(new SaveRecordRequest("theme", code,
            new Dictionary<string, string?> { ["name"] = code, ["classification"] = classification }, SaveMode.Create))).IsOk.ShouldBeTrue(code);
    }

    /// <summary>Counts how often the question was really asked of the database.</summary>
    private static Func<CancellationToken, Task<int>> CountingThemes(IBakenDb db, Action asked) => async ct =>
    {
        asked();
        return await db.Themes.CountAsync(ct);
    };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAnswerIsKeptUntilACommit_ByBakenOrByAnotherProgram(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var changes = new DatabaseChanges(database.Options);
        var asked = 0;

        async Task<int> AskAsync()
        {
            await using var db = Context(database, Low, changes);
            return await db.RememberedAsync("themes", CountingThemes(db, () => asked++));
        }

        // Kept: a second request right after the first is answered from memory. On PostgreSQL the version is the
        // cluster's snapshot, which other tests' writes (other databases, same server) move too, so there it must hold in
        // at least one of several tries; on SQLite, where only this file counts, at once.
        async Task<int> KeptAsync()
        {
            for (var attempt = 0; attempt < (provider == DatabaseProvider.Sqlite ? 1 : 50); attempt++)
            {
                var first = await AskAsync();
                var askedBefore = asked;
                var second = await AskAsync();
                second.ShouldBe(first);
                if (asked == askedBefore) return first;
            }
            throw new ShouldAssertException("Two requests with nothing committed in between were never answered from memory.");
        }

        var before = await KeptAsync();

        await SaveThemeAsync(database, "TCH1");
        var askedBefore = asked;
        (await AskAsync()).ShouldBe(before + 1, "a commit through Baken (another context) is seen at the next request");
        asked.ShouldBe(askedBefore + 1);
        (await KeptAsync()).ShouldBe(before + 1);

        // A commit that Baken did not make: another program on its own connection.
        await using (var other = OtherConnection(database))
        {
            await other.OpenAsync();
            await using var touch = other.CreateCommand();
            touch.CommandText = """UPDATE "Themes" SET "UpdatedBy" = 'elders' WHERE "Code" = 'TCH1'""";
            (await touch.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        askedBefore = asked;
        (await AskAsync()).ShouldBe(before + 1);
        asked.ShouldBe(askedBefore + 1, "any commit, whoever made it, makes the next request read again");
        (await KeptAsync()).ShouldBe(before + 1);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadersWhoSeeDifferentThings_NeverShareAnAnswer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SaveThemeAsync(database, "TCH-SECRET", "Stg.G");
        using var changes = new DatabaseChanges(database.Options);

        await using (var high = Context(database, High, changes))
            (await new ListRecords(high).HandleAsync(new ListRecordsRequest("theme"))).Value!.Items.Select(i => i.Code).ShouldContain("TCH-SECRET");
        await using var low = Context(database, Low, changes);
        var page = (await new ListRecords(low).HandleAsync(new ListRecordsRequest("theme"))).Value!;
        page.Items.Select(i => i.Code).ShouldNotContain("TCH-SECRET");
        page.Total.ShouldBe(page.Items.Count, "the count the higher reader was given is not the lower reader's");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AContextsOwnSave_AndATransaction_AreNeverAnsweredFromBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var changes = new DatabaseChanges(database.Options);
        await using var db = Context(database, High, changes);
        var list = new ListRecords(db);
        var before = (await list.HandleAsync(new ListRecordsRequest("theme"))).Value!.Total;

        // The same context saves and lists again at once (as a page that creates and then shows the list does).
        (await new SaveRecord(db, High).HandleAsync(new SaveRecordRequest("theme", "TCH2",
            new Dictionary<string, string?> { ["name"] = "TCH2", ["classification"] = "Ongerubriceerd" }, SaveMode.Create))).IsOk.ShouldBeTrue();
        (await list.HandleAsync(new ListRecordsRequest("theme"))).Value!.Total.ShouldBe(before + 1);

        // Inside a transaction the uncommitted state is what the context sees: nothing is remembered there.
        var asked = 0;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.RememberedAsync("themes", CountingThemes(db, () => asked++));
        await db.RememberedAsync("themes", CountingThemes(db, () => asked++));
        asked.ShouldBe(2);
    }

    [Fact]
    public async Task AnInMemoryDatabase_HasNoVersion_SoEveryCallReads()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" };
        using var changes = new DatabaseChanges(options);
        await using var db = new BakenDbContext(DatabaseSetup.Configure(new DbContextOptionsBuilder<BakenDbContext>(), options).Options, Low, TimeProvider.System, changes);
        var asked = 0;
        (await db.RememberedAsync("n", _ => { asked++; return Task.FromResult(asked); })).ShouldBe(1);
        (await db.RememberedAsync("n", _ => { asked++; return Task.FromResult(asked); })).ShouldBe(2);
    }

    private static System.Data.Common.DbConnection OtherConnection(TestDatabase database) =>
        database.Options.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.Options.ConnectionString)
            : new NpgsqlConnection(database.Options.ConnectionString);
}
