using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.History;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Permissions;

/// <summary>
/// The findings of issue 13 items 1–4 as use cases see them, on both databases: who owns what, declassification with a
/// reason, publishable only when public. Every refusal leaves the records and the history exactly as they were.
/// </summary>
public sealed class OwnershipTests
{
    private static readonly FixedUser Coordinator = new("coord", ClassificationLevel.StaatsgeheimZeerGeheim, -1, [Roles.Coordinator]);
    private static readonly FixedUser AnaRivm = new("ana-rivm", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.Analyst], "RIVM");
    private static readonly FixedUser AnaNcsc = new("ana-ncsc", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.Analyst], "NCSC");
    private static readonly FixedUser PolicyJenV = new("po-jenv", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.PolicyOwner], "JenV");
    private static readonly FixedUser PolicyBz = new("po-bz", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.PolicyOwner], "BZ");

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await CriteriaFixture.SeedAsync(database, "1.1");
        await using var db = database.Context(FixedUser.System);
        db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
        await db.SaveChangesAsync();
        var save = new SaveRecord(db, FixedUser.System);
        foreach (var (kind, code, values) in new (string, string, Dictionary<string, string?>)[]
                 {
                     ("organisation", "JenV", new() { ["name"] = "Justitie en Veiligheid" }),
                     ("organisation", "BZ", new() { ["name"] = "Buitenlandse Zaken" }),
                     ("scenario", "S-1", new() { ["title"] = "Overstroming", ["kind"] = "hazard" }),
                     ("measure", "M-JENV", new() { ["title"] = "Dijken", ["owner"] = "JenV", ["classification"] = "Stg.C" }),
                     ("measure", "M-BZ", new() { ["title"] = "Diplomatie", ["owner"] = "BZ" }),
                     ("risk", "R-G", new() { ["title"] = "Geheim risico", ["kind"] = "threat", ["classification"] = "Stg.G", ["compartments"] = "NUC" }),
                 })
        {
            var r = await save.HandleAsync(new SaveRecordRequest(kind, code, values, SaveMode.Create));
            r.IsOk.ShouldBeTrue(string.Join("; ", r.Errors) + r.Message);
        }
        var mine = await new SaveRecord(db, AnaRivm).HandleAsync(new SaveRecordRequest("assessment", "S-1.ana-rivm", Assessment("ana-rivm", "RIVM", "C"), SaveMode.Create));
        mine.IsOk.ShouldBeTrue(string.Join("; ", mine.Errors) + mine.Message);
        return database;
    }

    private static Dictionary<string, string?> Assessment(string analyst, string organisation, string score) => new()
    {
        ["scenario"] = "S-1", ["analyst"] = analyst, ["organisation"] = organisation, ["likelihood"] = "C", ["scores"] = $"1.1={score}",
    };

    private static async Task<(int Records, int History)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var records = await db.Assessments.CountAsync() + await db.Measures.CountAsync() + await db.Risks.CountAsync();
        return (records, await db.History.CountAsync());
    }

    private static async Task<Result<RecordView>> Save(TestDatabase database, ICurrentUser user, string kind, string code, Dictionary<string, string?> values, SaveMode mode)
    {
        await using var db = database.Context(user);
        return await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, values, mode));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAssessment_IsWrittenByItsAnalyst_OrEnteredForThemByACoordinator(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var before = await CountsAsync(database);

        // Another analyst edits, deletes or creates in the name of the RIVM analyst: forbidden, nothing written.
        (await Save(database, AnaNcsc, "assessment", "S-1.ana-rivm", new() { ["scores"] = "1.1=E" }, SaveMode.Update)).Status.ShouldBe(ResultStatus.Forbidden);
        (await Save(database, AnaNcsc, "assessment", "S-1.fake", Assessment("ana-rivm", "RIVM", "E"), SaveMode.Create)).Status.ShouldBe(ResultStatus.Forbidden);
        // Nor may they hand their own assessment to someone else.
        await using (var db = database.Context(AnaNcsc))
            (await new DeleteRecord(db, AnaNcsc).HandleAsync(new DeleteRecordRequest("assessment", "S-1.ana-rivm"))).Status.ShouldBe(ResultStatus.Forbidden);
        // A policy owner may not touch assessments at all.
        (await Save(database, PolicyJenV, "assessment", "S-1.ana-rivm", new() { ["scores"] = "1.1=E" }, SaveMode.Update)).Status.ShouldBe(ResultStatus.Forbidden);
        (await CountsAsync(database)).ShouldBe(before);

        // An import that touches one line of someone else's is refused whole, naming that line; its good line is not written.
        await using (var db = database.Context(AnaNcsc))
        {
            var result = await new ImportRecords(db, AnaNcsc).HandleAsync(new ImportRecordsRequest("assessment",
            [
                new ImportRow(2, new Dictionary<string, string?>(Assessment("ana-ncsc", "NCSC", "B")) { ["code"] = "S-1.ana-ncsc" }),
                new ImportRow(3, new Dictionary<string, string?>(Assessment("ana-rivm", "RIVM", "E")) { ["code"] = "S-1.ana-rivm" }),
            ]));
            result.Status.ShouldBe(ResultStatus.Forbidden);
            result.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
            result.Errors[0].ToString().ShouldContain("ana-rivm");
        }
        (await CountsAsync(database)).ShouldBe(before);

        // The coordinator enters a change for the analyst; the history says so.
        var entered = await Save(database, Coordinator, "assessment", "S-1.ana-rivm", new() { ["scores"] = "1.1=D" }, SaveMode.Update);
        entered.IsOk.ShouldBeTrue(string.Join("; ", entered.Errors) + entered.Message);
        await using (var db = database.Context(FixedUser.System))
        {
            var last = await db.History.Where(h => h.EntityKind == "assessment").OrderByDescending(h => h.Version).FirstAsync();
            last.UserName.ShouldBe("coord");
            last.Note.ShouldBe("entered by coord for ana-rivm");
        }
        // The analyst's own edit carries no such note.
        (await Save(database, AnaRivm, "assessment", "S-1.ana-rivm", new() { ["scores"] = "1.1=B" }, SaveMode.Update)).IsOk.ShouldBeTrue();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APolicyOwner_WritesOnlyTheirOwnOrganisationsMeasures(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var before = await CountsAsync(database);

        (await Save(database, PolicyJenV, "measure", "M-BZ", new() { ["yearly_cost"] = "1" }, SaveMode.Update)).Status.ShouldBe(ResultStatus.Forbidden);
        (await Save(database, PolicyJenV, "measure", "M-NEW", new() { ["title"] = "voor BZ", ["owner"] = "BZ" }, SaveMode.Create)).Status.ShouldBe(ResultStatus.Forbidden);
        (await Save(database, PolicyJenV, "measure", "M-NONE", new() { ["title"] = "van niemand" }, SaveMode.Create)).Status.ShouldBe(ResultStatus.Forbidden);
        // Handing an own measure to another organisation is writing that organisation's measure.
        (await Save(database, PolicyJenV, "measure", "M-JENV", new() { ["owner"] = "BZ" }, SaveMode.Update)).Status.ShouldBe(ResultStatus.Forbidden);
        // An analyst changes no measure's cost (the finding), nor does a council secretariat.
        (await Save(database, AnaRivm, "measure", "M-BZ", new() { ["yearly_cost"] = "1" }, SaveMode.Update)).Status.ShouldBe(ResultStatus.Forbidden);
        await using (var db = database.Context(PolicyBz))
            (await new DeleteRecord(db, PolicyBz).HandleAsync(new DeleteRecordRequest("measure", "M-JENV"))).Status.ShouldBe(ResultStatus.Forbidden);
        (await CountsAsync(database)).ShouldBe(before);

        (await Save(database, PolicyJenV, "measure", "M-JENV", new() { ["yearly_cost"] = "2000000" }, SaveMode.Update)).IsOk.ShouldBeTrue();
        (await Save(database, PolicyJenV, "measure", "M-JENV-2", new() { ["title"] = "Nieuw", ["owner"] = "JenV" }, SaveMode.Create)).IsOk.ShouldBeTrue();
        (await Save(database, PolicyBz, "progress-update", "PU-1", new() { ["subject"] = "measure:M-BZ", ["date"] = "2026-11-01", ["status"] = "on-track" }, SaveMode.Create))
            .IsOk.ShouldBeTrue();
        (await Save(database, PolicyJenV, "progress-update", "PU-2", new() { ["subject"] = "measure:M-BZ", ["date"] = "2026-11-01", ["status"] = "on-track" }, SaveMode.Create))
            .Status.ShouldBe(ResultStatus.Forbidden);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Declassifying_NeedsACoordinatorOrTheOriginator_AndAReason_AndIsItsOwnHistoryEvent(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var before = await CountsAsync(database);
        var holder = new FixedUser("nuc-analyst", ClassificationLevel.StaatsgeheimZeerGeheim, ClassifiedFixture.Nuc, [Roles.Analyst, Roles.Secretariat]);

        // Not the writer's to lower: forbidden, whoever may read it.
        (await Save(database, holder, "risk", "R-G", new() { ["classification"] = "Ongerubriceerd", ["declassification_reason"] = "x" }, SaveMode.Update))
            .Status.ShouldBe(ResultStatus.Forbidden);
        (await Save(database, PolicyBz, "measure", "M-JENV", new() { ["classification"] = "Ongerubriceerd", ["declassification_reason"] = "x" }, SaveMode.Update))
            .Status.ShouldBe(ResultStatus.Forbidden);
        // The coordinator, without a reason: invalid, naming the field.
        var noReason = await Save(database, Coordinator, "risk", "R-G", new() { ["compartments"] = "" }, SaveMode.Update);
        noReason.Status.ShouldBe(ResultStatus.Invalid);
        noReason.Errors.ShouldHaveSingleItem().Field.ShouldBe("declassification_reason");
        (await CountsAsync(database)).ShouldBe(before);

        // With a reason: saved, and the history keeps it as a declassification of its own.
        (await Save(database, Coordinator, "risk", "R-G", new() { ["compartments"] = "", ["declassification_reason"] = "NUC-bijlage vervallen" }, SaveMode.Update))
            .IsOk.ShouldBeTrue();
        // The originating organisation lowers its own measure.
        var own = await Save(database, PolicyJenV, "measure", "M-JENV", new() { ["classification"] = "Dep.V", ["declassification_reason"] = "openbaar gemaakt in de begroting" }, SaveMode.Update);
        own.IsOk.ShouldBeTrue(string.Join("; ", own.Errors) + own.Message);
        // Raising is no declassification and needs no reason.
        (await Save(database, PolicyJenV, "measure", "M-JENV", new() { ["classification"] = "Stg.G" }, SaveMode.Update)).IsOk.ShouldBeTrue();

        await using var db = database.Context(FixedUser.System);
        var risk = await db.History.Where(h => h.EntityCode == "R-G").OrderBy(h => h.Version).ToListAsync();
        risk.Last().Change.ShouldBe(ChangeKind.Declassify);
        risk.Last().Note!.ShouldContain("NUC-bijlage vervallen");
        risk.Last().CompartmentMask.ShouldBe(ClassifiedFixture.Nuc); // the entry keeps the higher marking of the two versions
        var measure = await db.History.Where(h => h.EntityCode == "M-JENV").OrderBy(h => h.Version).Select(h => h.Change).ToListAsync();
        measure.ShouldBe([ChangeKind.Insert, ChangeKind.Declassify, ChangeKind.Update]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishable_IsRefusedAboveOngerubriceerdOrInACompartment(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        var before = await CountsAsync(database);
        var high = await Save(database, Coordinator, "risk", "R-ZG", new() { ["title"] = "zeer geheim", ["kind"] = "threat", ["classification"] = "Stg.ZG", ["publishable"] = "true" }, SaveMode.Create);
        high.Status.ShouldBe(ResultStatus.Invalid);
        high.Errors.ShouldHaveSingleItem().Field.ShouldBe("publishable");
        (await Save(database, Coordinator, "risk", "R-N", new() { ["title"] = "nuc", ["kind"] = "threat", ["compartments"] = "NUC", ["publishable"] = "true" }, SaveMode.Create))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("publishable");
        (await Save(database, Coordinator, "measure", "M-BZ", new() { ["publishable"] = "true" }, SaveMode.Update)).IsOk.ShouldBeTrue();
        // Raising a published record's marking while it stays publishable is refused the same way.
        (await Save(database, Coordinator, "measure", "M-BZ", new() { ["classification"] = "Dep.V" }, SaveMode.Update)).Errors.ShouldHaveSingleItem().Field.ShouldBe("publishable");
        (await CountsAsync(database)).Records.ShouldBe(before.Records);
    }
}
