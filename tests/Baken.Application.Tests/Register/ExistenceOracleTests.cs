using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Register;

/// <summary>
/// A hidden record gets the same answer as one that does not exist on every write path: code collisions, generated
/// codes, history, signal intake and STIX import. The same body on SQLite and PostgreSQL.
/// </summary>
public sealed class ExistenceOracleTests
{
    private static readonly FixedUser High = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, 0, "hoog", "Coordinator", "Secretariat");
    private static readonly FixedUser Low = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "laag", "Coordinator", "Secretariat");

    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static async Task<Result<RecordView>> SaveAsync(TestDatabase database, FixedUser user, string kind, string code, SaveMode mode, params (string, string?)[] values)
    {
        await using var db = database.Context(user);
        return await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, Values(values), mode));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithTheCodeOfAHiddenRecord_GetsTheSameStatusAndMessageAsForAVisibleOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SaveAsync(database, High, "risk", "R-HIDDEN", SaveMode.Create, ("title", "geheim"), ("kind", "threat"), ("classification", "Stg.G"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, Low, "risk", "R-SEEN", SaveMode.Create, ("title", "open"), ("kind", "threat"))).IsOk.ShouldBeTrue();

        var hidden = await SaveAsync(database, Low, "risk", "R-HIDDEN", SaveMode.Create, ("title", "x"), ("kind", "threat"));
        var seen = await SaveAsync(database, Low, "risk", "R-SEEN", SaveMode.Create, ("title", "x"), ("kind", "threat"));

        hidden.Status.ShouldBe(seen.Status);
        hidden.Status.ShouldBe(ResultStatus.Conflict);
        hidden.Message.ShouldBe(seen.Message!.Replace("R-SEEN", "R-HIDDEN", StringComparison.Ordinal));
        // A catalogue text naming the kind by its display name, which a Dutch page says in Dutch (#17).
        hidden.Message.ShouldBe("A record with code 'R-HIDDEN' cannot be created in Risks: the code is already in use.");
        hidden.Text!.Key.ShouldBe(RegisterTexts.CodeTaken.Key);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_OfARecordRaisedAboveTheReader_IsNotFound_AsTheRecordIs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SaveAsync(database, High, "risk", "R-1", SaveMode.Create, ("title", "open"), ("kind", "threat"))).IsOk.ShouldBeTrue();
        await using (var db = database.Context(Low))
            (await new GetHistory(db).HandleAsync("risk", "R-1")).IsOk.ShouldBeTrue();
        (await SaveAsync(database, High, "risk", "R-1", SaveMode.Update, ("classification", "Stg.G"))).IsOk.ShouldBeTrue();

        await using (var db = database.Context(Low))
        {
            var history = await new GetHistory(db).HandleAsync("risk", "R-1");
            var missing = await new GetHistory(db).HandleAsync("risk", "R-NONE");
            var record = await new GetRecord(db).HandleAsync("risk", "R-1");
            record.Status.ShouldBe(ResultStatus.NotFound);
            record.Message.ShouldBe("No record with code 'R-1' in Risks.");
            record.Text!.Key.ShouldBe(RegisterTexts.NoRecord.Key);
            history.Status.ShouldBe(ResultStatus.NotFound);
            history.Message.ShouldBe(missing.Message!.Replace("R-NONE", "R-1", StringComparison.Ordinal));
        }
        await using (var db = database.Context(High))
            (await new GetHistory(db).HandleAsync("risk", "R-1")).Value!.Count.ShouldBe(2);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaperCodes_CountOnlyPapersOfTheSameClassification_SoHiddenPapersLeaveNoGap(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SaveAsync(database, High, "council", "NVR", SaveMode.Create, ("name", "Nationale Veiligheidsraad"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, High, "agenda-item", "AI-1", SaveMode.Create, ("title", "Agendapunt"), ("council", "NVR"))).IsOk.ShouldBeTrue();
        async Task<Result<PaperView>> Upload(FixedUser user, string? classification)
        {
            await using var db = database.Context(user);
            return await new StorePaper(db, user).HandleAsync(new StorePaperRequest("AI-1", "Notitie", "notitie.txt", "text/plain", "inhoud"u8.ToArray(), classification));
        }
        (await Upload(High, "Stg.G")).Value!.Code.ShouldBe("AI-1-L3-P1");
        (await Upload(High, "Stg.G")).Value!.Code.ShouldBe("AI-1-L3-P2");

        (await Upload(Low, null)).Value!.Code.ShouldBe("AI-1-P1"); // not P3: the two hidden papers are not counted
        (await Upload(Low, null)).Value!.Code.ShouldBe("AI-1-P2");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signal_WhoseCodeIsTakenByAHiddenSignal_IsStored_AndFlaggedOnlyToAReviewerWhoSeesBoth(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var incoming = new IncomingSignal(new DateOnly(2026, 11, 2), "Storing treft drie provincies", null, "test", "https://example.org/a", null, null, null, []);
        await using (var db = database.Context(High))
            (await new SignalIntake(db, new ImportRecords(db, High)).HandleAsync([incoming with { Classification = "Stg.G" }])).Value!.Created.ShouldBe(1);

        await using (var db = database.Context(Low))
        {
            var summary = (await new SignalIntake(db, new ImportRecords(db, Low)).HandleAsync([incoming])).Value!;
            summary.Created.ShouldBe(1); // not "0 new, 1 already known"
            summary.AlreadyKnown.ShouldBe(0);
            var queue = await new ReviewSignals(db, Low, new SaveRecord(db, Low)).QueueAsync();
            queue.ShouldHaveSingleItem().DuplicateOf.ShouldBeNull();
            var again = (await new SignalIntake(db, new ImportRecords(db, Low)).HandleAsync([incoming])).Value!;
            again.Created.ShouldBe(0);
            again.AlreadyKnown.ShouldBe(1);
        }
        await using (var db = database.Context(High))
        {
            var queue = await new ReviewSignals(db, High, new SaveRecord(db, High)).QueueAsync();
            queue.Count.ShouldBe(2);
            var low = queue.Single(s => s.ClassificationLevel == ClassificationLevel.Ongerubriceerd);
            low.DuplicateOf.ShouldBe(queue.Single(s => s.ClassificationLevel == ClassificationLevel.StaatsgeheimGeheim).Code);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StixObject_WhoseIdIsHidden_IsStoredNextToIt_NotSkippedAsAboveClearance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string id = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
        StixObjectInput Input(ClassificationLevel level) => new(id, "indicator", "2.1", null, null, $$"""{"type":"indicator","id":"{{id}}","name":"x{{(int)level}}"}""", [], level);
        await using (var db = database.Context(High))
            (await new ImportStixObjects(db, High).HandleAsync([Input(ClassificationLevel.StaatsgeheimGeheim)])).Value!.Created.ShouldBe(1);

        await using (var db = database.Context(Low))
        {
            var summary = (await new ImportStixObjects(db, Low).HandleAsync([Input(ClassificationLevel.Ongerubriceerd)])).Value!;
            summary.Created.ShouldBe(1);
            summary.SkippedAboveClearance.ShouldBe(0);
            (await new ExportStixObjects(db).HandleAsync()).ShouldHaveSingleItem().ShouldContain("\"x0\"");
            (await new ImportStixObjects(db, Low).HandleAsync([Input(ClassificationLevel.Ongerubriceerd)])).Value!.Unchanged.ShouldBe(1);
        }
    }
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StixExport_LeavesOutAVisibleObject_WhoseTextNamesAHiddenObjectsId(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string hidden = "indicator--0b7c1a52-5f0e-4b8e-9d55-3c8a1e2f4d61";
        const string naming = "note--6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
        const string clean = "note--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        StixObjectInput Input(string id, string type, string json, ClassificationLevel level) => new(id, type, "2.1", null, null, json, [], level);
        await using (var db = database.Context(High))
            (await new ImportStixObjects(db, High).HandleAsync([Input(hidden, "indicator", $$"""{"type":"indicator","id":"{{hidden}}","name":"secret"}""", ClassificationLevel.StaatsgeheimGeheim)]))
                .Value!.Created.ShouldBe(1);
        await using (var db = database.Context(Low))
        {
            (await new ImportStixObjects(db, Low).HandleAsync([
                // Not a *_ref property: the id stands in free text, where an analyst pasted it.
                Input(naming, "note", $$"""{"type":"note","id":"{{naming}}","content":"Seen together with {{hidden}} last week"}""", ClassificationLevel.Ongerubriceerd),
                Input(clean, "note", $$"""{"type":"note","id":"{{clean}}","content":"Nothing to see"}""", ClassificationLevel.Ongerubriceerd),
            ])).Value!.Created.ShouldBe(2);
            var export = await new ExportStixObjects(db).MarkedAsync();
            export.Objects.ShouldHaveSingleItem().ShouldContain(clean);
            export.Objects.ShouldNotContain(o => o.Contains(hidden));
            export.Withheld.ShouldBe(1);
        }
    }
}
