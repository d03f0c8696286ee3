using Baken.Application.Catalogue;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Infrastructure.Catalogue;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Register;

/// <summary>Versions, history, concurrency and all-or-nothing imports — the same body on SQLite and PostgreSQL.</summary>
public sealed class RegisterPersistenceTests
{
    private static Dictionary<string, string?> Risk(string title, string kind = "hazard") => new() { ["title"] = title, ["kind"] = kind };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryChange_IsVersionedAndKeepsThePreviousValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var user = TestDatabase.UserAt(Domain.Security.ClassificationLevel.StaatsgeheimGeheim, 0, "anna", Domain.Users.Roles.Coordinator);
        await using (var db = database.Context(user))
        {
            var save = new SaveRecord(db, user);
            (await save.HandleAsync(new SaveRecordRequest("risk", "R-1", Risk("Overstroming"), SaveMode.Create))).Value!.Version.ShouldBe(1);
            (await save.HandleAsync(new SaveRecordRequest("risk", "R-1", new Dictionary<string, string?> { ["title"] = "Overstroming vanuit zee" }, SaveMode.Update))).Value!.Version.ShouldBe(2);
            (await new DeleteRecord(db, user).HandleAsync(new DeleteRecordRequest("risk", "R-1"))).IsOk.ShouldBeTrue();
        }
        await using (var db = database.Context(user))
        {
            var history = (await new GetHistory(db).HandleAsync("risk", "R-1")).Value!;
            history.Select(h => h.Change).ShouldBe(["insert", "update", "delete"]);
            history.ShouldAllBe(h => h.UserName == "anna");
            var update = history[1];
            update.Changes.ShouldHaveSingleItem().ShouldBe(new FieldChange("title", "Overstroming", "Overstroming vanuit zee"));
            history[2].Before!.ShouldContain("Overstroming vanuit zee");
            history[2].After.ShouldBeNull();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_IgnoresCase_TakesWildcardsLiterally_AndPagesThroughEveryMatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var user = TestDatabase.UserAt(Domain.Security.ClassificationLevel.StaatsgeheimGeheim, 0, "anna", Domain.Users.Roles.Coordinator);
        await using var db = database.Context(user);
        var save = new SaveRecord(db, user);
        foreach (var (code, title) in new[] { ("R-A_1", "Kans van 50% op uitval"), ("R-AB1", "Kans van 500 op uitval"), ("R-X", "Overstroming"), ("R-10", "Uitval stroom"), ("R-9", "UITVAL gas") })
            (await save.HandleAsync(new SaveRecordRequest("risk", code, Risk(title), SaveMode.Create))).IsOk.ShouldBeTrue();
        async Task<List<string>> Search(string term, int page = 1, int size = 50)
        {
            var result = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("risk", Search: term, Page: page, PageSize: size))).Value!;
            return result.Items.Select(i => i.Code).ToList();
        }
        (await Search("_")).ShouldBe(["R-A_1"]);
        (await Search("%")).ShouldBe(["R-A_1"]);
        (await Search("50%")).ShouldBe(["R-A_1"]);
        (await Search("\\")).ShouldBeEmpty();
        (await Search("uitval")).ShouldBe(["R-9", "R-10", "R-A_1", "R-AB1"]); // any case, in natural code order
        (await Search("UITVAL", page: 2, size: 3)).ShouldBe(["R-AB1"]);
        (await new ListRecords(db).HandleAsync(new ListRecordsRequest("risk", Search: "uitval", PageSize: 3))).Value!.Total.ShouldBe(4);
        (await Search("r-x")).ShouldBe(["R-X"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaleEdit_IsAConflict_AndTheOtherChangeIsKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var user = FixedUser.System;
        await using (var db = database.Context(user))
            (await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest("risk", "R-1", Risk("v1"), SaveMode.Create))).IsOk.ShouldBeTrue();

        // Two editors read version 1; the first saves, the second's save is refused with the current record.
        await using (var first = database.Context(user))
            (await new SaveRecord(first, user).HandleAsync(new SaveRecordRequest("risk", "R-1", new Dictionary<string, string?> { ["title"] = "first" }, SaveMode.Update, 1))).IsOk.ShouldBeTrue();
        await using (var second = database.Context(user))
        {
            var result = await new SaveRecord(second, user).HandleAsync(new SaveRecordRequest("risk", "R-1", new Dictionary<string, string?> { ["title"] = "second" }, SaveMode.Update, 1));
            result.Status.ShouldBe(ResultStatus.Conflict);
            result.Value!.Fields["title"].ShouldBe("first");
            result.Value.Version.ShouldBe(2);
        }
        await using var check = database.Context(user);
        (await check.Risks.SingleAsync()).Title.ShouldBe("first");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithOneBadRow_WritesNothing_AndNamesEveryProblem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var rows = new List<ImportRow>
        {
            new(2, new Dictionary<string, string?> { ["code"] = "R-1", ["title"] = "good", ["kind"] = "hazard" }),
            new(3, new Dictionary<string, string?> { ["code"] = "R-2", ["title"] = "bad kind", ["kind"] = "hazzard" }),
            new(4, new Dictionary<string, string?> { ["code"] = "R-1", ["title"] = "duplicate", ["kind"] = "threat" }),
            new(5, new Dictionary<string, string?> { ["code"] = "R 5", ["title"] = "bad code", ["kind"] = "threat" }),
            new(6, new Dictionary<string, string?> { ["code"] = "R-6", ["title"] = "x", ["kind"] = "threat", ["colour"] = "red" }),
        };
        var result = await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("risk", rows));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldContain(e => e.Line == 3 && e.Field == "kind" && e.Value == "hazzard" && e.Allowed.Contains("hazard, threat"));
        result.Errors.ShouldContain(e => e.Line == 4 && e.Field == "code" && e.Allowed.Contains("line 2"));
        result.Errors.ShouldContain(e => e.Line == 5 && e.Field == "code");
        result.Errors.ShouldContain(e => e.Line == 6 && e.Field == "colour");
        await using var check = database.Context(FixedUser.System);
        (await check.Risks.CountAsync()).ShouldBe(0);
        (await check.History.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HostileText_IsStoredExactlyAsText(DatabaseProvider provider)
    {
        const string hostile = "<script>alert('x')</script> Robert'); DROP TABLE \"Risks\";-- ☢ 𝔘";
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context(FixedUser.System))
            (await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("risk", "R-1", Risk(hostile), SaveMode.Create))).IsOk.ShouldBeTrue();
        await using var check = database.Context(FixedUser.System);
        (await check.Risks.SingleAsync()).Title.ShouldBe(hostile);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadValues_NameTheFieldTheValueAndWhatIsAllowed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var result = await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("scenario", "S-1", new Dictionary<string, string?>
        {
            ["title"] = new string('x', 401), ["kind"] = "threat", ["horizon_years"] = "five", ["risk"] = "NOPE",
        }, SaveMode.Create));
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldContain(e => e.Field == "title" && e.Allowed.Contains("400"));
        result.Errors.ShouldContain(e => e.Field == "horizon_years" && e.Value == "five" && e.Allowed.Contains("1 to 100"));
        result.Errors.ShouldContain(e => e.Field == "risk" && e.Value == "NOPE" && e.Allowed.Contains("existing risk"));
        (await db.Scenarios.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DefaultCatalogue_LoadsCompletely_AndLoadingAgainDuplicatesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        (await db.Interests.CountAsync()).ShouldBe(6);
        (await db.Criteria.CountAsync()).ShouldBe(10);
        (await db.CriterionScales.CountAsync()).ShouldBe(10);
        (await db.Themes.CountAsync()).ShouldBe(9);
        (await db.VitalProcesses.CountAsync()).ShouldBe(28);
        (await db.CatalogueEntries.CountAsync(e => e.Kind == "goals")).ShouldBe(13);
        (await db.CatalogueEntries.CountAsync(e => e.Kind == "pillars")).ShouldBe(3);
        (await db.CatalogueEntries.CountAsync(e => e.Kind == "threats")).ShouldBe(6);
        (await db.Users.CountAsync()).ShouldBe(1);
        var deaths = await db.CriterionScales.SingleAsync(s => s.CriterionCode == "2.1");
        deaths.Quantitative.ShouldBeTrue();
        deaths.Indicative.ShouldBeTrue();
        deaths.LowerBounds.ShouldBe([1, 10, 100, 1000, 10000]);
        (await db.Interests.ToListAsync()).ShouldAllBe(i => !string.IsNullOrEmpty(i.Provenance));

        var total = await CountAll(db);
        var (files, errors) = CatalogueDirectory.Read(TestDatabase.CatalogueFolder);
        errors.ShouldBeEmpty();
        var again = await new LoadCatalogue(new ImportRecords(db, FixedUser.System), db).HandleAsync(files);
        again.Value!.Created.ShouldBe(0);
        again.Value.Updated.ShouldBe(0);
        (await CountAll(db)).ShouldBe(total);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditedCatalogueFile_UpdatesTheRecord_InsteadOfAddingOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        var (files, _) = CatalogueDirectory.Read(TestDatabase.CatalogueFolder);
        var themes = files.Single(f => f.Kind == "themes");
        themes.Items[0]["name_en"] = "Edited theme name";
        var result = await new LoadCatalogue(new ImportRecords(db, FixedUser.System), db).HandleAsync([themes]);
        result.Value!.Updated.ShouldBe(1);
        result.Value.Created.ShouldBe(0);
        (await db.Themes.CountAsync()).ShouldBe(9);
        (await db.Themes.SingleAsync(t => t.Code == (string)themes.Items[0]["code"]!)).NameEn.ShouldBe("Edited theme name");
        (await db.Themes.SingleAsync(t => t.Code == (string)themes.Items[0]["code"]!)).Version.ShouldBe(2);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportedCatalogue_LoadsBackUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        var exported = await new ExportCatalogue(db).HandleAsync();
        var folder = Directory.CreateTempSubdirectory("baken-catalogue-").FullName;
        try
        {
            CatalogueDirectory.Write(folder, exported);
            var (files, errors) = CatalogueDirectory.Read(folder);
            errors.ShouldBeEmpty();
            var result = await new LoadCatalogue(new ImportRecords(db, FixedUser.System), db).HandleAsync(files);
            result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors));
            result.Value!.Created.ShouldBe(0);
            result.Value.Updated.ShouldBe(0);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuantitativeScale_WithBoundsThatDoNotIncrease_IsRefused_AndEmptyCellsKeepDefaults(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        var rows = new List<ImportRow>
        {
            new(2, new Dictionary<string, string?> { ["code"] = "2.1-v2", ["criterion"] = "2.1", ["scale_version"] = "2", ["unit"] = "deaths",
                ["quantitative"] = "true", ["lower_a"] = "10", ["lower_b"] = "5", ["lower_c"] = "100", ["lower_d"] = "1000", ["lower_e"] = "10000" }),
        };
        var result = await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("scale", rows));
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldContain(e => e.Field == "lowerB" && e.Value == "5" && e.Line == 2);

        var risk = new List<ImportRow> { new(2, new Dictionary<string, string?> { ["code"] = "R-1", ["title"] = "x", ["kind"] = "hazard", ["dimension"] = "", ["lenses"] = " " }) };
        (await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("risk", risk))).IsOk.ShouldBeTrue();
        (await db.Risks.SingleAsync()).Dimension.ShouldBe(Domain.Register.RiskDimension.Both);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnalysisRunsAndStixObjects_CannotBeWrittenThroughTheRegister(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var result = await new SaveRecord(db, FixedUser.System).HandleAsync(new SaveRecordRequest("stix-object", "indicator--1",
            new Dictionary<string, string?> { ["type"] = "indicator", ["json"] = "{}" }, SaveMode.Create));
        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("analysis-run", []))).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListPages_InNaturalCodeOrder_WithCaseInsensitiveSearchAndExactTotals(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(FixedUser.System);
        var rows = new[] { 10, 9, 2, 100, 1 }.Select((n, i) => new ImportRow(i + 2, new Dictionary<string, string?>
            { ["code"] = $"S-{n}", ["title"] = n == 9 ? "Overstroming Zeeland" : $"Scenario {n}", ["kind"] = "hazard" })).ToList();
        (await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("scenario", rows))).IsOk.ShouldBeTrue();

        var first = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", PageSize: 2))).Value!;
        first.Total.ShouldBe(5);
        first.Items.Select(i => i.Code).ShouldBe(["S-1", "S-2"]);
        var second = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Page: 2, PageSize: 2))).Value!;
        second.Items.Select(i => i.Code).ShouldBe(["S-9", "S-10"]);
        var last = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", PageSize: 2, Descending: true))).Value!;
        last.Items.Select(i => i.Code).ShouldBe(["S-100", "S-10"]);

        var search = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Search: "zeeLAND"))).Value!;
        search.Items.Single().Code.ShouldBe("S-9");
        (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Search: "s-1"))).Value!.Total.ShouldBe(3);
        var byTitle = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Sort: "title"))).Value!;
        byTitle.Items[0].Code.ShouldBe("S-9");

        // Later pages read their rows by the sort keys of the page (the skipped rows only in the index): page after page
        // gives the whole list once, in every order; past the end a page is empty and still says the total.
        foreach (var (sort, descending) in new[] { ((string?)null, false), (null, true), ("title", false), ("title", true) })
        {
            var whole = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Sort: sort, Descending: descending))).Value!.Items.Select(i => i.Code).ToList();
            var paged = new List<string>();
            for (var page = 1; page <= 4; page++)
            {
                var part = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Page: page, PageSize: 2, Sort: sort, Descending: descending))).Value!;
                part.Total.ShouldBe(5);
                paged.AddRange(part.Items.Select(i => i.Code));
            }
            paged.ShouldBe(whole, $"sort {sort ?? "code"}, descending {descending}");
        }
        // A page number whose offset passes int's range is past the end, not the first page again (both ways of listing).
        foreach (var filters in new[] { null, new Dictionary<string, string> { ["kind"] = "hazard" } })
        {
            var far = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Filters: filters, Page: 42_949_674, PageSize: 50))).Value!;
            far.Items.ShouldBeEmpty();
            far.Total.ShouldBe(5);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeepPages_FromTheirAnchors_GiveEveryRecordOnce_InOrder_AndFollowAChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context(FixedUser.System);
        // 130 scenarios, two pairs of codes with the same sort key ("S-9" and "S-09"), so anchors fall among ties.
        var codes = Enumerable.Range(1, 128).Select(n => $"S-{n}").Append("S-09").Append("S-007").ToList();
        var rows = codes.Select((c, i) => new ImportRow(i + 2, new Dictionary<string, string?> { ["code"] = c, ["title"] = "Scenario " + c, ["kind"] = "hazard" })).ToList();
        (await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("scenario", rows))).IsOk.ShouldBeTrue();

        async Task<List<string>> Paged(int size, bool descending, int total = 130)
        {
            var paged = new List<string>();
            for (var page = 1; page <= total / size + 1; page++)
            {
                var part = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Page: page, PageSize: size, Descending: descending))).Value!;
                part.Total.ShouldBe(total);
                paged.AddRange(part.Items.Select(i => i.Code));
            }
            return paged;
        }
        foreach (var descending in new[] { false, true })
        {
            var whole = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", PageSize: 500, Descending: descending))).Value!.Items.Select(i => i.Code).ToList();
            foreach (var size in new[] { 7, ListRecords.AnchorStep, 60 })
            {
                var paged = await Paged(size, descending);
                paged.Distinct().Count().ShouldBe(codes.Count, $"size {size}, descending {descending}");
                paged.Select(Baken.Domain.RecordCode.SortKey).ShouldBe(whole.Select(Baken.Domain.RecordCode.SortKey), $"size {size}, descending {descending}");
            }
        }

        // A change moves the rows after it: the anchors read before it are not used again.
        await Paged(7, false);
        (await new ImportRecords(db, FixedUser.System).HandleAsync(new ImportRecordsRequest("scenario",
            [new ImportRow(2, new Dictionary<string, string?> { ["code"] = "S-0", ["title"] = "First", ["kind"] = "hazard" })]))).IsOk.ShouldBeTrue();
        var after = await Paged(7, false, 131);
        after.Count.ShouldBe(codes.Count + 1);
        after[0].ShouldBe("S-0");
        after.Distinct().Count().ShouldBe(codes.Count + 1);
        var page10 = (await new ListRecords(db).HandleAsync(new ListRecordsRequest("scenario", Page: 10, PageSize: 7))).Value!;
        page10.Items.Select(i => i.Code).ShouldBe(after.Skip(63).Take(7));
    }

    private static async Task<int> CountAll(IBakenDb db)
    {
        var n = 0;
        foreach (var kind in RecordKinds.All) n += await kind.Query(db).CountAsync();
        return n;
    }
}
