using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Register;

/// <summary>
/// Issue 18: a code list is a typed list in the database (JSON on SQLite, <c>text[]</c> on PostgreSQL), its text form
/// ("a;b") only at the edges. Filters and "who refers to this code" are asked of the database; the history reads as before.
/// The same body on SQLite and PostgreSQL.
/// </summary>
public sealed class TypedCodeListTests
{
    private static readonly FixedUser Coordinator = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "coord", "Coordinator");

    private static async Task<Result<RecordView>> SaveAsync(TestDatabase database, string kind, string code, SaveMode mode, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(Coordinator);
        return await new SaveRecord(db, Coordinator).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), mode));
    }

    private static async Task<TestDatabase> GoalsAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        foreach (var code in new[] { "S-1", "S-10", "S-2" })
            (await SaveAsync(database, "scenario", code, SaveMode.Create, ("title", code), ("kind", "hazard"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, "goal", "GOAL-1", SaveMode.Create, ("title", "een"), ("edition", "GBVS"), ("scenarios", " S-2 ; S-1;;S-2"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, "goal", "GOAL-2", SaveMode.Create, ("title", "twee"), ("edition", "GBVS"), ("scenarios", "S-10"))).IsOk.ShouldBeTrue();
        return database;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACodeList_IsStoredAsTypedCodes_AndReadsAsText_InShowAndHistory(DatabaseProvider provider)
    {
        await using var database = await GoalsAsync(provider);
        await using var db = database.Context(Coordinator);

        var stored = await db.Goals.AsNoTracking().SingleAsync(g => g.Code == "GOAL-1");
        stored.Scenarios.ShouldBe(["S-2", "S-1"]); // trimmed, empty parts and duplicates gone, order kept
        (await new GetRecord(db).HandleAsync("goal", "GOAL-1")).Value!.Fields["scenarios"].ShouldBe("S-2;S-1");
        var history = (await new GetHistory(db).HandleAsync("goal", "GOAL-1")).Value!;
        history.ShouldHaveSingleItem().Changes.ShouldContain(c => c.Field == "scenarios" && c.After == "S-2;S-1");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SavingTheSameCodesAgain_KeepsTheVersion_WhileAChangedListIsANewVersionWithBothTextsInTheHistory(DatabaseProvider provider)
    {
        await using var database = await GoalsAsync(provider);

        (await SaveAsync(database, "goal", "GOAL-1", SaveMode.Update, ("scenarios", "S-2;S-1"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, "goal", "GOAL-1", SaveMode.Update, ("scenarios", "S-1;S-10"))).IsOk.ShouldBeTrue();

        await using var db = database.Context(Coordinator);
        var history = (await new GetHistory(db).HandleAsync("goal", "GOAL-1")).Value!;
        history.Select(h => h.Version).ShouldBe([1, 2]);
        history[^1].Changes.ShouldContain(c => c.Field == "scenarios" && c.Before == "S-2;S-1" && c.After == "S-1;S-10");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AListFilter_FindsTheRecordsHoldingTheCode_InAnyCase_AndNotACodeThatOnlyStartsLikeIt(DatabaseProvider provider)
    {
        await using var database = await GoalsAsync(provider);
        await using var db = database.Context(Coordinator);

        async Task<IEnumerable<string>> Filter(string value) =>
            (await new ListRecords(db).HandleAsync(new ListRecordsRequest("goal", Filters: new Dictionary<string, string> { ["scenarios"] = value }))).Value!.Items.Select(i => i.Code);

        (await Filter("S-1")).ShouldBe(["GOAL-1"]);
        (await Filter("s-10")).ShouldBe(["GOAL-2"]);
        (await Filter("S-3")).ShouldBeEmpty();
        // The database answers the question on its own (json_each on SQLite, unnest on PostgreSQL): no row is loaded to be split.
        (await db.Goals.Where(CodeListQueries.Holds(nameof(Baken.Domain.Strategy.StrategyGoal.Scenarios), "S-10")).Select(r => r.Code).ToListAsync())
            .ShouldBe(["GOAL-2"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeletingACodeInAList_IsRefusedNamingTheHolder_AndACascadeDropsOnlyThatCode(DatabaseProvider provider)
    {
        await using var database = await GoalsAsync(provider);

        await using (var db = database.Context(Coordinator))
        {
            var refused = await new DeleteRecord(db, Coordinator).HandleAsync(new DeleteRecordRequest("scenario", "S-1"));
            refused.Status.ShouldBe(ResultStatus.Conflict);
            refused.Message!.ShouldContain("1 goal (GOAL-1)");
        }
        await using (var db = database.Context(Coordinator))
            (await new DeleteRecord(db, Coordinator).HandleAsync(new DeleteRecordRequest("scenario", "S-1", Cascade: true))).IsOk.ShouldBeTrue();
        await using (var db = database.Context(Coordinator))
        {
            (await db.Goals.AsNoTracking().SingleAsync(g => g.Code == "GOAL-1")).Scenarios.ShouldBe(["S-2"]);
            (await db.Goals.AsNoTracking().SingleAsync(g => g.Code == "GOAL-2")).Scenarios.ShouldBe(["S-10"]);
        }
    }

    [Fact]
    public void APartThatIsNoCode_IsAFieldErrorNamingTheFieldAndThePart()
    {
        var field = RecordKinds.Goal.Field("measures")!;
        var tooLong = new string('M', RecordCode.MaxLength + 1);

        var error = Should.Throw<DomainValidationException>(() => field.Set(new Baken.Domain.Strategy.StrategyGoal(), "M-1;" + tooLong));

        error.Field.ShouldBe("measures");
        error.Value.ShouldBe(tooLong);
        error.AllowedValues.ShouldContain("codes of existing measure records");
    }
}
