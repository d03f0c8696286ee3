using Baken.Methods.Cascades.Compound;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Capabilities;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Register;

/// <summary>
/// Issue 18 item 1: a scenario's disruptions, capability needs and compound dependence, an organisation's capability
/// levels and a measure's capability raises are typed values, each stored as one JSON column with typed members; their
/// text forms live only at the edge (the record fields). A part that cannot be read is a field error and nothing is saved.
/// The same body on SQLite and PostgreSQL.
/// </summary>
public sealed class TypedScenarioValuesTests
{
    private static readonly FixedUser Coordinator = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "coord", "Coordinator");

    private static async Task<Result<RecordView>> SaveAsync(TestDatabase database, string kind, string code, SaveMode mode, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(Coordinator);
        return await new SaveRecord(db, Coordinator).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), mode));
    }

    /// <summary>What the column holds, as the database has it (table and column are this test's constants; the code is a parameter).</summary>
    private static async Task<string?> StoredAsync(BakenDbContext db, string table, string column, string code) =>
#pragma warning disable EF1003
        (await db.Database.SqlQueryRaw<string?>("SELECT \"" + column + "\" AS \"Value\" FROM \"" + table + "\" WHERE \"Code\" = {0}", code).ToListAsync()).Single();
#pragma warning restore EF1003

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TextForms_AreStoredTyped_AndReadBackAsTheSameValuesAndTheirTextForms(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await SaveAsync(database, "scenario", "S-A", SaveMode.Create, ("title", "Deel A"), ("kind", "hazard"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, "scenario", "S-B", SaveMode.Create, ("title", "Deel B"), ("kind", "hazard"))).IsOk.ShouldBeTrue();
        var scenario = await SaveAsync(database, "scenario", "S-C", SaveMode.Create, ("title", "Samen"), ("kind", "hazard"), ("components", "S-A;S-B"),
            ("capabilities", " CAP-MED@Response=4;CAP-COMM=3 "), ("disruptions", "1: 24h;6:  12.5h 0.25"), ("dependence", " Conditional 0.3; 0.5"));
        scenario.IsOk.ShouldBeTrue(string.Join("; ", scenario.Errors));
        (await SaveAsync(database, "organisation", "ORG-X", SaveMode.Create, ("name", "Organisatie X"), ("capabilities", "CAP-MED=2;CAP-CYBER=0"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, "measure", "M-X", SaveMode.Create, ("title", "Maatregel X"), ("capability_raises", "CAP-MED+1; CAP-COMM = +2"))).IsOk.ShouldBeTrue();

        await using (var db = database.Context(Coordinator))
        {
            var s = await db.Scenarios.AsNoTracking().SingleAsync(x => x.Code == "S-C");
            s.Capabilities.ShouldBe([new CapabilityNeed("CAP-MED", CapabilityPhase.Response, 4), new CapabilityNeed("CAP-COMM", CapabilityPhase.Any, 3)]);
            s.Disruptions.ShouldBe([new ScenarioDisruption("1", 24), new ScenarioDisruption("6", 12.5, 0.25)]);
            s.Dependence.ShouldBe(new CompoundDependence(DependenceKind.Conditional, [0.3, 0.5]));
            (await db.Scenarios.AsNoTracking().SingleAsync(x => x.Code == "S-A")).Dependence.ShouldBeNull();
            (await db.Organisations.AsNoTracking().SingleAsync(x => x.Code == "ORG-X")).Capabilities
                .ShouldBe([new CapabilityLevel("CAP-MED", 2), new CapabilityLevel("CAP-CYBER", 0)]);
            (await db.Measures.AsNoTracking().SingleAsync(x => x.Code == "M-X")).CapabilityRaises
                .ShouldBe([new CapabilityRaise("CAP-MED", 1), new CapabilityRaise("CAP-COMM", 2)]);

            // One JSON column per field, with typed members, not the text.
            (await StoredAsync(db, "Scenarios", "Disruptions", "S-C")).ShouldBe("""[{"process":"1","hours":24,"severity":1},{"process":"6","hours":12.5,"severity":0.25}]""");
            (await StoredAsync(db, "Scenarios", "Capabilities", "S-C")).ShouldBe("""[{"capability":"CAP-MED","phase":"response","level":4},{"capability":"CAP-COMM","phase":"any","level":3}]""");
            (await StoredAsync(db, "Scenarios", "Dependence", "S-C")).ShouldBe("""{"kind":"conditional","conditional":[0.3,0.5]}""");
            (await StoredAsync(db, "Scenarios", "Dependence", "S-A")).ShouldBeNull();
            (await StoredAsync(db, "Organisations", "Capabilities", "ORG-X")).ShouldBe("""[{"capability":"CAP-MED","level":2},{"capability":"CAP-CYBER","level":0}]""");
            (await StoredAsync(db, "Measures", "CapabilityRaises", "M-X")).ShouldBe("""[{"capability":"CAP-MED","by":1},{"capability":"CAP-COMM","by":2}]""");

            // The text forms, as the record, the export and the history show them.
            var fields = (await new GetRecord(db).HandleAsync("scenario", "S-C")).Value!.Fields;
            fields["capabilities"].ShouldBe("CAP-MED@response=4; CAP-COMM=3");
            fields["disruptions"].ShouldBe("1: 24h; 6: 12.5h 0.25");
            fields["dependence"].ShouldBe("conditional 0.3;0.5");
            (await new GetRecord(db).HandleAsync("organisation", "ORG-X")).Value!.Fields["capabilities"].ShouldBe("CAP-MED=2; CAP-CYBER=0");
            (await new GetRecord(db).HandleAsync("measure", "M-X")).Value!.Fields["capability_raises"].ShouldBe("CAP-MED+1; CAP-COMM+2");
            (await new GetHistory(db).HandleAsync("scenario", "S-C")).Value!.ShouldHaveSingleItem().Changes
                .ShouldContain(c => c.Field == "disruptions" && c.After == "1: 24h; 6: 12.5h 0.25");
        }

        // The same values written another way are no change (the columns' comparers see typed values); a changed one is.
        (await SaveAsync(database, "scenario", "S-C", SaveMode.Update, ("disruptions", "1: 24.0h 1; 6: 12.5h 0.25"), ("dependence", "conditional 0.30;0.5"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, "scenario", "S-C", SaveMode.Update, ("disruptions", "1: 48h"), ("dependence", "independent"))).IsOk.ShouldBeTrue();
        await using (var db = database.Context(Coordinator))
        {
            var history = (await new GetHistory(db).HandleAsync("scenario", "S-C")).Value!;
            history.Select(h => h.Version).ShouldBe([1, 2]);
            history[^1].Changes.ShouldContain(c => c.Field == "disruptions" && c.Before == "1: 24h; 6: 12.5h 0.25" && c.After == "1: 48h");
            history[^1].Changes.ShouldContain(c => c.Field == "dependence" && c.Before == "conditional 0.3;0.5" && c.After == "independent");
            var s = await db.Scenarios.AsNoTracking().SingleAsync(x => x.Code == "S-C");
            s.Disruptions.ShouldBe([new ScenarioDisruption("1", 48)]);
            s.Dependence.ShouldBe(CompoundDependence.Independent);
        }
    }

    public static TheoryData<DatabaseProvider, string, string, string, string, string> BadParts()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "scenario", "disruptions", "1: 24h; 6: soon", "6: soon", "hours from more than 0 to 8760");
            data.Add(provider, "scenario", "disruptions", "1: 24h; 6: 12h 1.5", "6: 12h 1.5", "severity");
            data.Add(provider, "scenario", "capabilities", "CAP-MED=2; CAP-COMM=9", "CAP-COMM=9", "a level from 0 to 4");
            data.Add(provider, "scenario", "dependence", "conditional 0.3; 1.5", "conditional 0.3; 1.5", "'independent' (default), or 'conditional P2;P3…'");
            data.Add(provider, "organisation", "capabilities", "CAP-MED=2; CAP-COMM", "CAP-COMM", "Capabilities held");
            data.Add(provider, "measure", "capability_raises", "CAP-MED+1; CAP-COMM+0", "CAP-COMM+0", "a raise of 1 to 4 levels");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(BadParts))]
    public async Task APartThatCannotBeRead_IsAFieldErrorNamingFieldValueAndRule_AndNothingIsSaved(
        DatabaseProvider provider, string kind, string field, string text, string part, string allowed)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (string, string?)[] title = kind == "organisation" ? [("name", "Eerst")] : [("title", "Eerst")];
        (string, string?)[] scenarioKind = kind == "scenario" ? [("kind", "hazard")] : [];
        var good = field switch { "disruptions" => "2: 6h", "dependence" => "independent", "capability_raises" => "CAP-DETECT+1", _ => "CAP-DETECT=1" };
        (await SaveAsync(database, kind, "X-1", SaveMode.Create, [.. title, .. scenarioKind, (field, good)])).IsOk.ShouldBeTrue();

        var created = await SaveAsync(database, kind, "X-2", SaveMode.Create, [.. title, .. scenarioKind, (field, text)]);
        var updated = await SaveAsync(database, kind, "X-1", SaveMode.Update, (field, text), (kind == "organisation" ? "summary" : "title", "Veranderd"));

        foreach (var result in new[] { created, updated })
        {
            result.IsOk.ShouldBeFalse();
            var error = result.Errors.ShouldHaveSingleItem();
            error.Field.ShouldBe(field);
            error.Value.ShouldBe(part);
            error.Allowed.ShouldContain(allowed);
        }
        await using var db = database.Context(Coordinator);
        (await new GetRecord(db).HandleAsync(kind, "X-2")).IsOk.ShouldBeFalse();
        var kept = (await new GetRecord(db).HandleAsync(kind, "X-1")).Value!.Fields;
        kept[field].ShouldBe(good);
        kept[kind == "organisation" ? "name" : "title"].ShouldBe("Eerst");
        (await new GetHistory(db).HandleAsync(kind, "X-1")).Value!.ShouldHaveSingleItem();
    }
}
