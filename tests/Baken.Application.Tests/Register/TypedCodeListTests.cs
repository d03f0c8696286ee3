using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Analysis;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Baken.Domain.Strategy;
using Baken.Domain.Users;
using Baken.Domain.Workflow;
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

    private static readonly FixedUser Secretary = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "sec", "Secretariat");

    private static Task<Result<RecordView>> SaveAsync(TestDatabase database, string kind, string code, SaveMode mode, params (string Field, string? Value)[] values) =>
        SaveAsync(database, Coordinator, kind, code, mode, values);

    private static async Task<Result<RecordView>> SaveAsync(TestDatabase database, FixedUser user, string kind, string code, SaveMode mode, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(user);
        return await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), mode));
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
        (await db.Goals.Where(CodeListQueries.Holds(nameof(StrategyGoal.Scenarios), "S-10")).Select(r => r.Code).ToListAsync())
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

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NameLists_AreTypedLists_ReadAsText_AndTheDatabaseFindsTheRecordsHoldingAName(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context(Coordinator))
        {
            var user = new User("analyst-a", ClassificationLevel.Ongerubriceerd, 0) { Roles = [Roles.Analyst, Roles.Secretariat] };
            db.Users.Add(user);
            db.Users.Add(new User("coord-b", ClassificationLevel.Ongerubriceerd, 0) { Roles = [Roles.Coordinator] });
            await db.SaveChangesAsync();
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "t", TokenHash = "h1", Scopes = ["read", "write"] });
            var assignment = new CycleAssignment { CycleCode = "C-1", ScenarioCode = "S-1" };
            RecordKinds.CycleAssignment.Field("analysts")!.Set(assignment, " analyst-a ; coord-b;;analyst-a");
            RecordKinds.CycleAssignment.Field("organisations")!.Set(assignment, "WODC;AIVD");
            assignment.Recode("C-1.S-1");
            db.AddRecord(assignment);
            var review = new LikelihoodReview { AlertCode = "A-1", ScenarioCode = "S-1", Analysts = ["coord-b"] };
            review.Recode("REV-A-1-S-1");
            db.AddRecord(review);
            var run = new AnalysisRun { AssessmentCodes = ["AS-1", "AS-10"] };
            run.Recode("RUN-1");
            db.AddRecord(run);
            var fileRun = new AnalysisRun();
            fileRun.Recode("RUN-2");
            db.AddRecord(fileRun);
            var stix = new StixObjectRecord { StixType = "report" };
            RecordKinds.StixObject.Field("labels")!.Set(stix, "threat-report;Ransomware");
            stix.Recode("report--1");
            db.AddRecord(stix);
            await db.SaveChangesAsync();
        }

        await using var read = database.Context(Coordinator);
        (await read.Users.Where(u => u.Roles.Contains(Roles.Secretariat)).Select(u => u.UserName).ToListAsync()).ShouldBe(["analyst-a"]);
        (await read.ApiTokens.Where(t => t.Scopes.Contains("write")).CountAsync()).ShouldBe(1);
        var stored = await read.CycleAssignments.AsNoTracking().SingleAsync(a => a.Analysts.Contains("coord-b") && a.Organisations.Contains("AIVD"));
        stored.Analysts.ShouldBe(["analyst-a", "coord-b"]); // trimmed, empty parts and duplicates gone, order kept
        RecordKinds.CycleAssignment.Field("organisations")!.Get(stored).ShouldBe("WODC;AIVD");
        (await read.LikelihoodReviews.CountAsync(r => r.Analysts.Contains("coord-b"))).ShouldBe(1);
        // The blind-round rule asks the same of a run's assessments; "AS-1" is no prefix match of "AS-10".
        (await read.AnalysisRuns.Where(r => r.AssessmentCodes.Contains("AS-10")).Select(r => r.Code).ToListAsync()).ShouldBe(["RUN-1"]);
        (await read.AnalysisRuns.Where(r => r.AssessmentCodes.Count == 0).Select(r => r.Code).ToListAsync()).ShouldBe(["RUN-2"]);
        RecordKinds.AnalysisRun.Field("assessments")!.Get(await read.AnalysisRuns.SingleAsync(r => r.Code == "RUN-2")).ShouldBe(""); // as the text column read
        (await new ListRecords(read).HandleAsync(new ListRecordsRequest("stix-object", Filters: new Dictionary<string, string> { ["labels"] = "ransomware" })))
            .Value!.Items.Select(i => i.Code).ShouldBe(["report--1"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HeldCompartments_AreOneCodePerEntry_AndAnUnknownOneIsAFieldErrorNamingIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context(Coordinator))
        {
            db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
            db.Compartments.Add(new Compartment("CYB", "Cyber", 1));
            await db.SaveChangesAsync();
        }
        var council = await SaveAsync(database, Secretary, "council", "RAAD", SaveMode.Create, ("name", "Raad"));
        council.IsOk.ShouldBeTrue(council.Message + string.Join("; ", council.Errors));
        var member = await SaveAsync(database, Secretary, "council-member", "LID-1", SaveMode.Create, ("council", "RAAD"), ("name", "Lid"), ("held_compartments", "NUC, CYB;NUC"));
        member.IsOk.ShouldBeTrue(member.Message + string.Join("; ", member.Errors));
        var refused = await SaveAsync(database, Secretary, "council-member", "LID-2", SaveMode.Create, ("council", "RAAD"), ("name", "Lid"), ("held_compartments", "NUC;XYZ"));

        refused.Status.ShouldBe(ResultStatus.Invalid);
        refused.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("held_compartments"), e => e.Value.ShouldBe("XYZ"));
        await using var read = database.Context(Coordinator);
        (await read.CouncilMembers.AsNoTracking().SingleAsync(m => m.HeldCompartments.Contains("CYB"))).HeldCompartments.ShouldBe(["NUC", "CYB"]);
        (await read.CouncilMembers.CountAsync(m => m.Code == "LID-2")).ShouldBe(0); // a refusal writes nothing
    }

    [Fact]
    public void APartThatIsNoCode_IsAFieldErrorNamingTheFieldAndThePart()
    {
        var field = RecordKinds.Goal.Field("measures")!;
        var tooLong = new string('M', RecordCode.MaxLength + 1);

        var error = Should.Throw<DomainValidationException>(() => field.Set(new StrategyGoal(), "M-1;" + tooLong));

        error.Field.ShouldBe("measures");
        error.Value.ShouldBe(tooLong);
        error.AllowedValues.ShouldContain("codes of existing measure records");
    }
}
