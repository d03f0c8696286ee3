using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Register;

/// <summary>
/// Records found by a list of codes (the masks of referenced codes on every list page, a search's page): the statement
/// is the same for any list, so EF Core translates it once under load, and the clearance filter still applies.
/// </summary>
public sealed class CodeFilterTests
{
    private static readonly FixedUser Low = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "laag", "Coordinator");
    private static readonly FixedUser High = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, 0, "hoog", "Coordinator");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSql_IsTheSameForOneCodeAndForForty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(Low);
        string Sql(int count) => string.Join("\n", RecordKinds.Theme.Query(db).WhereCodeIn(Enumerable.Range(1, count).Select(i => $"T{i}"))
            .Select(r => r.Code).ToQueryString().Split('\n')
            // The parameters' values are printed above the statement (".param set" on SQLite, "-- @" on PostgreSQL).
            .Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("--", StringComparison.Ordinal)));

        Sql(40).ShouldBe(Sql(1));
        Sql(1).ShouldNotContain("T1");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindsTheListedCodesTheReaderMaySee_AndNothingElse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        foreach (var (code, classification) in new[] { ("T-OPEN", "Ongerubriceerd"), ("T_2.1", "Ongerubriceerd"), ("T-OTHER", "Ongerubriceerd"), ("T-SECRET", "Stg.G") })
        {
            await using var write = database.Context(High);
            (await new SaveRecord(write, High).HandleAsync(new SaveRecordRequest("theme", code,
                new Dictionary<string, string?> { ["name"] = code, ["classification"] = classification }, SaveMode.Create))).IsOk.ShouldBeTrue(code);
        }

        await using var db = database.Context(Low);
        var found = await RecordKinds.Theme.Query(db).WhereCodeIn(["T-OPEN", "T_2.1", "T-SECRET", "T-NONE"]).Select(r => r.Code).ToListAsync();
        found.Order(StringComparer.Ordinal).ShouldBe(["T-OPEN", "T_2.1"]);
        (await RecordKinds.Theme.Query(db).WhereCodeIn([]).CountAsync()).ShouldBe(0);
    }
}
