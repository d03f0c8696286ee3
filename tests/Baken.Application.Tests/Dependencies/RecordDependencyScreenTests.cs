using Baken.Application.Common;
using Baken.Application.Dependencies;
using Baken.Application.Register;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Tests.Dependencies;

/// <summary>A trade screen kept in the register: its dependencies and their concentration series, all or nothing.</summary>
public sealed class RecordDependencyScreenTests
{
    private static ImportRow Row(int line, params (string Field, string? Value)[] values) =>
        new(line, values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal));

    private static DependencyScreenRows Screen(string observationDate) => new(2023,
        [Row(1, ("code", "DEP-EU27-294110"), ("classification", "Ongerubriceerd"), ("title", "Antibiotics (HS 294110), imported by EU27"),
            ("hs6", "294110"), ("importer", "EU27"), ("year", "2023"), ("supplier_hhi", "0.62"))],
        [Row(1, ("code", "HHI-EU27-294110"), ("classification", "Ongerubriceerd"), ("title", "Supplier concentration of HS 294110 into EU27"),
            ("unit", "HHI 0–1"), ("direction", "rising"), ("amber", "0.4"))],
        [Row(1, ("code", "HHI-EU27-294110-2023"), ("classification", "Ongerubriceerd"), ("indicator", "HHI-EU27-294110"),
            ("date", observationDate), ("value", "0.62"))]);

    private static RecordDependencyScreen Keep(BakenDbContext db, ICurrentUser user) =>
        new(db, new ImportRecords(db, user), new DatabaseTransactions(db));

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HandleAsync_KeepsTheDependencies_AndTheSeriesThatNamesThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            var kept = await Keep(db, FixedUser.System).HandleAsync(Screen("2023-12-31"));
            kept.IsOk.ShouldBeTrue(string.Join("; ", kept.Errors) + " " + kept.Message);
            kept.Value!.Dependencies.Created.ShouldBe(1);
            kept.Value.Indicators.Created.ShouldBe(1);
            kept.Value.Observations.Created.ShouldBe(1);
        }
        await using (var db = database.Context(FixedUser.System))
        {
            (await db.Dependencies.SingleAsync(d => d.Code == "DEP-EU27-294110")).Hs6.ShouldBe(294110);
            (await db.Observations.SingleAsync(o => o.IndicatorCode == "HHI-EU27-294110")).Value.ShouldBe(0.62);
            // The catalogue's mapping that gives the rows their domains is readable through the use case.
            (await Keep(db, FixedUser.System).ProductDomainsAsync()).ShouldContain(d => d.Prefix.Length > 0 && d.Domain.Length > 0);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HandleAsync_WhenTheLastPartIsRefused_LeavesNothingOfTheScreen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var db = database.Context(FixedUser.System))
        {
            // The dependencies and the indicator are valid and saved first; the observation's date is not.
            var kept = await Keep(db, FixedUser.System).HandleAsync(Screen("not-a-date"));
            kept.Status.ShouldBe(ResultStatus.Invalid);
            kept.Errors.ShouldContain(e => e.Field == "date" && e.Value == "not-a-date");
        }
        await using (var db = database.Context(FixedUser.System))
        {
            (await db.Dependencies.CountAsync(d => d.Code == "DEP-EU27-294110")).ShouldBe(0);
            (await db.WarningIndicators.CountAsync(i => i.Code == "HHI-EU27-294110")).ShouldBe(0);
            (await db.Observations.CountAsync(o => o.IndicatorCode == "HHI-EU27-294110")).ShouldBe(0);
        }
    }
}
