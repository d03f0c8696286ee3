using Baken.Methods.Signals;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Signals;

/// <summary>A stacked-threat finding made into an agenda item or a scenario (the /threats page's buttons).</summary>
public sealed class PromoteStackedThreatTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly FixedUser Secretariat = new("secretaris", ClassificationLevel.DepartementaalVertrouwelijk, ClassifiedFixture.Nuc, [Roles.Secretariat]);
    private static readonly FixedUser Analyst = new("analist", ClassificationLevel.DepartementaalVertrouwelijk, ClassifiedFixture.Nuc, [Roles.Analyst]);

    private static MarkedFinding Finding(string target) => new(
        new StackedThreatFinding(target, 2.5, [], Today.AddDays(-30), Today, "Three weak signals press on the same target."),
        new Classification(ClassificationLevel.DepartementaalVertrouwelijk, ClassifiedFixture.Nuc),
        new Marking(ClassificationLevel.DepartementaalVertrouwelijk, ["NUC"]));

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
        await db.SaveChangesAsync();
        var save = new SaveRecord(db, FixedUser.System);
        foreach (var (code, level) in new[] { ("R-OPEN", "Ongerubriceerd"), ("R-GEHEIM", "Stg.G") })
            (await save.HandleAsync(new SaveRecordRequest("risk", code, new Dictionary<string, string?>
                { ["title"] = code, ["kind"] = "threat", ["classification"] = level }, SaveMode.Create))).IsOk.ShouldBeTrue();
    }

    private static PromoteStackedThreat Promote(IBakenDb db, ICurrentUser user) => new(db, new SaveRecord(db, user));

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Promote_ToAgenda_CarriesTheFindingsMarking_AndLinksOnlyATargetTheWriterSees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await SeedAsync(database);
        await using var db = database.Context(Secretariat);
        var promote = Promote(db, Secretariat);
        (await promote.CouncilsAsync()).ShouldContain("RVI");

        var open = await promote.HandleAsync(new PromoteStackedThreatRequest(Finding("risk:R-OPEN"), PromoteTo.AgendaItem, "Gestapelde dreiging: risk:R-OPEN", "RVI", Today));
        var hidden = await promote.HandleAsync(new PromoteStackedThreatRequest(Finding("risk:R-GEHEIM"), PromoteTo.AgendaItem, "Gestapelde dreiging: risk:R-GEHEIM", "RVI", Today));

        open.IsOk.ShouldBeTrue(string.Join("; ", open.Errors) + open.Message);
        open.Value!.Code.ShouldBe(PromoteStackedThreat.CodeFor("risk:R-OPEN", Today));
        open.Value.Code.ShouldStartWith("ST-20261123-");
        var item = await db.AgendaItems.AsNoTracking().SingleAsync(a => a.Code == open.Value.Code);
        item.Classification.ShouldBe(new Classification(ClassificationLevel.DepartementaalVertrouwelijk, ClassifiedFixture.Nuc));
        item.Links.ShouldBe([new RecordLink("risk", "R-OPEN")]);
        item.PlannedFor.ShouldBe(Today.AddDays(30));
        // A target above the writer's clearance is not linked: the item must not tell that it exists.
        hidden.IsOk.ShouldBeTrue(string.Join("; ", hidden.Errors) + hidden.Message);
        (await db.AgendaItems.AsNoTracking().SingleAsync(a => a.Code == hidden.Value!.Code)).Links.ShouldBeEmpty();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Promote_ByARoleThatMayNotAddAgendaItems_IsForbidden_AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await SeedAsync(database);
        await using var db = database.Context(Analyst);
        var before = await db.AgendaItems.IgnoreQueryFilters().CountAsync();

        var result = await Promote(db, Analyst).HandleAsync(new PromoteStackedThreatRequest(Finding("risk:R-OPEN"), PromoteTo.AgendaItem, "t", "RVI", Today));

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await db.AgendaItems.IgnoreQueryFilters().CountAsync()).ShouldBe(before);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Promote_ToScenario_MakesAThreatScenarioMarkedAsTheFinding(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await SeedAsync(database);
        var coordinator = new FixedUser("coordinator", ClassificationLevel.StaatsgeheimGeheim, ClassifiedFixture.Nuc, [Roles.Coordinator]);
        await using var db = database.Context(coordinator);

        var result = await Promote(db, coordinator).HandleAsync(new PromoteStackedThreatRequest(Finding("actor:A-1"), PromoteTo.Scenario, "Stacked threat: actor:A-1", null, Today));

        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors) + result.Message);
        var scenario = await db.Scenarios.AsNoTracking().SingleAsync(s => s.Code == result.Value!.Code);
        scenario.Title.ShouldBe("Stacked threat: actor:A-1");
        scenario.Classification.ShouldBe(new Classification(ClassificationLevel.DepartementaalVertrouwelijk, ClassifiedFixture.Nuc));
    }
}
