using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Register;

/// <summary>
/// The classification suite: with records at every level and in two compartments, each kind of user sees
/// exactly what they may through every use case — lists, reads, search, counts, exports and history.
/// </summary>
public sealed class ClassificationEnforcementTests
{
    public static IEnumerable<object[]> Cases() =>
        from p in TestDatabase.Providers()
        from u in ClassifiedFixture.Users()
        select new[] { p[0], u[0], u[1] };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task EveryReadPath_ShowsExactlyWhatTheUserMaySee(DatabaseProvider provider, ClassificationLevel clearance, long held)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        var user = TestDatabase.UserAt(clearance, held);
        await using var db = database.Context(user);

        var expected = ClassifiedFixture.All().Where(r => ClassifiedFixture.MaySee(clearance, held, r.Level, r.Mask))
            .Select(r => ClassifiedFixture.Marker(r.Level, r.Compartment)).Order().ToList();
        var hidden = ClassifiedFixture.All().Select(r => ClassifiedFixture.Marker(r.Level, r.Compartment)).Except(expected).ToList();

        var page = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("risk", PageSize: 500))).Value!;
        page.Items.Select(i => i.Code).Order().ShouldBe(expected);
        page.Total.ShouldBe(expected.Count);

        (await db.Risks.CountAsync()).ShouldBe(expected.Count);

        var search = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("risk", Search: "MARK"))).Value!;
        search.Total.ShouldBe(expected.Count);

        var export = (await new ExportRecords(db).HandleAsync("risk")).Value!;
        var exportText = string.Join("\n", export.SelectMany(r => r.Columns().Select(c => c.Value)));
        foreach (var marker in hidden) exportText.ShouldNotContain(marker);

        foreach (var marker in hidden)
        {
            var get = await new GetRecord(db).HandleAsync("risk", marker);
            get.Status.ShouldBe(ResultStatus.NotFound);
            (get.Message ?? "").ShouldNotContain("title");
            var history = await new GetHistory(db).HandleAsync("risk", marker);
            history.Status.ShouldBe(ResultStatus.NotFound);
        }
        foreach (var marker in expected)
            (await new GetHistory(db).HandleAsync("risk", marker)).Value!.Single().After!.ShouldContain(marker);

        // The audit trail as a whole is filtered too.
        var allHistory = await db.History.Select(h => h.AfterJson).ToListAsync();
        foreach (var marker in hidden) allHistory.ShouldAllBe(h => h == null || !h.Contains(marker));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Writing_AboveOwnClearance_IsRefusedAndNothingIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        var user = TestDatabase.UserAt(ClassificationLevel.DepartementaalVertrouwelijk, ClassifiedFixture.Nuc, null, Domain.Users.Roles.Coordinator);
        await using var db = database.Context(user);

        var result = await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest("risk", "UP-1", new Dictionary<string, string?>
        {
            ["title"] = "too high", ["kind"] = "hazard", ["classification"] = "Stg.G",
        }, SaveMode.Create));
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldContain(e => e.Field == "classification");

        var compartment = await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest("risk", "UP-2", new Dictionary<string, string?>
        {
            ["title"] = "wrong compartment", ["kind"] = "hazard", ["classification"] = "Dep.V", ["compartments"] = "CYB",
        }, SaveMode.Create));
        compartment.Status.ShouldBe(ResultStatus.Invalid);

        await using var system = database.Context(FixedUser.System);
        (await system.Risks.CountAsync(r => r.Code.StartsWith("UP-"))).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreatingWithTheCodeOfAHiddenRecord_DoesNotRevealIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        var user = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, null, Domain.Users.Roles.Coordinator);
        await using var db = database.Context(user);
        var hidden = ClassifiedFixture.Marker(ClassificationLevel.StaatsgeheimGeheim, "NONE");

        var result = await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest("risk", hidden,
            new Dictionary<string, string?> { ["title"] = "mine", ["kind"] = "hazard" }, SaveMode.Create));

        // The same conflict a visible record's code gets (no existence oracle), naming nothing of the hidden record.
        result.Status.ShouldBe(ResultStatus.Conflict);
        string.Join(" ", result.Errors.Select(e => e.Allowed)).ShouldNotContain("title");
        (result.Message ?? "").ShouldNotContain("mine");
        (result.Message ?? "").ShouldNotContain("Geheim");
        var edit = await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest("risk", hidden,
            new Dictionary<string, string?> { ["title"] = "overwrite" }, SaveMode.Update));
        edit.Status.ShouldBe(ResultStatus.NotFound);
    }
}

public sealed class PublicRoleTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicRole_SeesOnlyUnclassifiedRecordsMarkedForPublication_AndNoHistory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context(FixedUser.System))
        {
            var save = new SaveRecord(db, FixedUser.System);
            foreach (var (code, publishable) in new[] { ("R-PUB", "true"), ("R-DRAFT", "false") })
                (await save.HandleAsync(new SaveRecordRequest("risk", code, new Dictionary<string, string?>
                    { ["title"] = code, ["kind"] = "hazard", ["publishable"] = publishable }, SaveMode.Create))).IsOk.ShouldBeTrue();
        }
        var citizen = new FixedUser("burger", ClassificationLevel.Ongerubriceerd, 0, [Domain.Users.Roles.Public]);
        await using var view = database.Context(citizen);
        (await view.Risks.Select(r => r.Code).ToListAsync()).ShouldBe(["R-PUB"]);
        (await view.History.CountAsync()).ShouldBe(0);

        var analyst = new FixedUser("ana", ClassificationLevel.Ongerubriceerd, 0, [Domain.Users.Roles.Analyst]);
        await using var internalView = database.Context(analyst);
        (await internalView.Risks.CountAsync()).ShouldBe(2);
    }
}
