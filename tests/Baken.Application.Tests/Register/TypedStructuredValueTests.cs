using Baken.Methods.Measures;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Assessments;
using Baken.Domain.Dependencies;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Register;

/// <summary>
/// Issue 18 item 1: a measure's effects, an assessment's scores and an agenda item's links are typed values in one JSON
/// column each; their text forms ("S-01: likelihood 0.6-0.8; 2.1 0.2-0.3", "2.1=B-D~C", "scenario:S-01") are read and
/// written only by the record field. A part that cannot be read is a field error and nothing is saved; a code that names
/// no record is refused. The same body on SQLite and PostgreSQL.
/// </summary>
public sealed class TypedStructuredValueTests
{
    private static readonly FixedUser Coordinator = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "coord", "Coordinator", "Secretariat");

    private static async Task<Result<RecordView>> SaveAsync(TestDatabase database, string kind, string code, SaveMode mode, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(Coordinator);
        return await new SaveRecord(db, Coordinator).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), mode));
    }

    private static async Task Ok(Task<Result<RecordView>> save)
    {
        var r = await save;
        r.IsOk.ShouldBeTrue(string.Join("; ", r.Errors) + r.Message);
    }

    private static async Task<TestDatabase> RegisterAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await Ok(SaveAsync(database, "interest", "I-2", SaveMode.Create, ("name", "Fysieke veiligheid")));
        await Ok(SaveAsync(database, "criterion", "2.1", SaveMode.Create, ("interest", "I-2"), ("name", "Doden")));
        await Ok(SaveAsync(database, "criterion", "2.2", SaveMode.Create, ("interest", "I-2"), ("name", "Gewonden")));
        await Ok(SaveAsync(database, "scenario", "S-01", SaveMode.Create, ("title", "Overstroming"), ("kind", "hazard")));
        await Ok(SaveAsync(database, "scenario", "S-02", SaveMode.Create, ("title", "Pandemie"), ("kind", "hazard")));
        await Ok(SaveAsync(database, "council", "NVR", SaveMode.Create, ("name", "Nationale Veiligheidsraad")));
        await Ok(SaveAsync(database, "goal", "GOAL-03", SaveMode.Create, ("title", "Doel"), ("edition", "GBVS")));
        return database;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheTextForms_AreStoredAsTypedMembers_AndReadBackAsTheSameText(DatabaseProvider provider)
    {
        await using var database = await RegisterAsync(provider);
        const string effects = "S-01: likelihood 0.6-0.65-0.8; 2.1 0.2-0.3\nS-02: 2.2 0.1";
        await Ok(SaveAsync(database, "measure", "M-1", SaveMode.Create, ("title", "Dijkversterking"), ("effects", effects)));
        await Ok(SaveAsync(database, "assessment", "S-01.ana", SaveMode.Create, ("scenario", "S-01"), ("analyst", "ana"), ("organisation", "KNMI"),
            ("likelihood", "C"), ("scores", " 2.1=B-D~C ; 2.2=€2.1 bn")));
        await Ok(SaveAsync(database, "agenda-item", "AI-1", SaveMode.Create, ("title", "Overstromingen"), ("council", "NVR"),
            ("links", "Scenario:S-01; goal:GOAL-03;scenario:S-01")));
        await Ok(SaveAsync(database, "dependency", "DEP-1", SaveMode.Create, ("title", "Antibiotica"), ("importer", "EU27"),
            ("suppliers", " China 0.62;United States 0.21 ")));

        await using var db = database.Context(Coordinator);
        // Typed members, read from the JSON columns by a fresh context.
        var measure = await db.Measures.AsNoTracking().SingleAsync(m => m.Code == "M-1");
        measure.Effects.Count.ShouldBe(2);
        measure.Effects[0].Scenario.ShouldBe("S-01");
        measure.Effects[0].Likelihood.ShouldBe(new EffectRange(0.6, 0.65, 0.8));
        measure.Effects[0].Reductions.ShouldBe([new CriterionReduction("2.1", new EffectRange(0.2, 0.25, 0.3))]);
        measure.Effects[1].Likelihood.ShouldBeNull();
        measure.Effects[1].Reductions.ShouldBe([new CriterionReduction("2.2", EffectRange.Exactly(0.1))]);
        var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.Code == "S-01.ana");
        assessment.Scores.ShouldBe([new CriterionScore("2.1", "B-D~C"), new CriterionScore("2.2", "€2.1 bn")]);
        assessment.Round1Scores.ShouldBeNull();
        var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Code == "AI-1");
        item.Links.ShouldBe([new RecordLink("scenario", "S-01"), new RecordLink("goal", "GOAL-03")]);
        var dependency = await db.Dependencies.AsNoTracking().SingleAsync(d => d.Code == "DEP-1");
        dependency.Suppliers.ShouldBe([new ListedSupplier("China", 0.62), new ListedSupplier("United States", 0.21)]);

        // The columns hold JSON with named members, not the text form.
        var json = await db.Database.SqlQueryRaw<string>("SELECT \"Effects\" AS \"Value\" FROM \"Measures\"").SingleAsync();
        json.ShouldContain("\"scenario\":\"S-01\"");
        json.ShouldContain("\"mostLikely\":0.65");
        (await db.Database.SqlQueryRaw<string>("SELECT \"Scores\" AS \"Value\" FROM \"Assessments\"").SingleAsync())
            .ShouldContain("{\"criterion\":\"2.1\",\"judgement\":\"B-D~C\"}");
        (await db.Database.SqlQueryRaw<string>("SELECT \"Links\" AS \"Value\" FROM \"AgendaItems\"").SingleAsync())
            .ShouldContain("{\"kind\":\"goal\",\"code\":\"GOAL-03\"}");
        (await db.Database.SqlQueryRaw<string>("SELECT \"Suppliers\" AS \"Value\" FROM \"Dependencies\"").SingleAsync())
            .ShouldContain("{\"name\":\"United States\",\"share\":0.21}");

        // The text form comes back for show, export and forms.
        var get = new GetRecord(db);
        (await get.HandleAsync("measure", "M-1")).Value!.Fields["effects"].ShouldBe(effects);
        (await get.HandleAsync("assessment", "S-01.ana")).Value!.Fields["scores"].ShouldBe("2.1=B-D~C;2.2=€2.1 bn");
        (await get.HandleAsync("agenda-item", "AI-1")).Value!.Fields["links"].ShouldBe("scenario:S-01;goal:GOAL-03");
        (await get.HandleAsync("dependency", "DEP-1")).Value!.Fields["suppliers"].ShouldBe("China 0.62; United States 0.21");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SavingTheSameTextAgain_KeepsTheVersion(DatabaseProvider provider)
    {
        await using var database = await RegisterAsync(provider);
        await Ok(SaveAsync(database, "measure", "M-1", SaveMode.Create, ("title", "Dijk"), ("effects", "S-01: likelihood 0.6-0.8")));
        await Ok(SaveAsync(database, "measure", "M-1", SaveMode.Update, ("effects", "S-01:  likelihood 0.6-0.8 ")));
        await Ok(SaveAsync(database, "measure", "M-1", SaveMode.Update, ("effects", "S-01: likelihood 0.5-0.8")));

        await using var db = database.Context(Coordinator);
        var history = (await new GetHistory(db).HandleAsync("measure", "M-1")).Value!;
        history.Select(h => h.Version).ShouldBe([1, 2]);
        history[^1].Changes.ShouldContain(c => c.Field == "effects" && c.Before == "S-01: likelihood 0.6-0.8" && c.After == "S-01: likelihood 0.5-0.8");
    }

    public static TheoryData<DatabaseProvider, string, string, string, string> BadParts()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string, string>();
        foreach (var p in TestDatabase.Providers().Select(row => (DatabaseProvider)row[0]))
        {
            data.Add(p, "measure", "effects", "S-01: likelihood 0.6-0.8; 2.1 lots", "2.1 lots");
            data.Add(p, "measure", "effects", "S-01: likelihood 1.2", "S-01: likelihood 1.2");
            data.Add(p, "assessment", "scores", "2.1=B;2.2 C", "2.2 C");
            data.Add(p, "assessment", "scores", "2.1=B;2.1=C", "2.1=C");
            data.Add(p, "agenda-item", "links", "scenario:S-01;S-02", "S-02");
            data.Add(p, "agenda-item", "links", "scenario:S-01;planet:MARS", "planet:MARS");
            data.Add(p, "dependency", "suppliers", "China 0.62; Vietnam", "Vietnam");
            data.Add(p, "dependency", "suppliers", "China 62%; Vietnam 0.21", "China 62%");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(BadParts))]
    public async Task APartThatCannotBeRead_IsAFieldErrorNamingIt_AndNothingIsSaved(DatabaseProvider provider, string kind, string field, string text, string part)
    {
        await using var database = await RegisterAsync(provider);
        var values = kind switch
        {
            "measure" => new[] { ("title", (string?)"Dijk") },
            "assessment" => [("scenario", "S-01"), ("analyst", "ana"), ("organisation", "KNMI")],
            "dependency" => [("title", "Antibiotica"), ("importer", "EU27")],
            _ => [("title", "Punt"), ("council", "NVR")],
        };
        var code = kind == "assessment" ? "S-01.ana" : "X-1";
        var refused = await SaveAsync(database, kind, code, SaveMode.Create, [.. values, (field, text)]);

        refused.Status.ShouldBe(ResultStatus.Invalid);
        var error = refused.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(field);
        error.Value.ShouldBe(part);
        error.Message.English.ShouldNotBeNullOrWhiteSpace();
        await using var db = database.Context(Coordinator);
        (await RecordKinds.Find(kind)!.Query(db).AnyAsync(r => r.Code == code)).ShouldBeFalse();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACodeThatNamesNoRecord_IsRefused_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var database = await RegisterAsync(provider);

        var measure = await SaveAsync(database, "measure", "M-1", SaveMode.Create, ("title", "Dijk"), ("effects", "S-99: likelihood 0.8\nS-01: 9.9 0.2"));
        measure.Status.ShouldBe(ResultStatus.Invalid);
        measure.Errors.Select(e => (e.Field, e.Value)).ShouldBe([("effects", "S-99"), ("effects", "9.9")], ignoreOrder: true);

        var assessment = await SaveAsync(database, "assessment", "S-01.ana", SaveMode.Create, ("scenario", "S-01"), ("analyst", "ana"), ("organisation", "KNMI"),
            ("scores", "2.1=B;7.7=C"));
        assessment.Status.ShouldBe(ResultStatus.Invalid);
        assessment.Errors.ShouldHaveSingleItem().Value.ShouldBe("7.7");

        var item = await SaveAsync(database, "agenda-item", "AI-1", SaveMode.Create, ("title", "Punt"), ("council", "NVR"), ("links", "scenario:S-01;goal:GOAL-99"));
        item.Status.ShouldBe(ResultStatus.Invalid);
        item.Errors.ShouldHaveSingleItem().Value.ShouldBe("goal:GOAL-99");

        await using var db = database.Context(Coordinator);
        (await db.Measures.AnyAsync()).ShouldBeFalse();
        (await db.Assessments.AnyAsync()).ShouldBeFalse();
        (await db.AgendaItems.AnyAsync()).ShouldBeFalse();
    }
}
