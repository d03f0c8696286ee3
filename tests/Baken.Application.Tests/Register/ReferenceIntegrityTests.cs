using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Register;

/// <summary>
/// References between register records: a referenced record is not deleted without a cascade, a reference names an
/// existing record, never one classified above its holder, and a reader who may not see the target sees "withheld".
/// The same body on SQLite and PostgreSQL.
/// </summary>
public sealed class ReferenceIntegrityTests
{
    private static readonly FixedUser High = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, ClassifiedFixture.Nuc, "hoog", "Coordinator", "Secretariat");
    private static readonly FixedUser Low = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "laag", "Coordinator", "Secretariat");

    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    private static async Task SaveAsync(TestDatabase database, FixedUser user, string kind, string code, params (string, string?)[] values)
    {
        await using var db = database.Context(user);
        var result = await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, Values(values), SaveMode.Create));
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors));
    }

    private static async Task<Result<string>> DeleteAsync(TestDatabase database, FixedUser user, string kind, string code, bool cascade = false)
    {
        await using var db = database.Context(user);
        return await new DeleteRecord(db, user).HandleAsync(new DeleteRecordRequest(kind, code, Cascade: cascade));
    }

    private static async Task<RecordView?> GetAsync(TestDatabase database, FixedUser user, string kind, string code)
    {
        await using var db = database.Context(user);
        return (await new GetRecord(db).HandleAsync(kind, code)).Value;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_OfAReferencedRecord_IsAConflictNamingTheKindsThatReferToIt_AndKeepsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "theme", "T-REF", ("name", "Thema"));
        await SaveAsync(database, High, "scenario", "E-1", ("title", "one"), ("kind", "hazard"), ("theme", "T-REF"));
        await SaveAsync(database, High, "scenario", "E-2", ("title", "two"), ("kind", "hazard"), ("theme", "T-REF"));
        await SaveAsync(database, High, "risk", "R-1", ("title", "risk"), ("kind", "hazard"), ("theme", "T-REF"));

        var result = await DeleteAsync(database, High, "theme", "T-REF");

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message!.ShouldContain("2 scenarios (E-1, E-2)");
        result.Message!.ShouldContain("1 risk (R-1)");
        result.Message!.ShouldNotContain("other records");
        (await GetAsync(database, High, "theme", "T-REF")).ShouldNotBeNull();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_ReferencedOnlyByHiddenRecords_SaysOtherRecordsWithoutKindOrCount_AndCascadeIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "theme", "T-REF", ("name", "Thema"));
        await SaveAsync(database, High, "scenario", "E-SECRET", ("title", "geheim"), ("kind", "threat"), ("theme", "T-REF"),
            ("classification", "Stg.G"), ("compartments", "NUC"));
        await SaveAsync(database, High, "scenario", "E-OPEN", ("title", "open"), ("kind", "hazard"), ("theme", "T-REF"));

        var result = await DeleteAsync(database, Low, "theme", "T-REF");
        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message!.ShouldContain("1 scenario (E-OPEN) and other records refer to it");
        result.Message!.ShouldNotContain("E-SECRET");
        result.Message!.ShouldNotContain("2");

        var cascade = await DeleteAsync(database, Low, "theme", "T-REF", cascade: true);
        cascade.Status.ShouldBe(ResultStatus.Conflict);
        cascade.Message!.ShouldBe("The theme 'T-REF' cannot be deleted: other records refer to it.");
        (await GetAsync(database, High, "theme", "T-REF")).ShouldNotBeNull();
        (await GetAsync(database, High, "scenario", "E-OPEN"))!.Fields["theme"].ShouldBe("T-REF");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cascade_ClearsOptionalReferences_DropsCodesFromLists_AndDeletesRecordsThatNeedTheTarget(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "interest", "I-9", ("name", "Belang"));
        await SaveAsync(database, High, "criterion", "I-9.1", ("interest", "I-9"), ("name", "Criterium"));
        await SaveAsync(database, High, "scale", "SC-9.1", ("criterion", "I-9.1"), ("unit", "ladder"));
        await SaveAsync(database, High, "scenario", "E-1", ("title", "one"), ("kind", "hazard"));
        await SaveAsync(database, High, "scenario", "E-10", ("title", "ten"), ("kind", "hazard"));
        await SaveAsync(database, High, "goal", "GOAL-1", ("title", "doel"), ("edition", "GBVS 2023"), ("scenarios", "E-10;E-1"));

        (await DeleteAsync(database, High, "interest", "I-9")).Status.ShouldBe(ResultStatus.Conflict);
        (await DeleteAsync(database, High, "interest", "I-9", cascade: true)).IsOk.ShouldBeTrue();
        (await GetAsync(database, High, "criterion", "I-9.1")).ShouldBeNull();
        (await GetAsync(database, High, "scale", "SC-9.1")).ShouldBeNull();

        (await DeleteAsync(database, High, "scenario", "E-1", cascade: true)).IsOk.ShouldBeTrue();
        (await GetAsync(database, High, "goal", "GOAL-1"))!.Fields["scenarios"].ShouldBe("E-10"); // E-10 is not mistaken for E-1

        await using var db = database.Context(High);
        var history = (await new GetHistory(db).HandleAsync("criterion", "I-9.1")).Value!;
        history[^1].Change.ShouldBe("delete");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_OfARecordAnAgendaItemLinksOrAProgressUpdateReportsOn_IsAConflictNamingThoseKinds_AndTheCascadeUnlinksIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "council", "NVR", ("name", "Nationale Veiligheidsraad"));
        await SaveAsync(database, High, "scenario", "E-1", ("title", "one"), ("kind", "hazard"));
        await SaveAsync(database, High, "goal", "GOAL-1", ("title", "doel"), ("edition", "GBVS 2023"));
        await SaveAsync(database, High, "goal", "GOAL-10", ("title", "ander doel"), ("edition", "GBVS 2023"));
        await SaveAsync(database, High, "agenda-item", "AI-1", ("title", "Punt"), ("council", "NVR"), ("links", "goal:GOAL-1;scenario:E-1;goal:GOAL-10"));
        await SaveAsync(database, High, "progress-update", "PU-1", ("subject", "goal:GOAL-1"), ("date", "2026-01-15"), ("status", "on-track"));
        await SaveAsync(database, High, "progress-update", "PU-10", ("subject", "goal:GOAL-10"), ("date", "2026-01-15"), ("status", "at-risk"));

        var refused = await DeleteAsync(database, High, "goal", "GOAL-1");

        refused.Status.ShouldBe(ResultStatus.Conflict);
        refused.Message!.ShouldContain("1 agenda-item (AI-1)");
        refused.Message!.ShouldContain("1 progress-update (PU-1)");
        refused.Message!.ShouldNotContain("PU-10");
        (await GetAsync(database, High, "goal", "GOAL-1")).ShouldNotBeNull();
        (await DeleteAsync(database, High, "scenario", "E-1")).Message!.ShouldContain("1 agenda-item (AI-1)");

        (await DeleteAsync(database, High, "goal", "GOAL-1", cascade: true)).IsOk.ShouldBeTrue();

        // The agenda item loses the link (and keeps its other links), with the previous version in its history.
        (await GetAsync(database, High, "agenda-item", "AI-1"))!.Fields["links"].ShouldBe("scenario:E-1;goal:GOAL-10");
        await using var db = database.Context(High);
        var history = (await new GetHistory(db).HandleAsync("agenda-item", "AI-1")).Value!;
        history.Select(h => h.Version).ShouldBe([1, 2]);
        history[^1].Changes.ShouldContain(c => c.Field == "links" && c.Before == "goal:GOAL-1;scenario:E-1;goal:GOAL-10" && c.After == "scenario:E-1;goal:GOAL-10");
        // An update cannot exist without its subject: it goes with it (its last version kept); the other goal's stays.
        (await GetAsync(database, High, "progress-update", "PU-1")).ShouldBeNull();
        (await new GetHistory(db).HandleAsync("progress-update", "PU-1")).Value![^1].Change.ShouldBe("delete");
        (await GetAsync(database, High, "progress-update", "PU-10"))!.Fields["subject"].ShouldBe("goal:GOAL-10");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_LinkedByHiddenAgendaItemsAndUpdates_CountsOnlyWhatTheReaderMaySee_AndCascadeIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "council", "NVR", ("name", "Nationale Veiligheidsraad"));
        await SaveAsync(database, High, "goal", "GOAL-1", ("title", "doel"), ("edition", "GBVS 2023"));
        await SaveAsync(database, High, "agenda-item", "AI-OPEN", ("title", "Open punt"), ("council", "NVR"), ("links", "goal:GOAL-1"));
        await SaveAsync(database, High, "agenda-item", "AI-SECRET", ("title", "Geheim punt"), ("council", "NVR"), ("links", "goal:GOAL-1"),
            ("classification", "Stg.G"), ("compartments", "NUC"));
        await SaveAsync(database, High, "progress-update", "PU-SECRET", ("subject", "goal:GOAL-1"), ("date", "2026-01-15"), ("status", "on-track"),
            ("classification", "Stg.G"));

        var refused = await DeleteAsync(database, Low, "goal", "GOAL-1");

        refused.Status.ShouldBe(ResultStatus.Conflict);
        refused.Message!.ShouldContain("1 agenda-item (AI-OPEN) and other records refer to it");
        refused.Message!.ShouldNotContain("AI-SECRET");
        refused.Message!.ShouldNotContain("PU-SECRET");
        refused.Message!.ShouldNotContain("progress-update");
        refused.Message!.ShouldNotContain("2");

        var cascade = await DeleteAsync(database, Low, "goal", "GOAL-1", cascade: true);
        cascade.Status.ShouldBe(ResultStatus.Conflict);
        cascade.Message!.ShouldBe("The goal 'GOAL-1' cannot be deleted: other records refer to it.");
        (await GetAsync(database, High, "goal", "GOAL-1")).ShouldNotBeNull();
        (await GetAsync(database, High, "agenda-item", "AI-OPEN"))!.Fields["links"].ShouldBe("goal:GOAL-1");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_WithAnUnknownOrHiddenCode_IsAFieldErrorNamingTheField_TheSameForBoth(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "risk", "R-SECRET", ("title", "geheim"), ("kind", "threat"), ("classification", "Stg.G"));
        await using var db = database.Context(Low);
        var save = new SaveRecord(db, Low);

        var unknown = await save.HandleAsync(new SaveRecordRequest("scenario", "E-1", Values(("title", "x"), ("kind", "hazard"), ("risk", "R-NONE")), SaveMode.Create));
        var hidden = await save.HandleAsync(new SaveRecordRequest("scenario", "E-1", Values(("title", "x"), ("kind", "hazard"), ("risk", "R-SECRET")), SaveMode.Create));

        unknown.Status.ShouldBe(ResultStatus.Invalid);
        unknown.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("risk", "R-NONE", ValidationMessage.Verbatim("the code of an existing risk")));
        hidden.Status.ShouldBe(ResultStatus.Invalid);
        hidden.Errors.ShouldHaveSingleItem().Allowed.ShouldBe(unknown.Errors[0].Allowed);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_OfAReferenceThatPointsUp_IsRefusedNamingTheField_AlsoWhenTheHolderIsLowered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "risk", "R-ZG", ("title", "zeer geheim"), ("kind", "threat"), ("classification", "Stg.ZG"));
        await SaveAsync(database, High, "risk", "R-NUC", ("title", "nucleair"), ("kind", "threat"), ("classification", "Stg.G"), ("compartments", "NUC"));
        await using var db = database.Context(High);
        var save = new SaveRecord(db, High);

        var up = await save.HandleAsync(new SaveRecordRequest("scenario", "S-XREF", Values(("title", "x"), ("kind", "threat"), ("risk", "R-ZG")), SaveMode.Create));
        up.Status.ShouldBe(ResultStatus.Invalid);
        var error = up.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("risk");
        error.Allowed.ShouldContain("never points up");
        error.Allowed.ShouldNotContain("Zeer");

        var compartment = await save.HandleAsync(new SaveRecordRequest("scenario", "S-XREF", Values(("title", "x"), ("kind", "threat"), ("risk", "R-NUC"), ("classification", "Stg.ZG")), SaveMode.Create));
        compartment.Errors.ShouldHaveSingleItem().Field.ShouldBe("risk");

        (await save.HandleAsync(new SaveRecordRequest("scenario", "S-OK", Values(("title", "x"), ("kind", "threat"), ("risk", "R-NUC"), ("classification", "Stg.ZG"), ("compartments", "NUC")), SaveMode.Create)))
            .IsOk.ShouldBeTrue();
        var lowered = await save.HandleAsync(new SaveRecordRequest("scenario", "S-OK", Values(("compartments", ""), ("declassification_reason", "no longer nuclear")), SaveMode.Update));
        lowered.Status.ShouldBe(ResultStatus.Invalid);
        lowered.Errors.ShouldHaveSingleItem().Field.ShouldBe("risk");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReferenceToARecordRaisedAboveTheReader_ReadsAsWithheld_InShowListFilterAndExport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ClassifiedFixture.SeedAsync(database);
        await SaveAsync(database, High, "risk", "R-LATER", ("title", "later geheim"), ("kind", "threat"));
        await SaveAsync(database, High, "scenario", "S-1", ("title", "x"), ("kind", "threat"), ("risk", "R-LATER"));
        await SaveAsync(database, High, "goal", "GOAL-1", ("title", "doel"), ("edition", "GBVS 2023"), ("scenarios", "S-1"));
        // The risk is raised after the scenario named it.
        await using (var db = database.Context(High))
            (await new SaveRecord(db, High).HandleAsync(new SaveRecordRequest("risk", "R-LATER", Values(("classification", "Stg.G")), SaveMode.Update))).IsOk.ShouldBeTrue();
        // Raising the holder towards its reference is allowed (it only lowers what it would take to read it).
        await using (var db = database.Context(High))
            (await new SaveRecord(db, High).HandleAsync(new SaveRecordRequest("scenario", "S-1", Values(("classification", "Dep.V")), SaveMode.Update))).IsOk.ShouldBeTrue();

        (await GetAsync(database, Low, "scenario", "S-1")).ShouldBeNull();
        var reader = TestDatabase.UserAt(ClassificationLevel.DepartementaalVertrouwelijk, 0, "lezer", "Coordinator");
        (await GetAsync(database, reader, "scenario", "S-1"))!.Fields["risk"].ShouldBe(RecordReferences.Withheld);
        (await GetAsync(database, High, "scenario", "S-1"))!.Fields["risk"].ShouldBe("R-LATER");
        (await GetAsync(database, Low, "goal", "GOAL-1"))!.Fields["scenarios"].ShouldBe(RecordReferences.Withheld);

        await using (var db = database.Context(reader))
        {
            var list = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario"))).Value!;
            list.Items.ShouldHaveSingleItem().Fields["risk"].ShouldBe(RecordReferences.Withheld);
            (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Filters: new Dictionary<string, string> { ["risk"] = "R-LATER" })))
                .Value!.Items.ShouldBeEmpty();
            var export = (await new ExportRecords(db).HandleAsync("scenario")).Value!;
            export.ShouldHaveSingleItem().Fields["risk"].ShouldBe(RecordReferences.Withheld);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhereOneRowNamesAHigherRowOfTheSameFile_IsRefusedWhole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(High);
        var rows = new List<ImportRow>
        {
            new(2, Values(("code", "S-A"), ("title", "open"), ("kind", "hazard"), ("components", "S-B"))),
            new(3, Values(("code", "S-B"), ("title", "geheim"), ("kind", "hazard"), ("classification", "Stg.G"))),
        };

        var result = await new ImportRecords(db, High).HandleAsync(new ImportRecordsRequest("scenario", rows));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("components", "S-B", RecordReferences.NeverPointsUp("scenario"), 2));
        await using var check = database.Context(High);
        (await new GetRecord(check).HandleAsync("scenario", "S-B")).Status.ShouldBe(ResultStatus.NotFound);
    }
}
