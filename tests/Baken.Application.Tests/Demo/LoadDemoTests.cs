using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Demo;
using Baken.Application.Dependencies;
using Baken.Application.Register;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure;
using Baken.Infrastructure.Demo;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Application.Tests.Demo;

/// <summary>The demo loads step by step, each step in one transaction: a refusal half way through a step leaves nothing of it.</summary>
public sealed class LoadDemoTests
{
    private static readonly FixedUser Administrator = new(EnsureAdministrator.AdminUserName, ClassificationLevel.StaatsgeheimZeerGeheim, -1L,
        [Roles.Administrator, Roles.Coordinator, Roles.Analyst, Roles.Secretariat]);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARefusedObservation_LeavesNothingOfTheDependencyScreen_AndTheStepsBeforeItStay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var screen = new ScreenWithABadObservation();
        var services = new ServiceCollection();
        services.AddBakenInfrastructure(database.Options);
        services.AddSingleton(new KnowledgeWideningOptions());
        services.AddSingleton<ICurrentUser>(Administrator);
        services.AddSingleton<IDemoTradeScreen>(screen);
        await using var provided = services.BuildServiceProvider();

        Result<DemoSummary> loaded;
        await using (var scope = provided.CreateAsyncScope())
            loaded = await scope.ServiceProvider.GetRequiredService<LoadDemo>().HandleAsync(new LoadDemoRequest("Demo-analist-2026!", "test"));

        loaded.IsOk.ShouldBeFalse();
        loaded.Message!.ShouldContain("observation");
        var rows = screen.Given!;
        rows.Dependencies.ShouldNotBeEmpty();
        await using var db = database.Context(FixedUser.System);
        var dependencyCodes = rows.Dependencies.Select(r => r.Values["code"]).ToList();
        var indicatorCodes = rows.Indicators.Select(r => r.Values["code"]).ToList();
        (await db.Dependencies.IgnoreQueryFilters().CountAsync(d => dependencyCodes.Contains(d.Code))).ShouldBe(0, "the screen's dependencies were saved before the refused observation");
        (await db.WarningIndicators.IgnoreQueryFilters().CountAsync(i => indicatorCodes.Contains(i.Code))).ShouldBe(0, "the screen's indicators were saved before the refused observation");
        // The steps before it were each whole, and stay.
        (await db.WarningIndicators.IgnoreQueryFilters().CountAsync(i => i.Code == "DEMO-WI-RANSOM")).ShouldBe(1);
        (await db.Scenarios.IgnoreQueryFilters().CountAsync(s => s.Code.StartsWith(DemoPicture.CodePrefix))).ShouldBe(DemoPicture.Scenarios.Count);
    }

    /// <summary>The demo's own screen, with its last observation naming an indicator that does not exist (so the import refuses it).</summary>
    private sealed class ScreenWithABadObservation : IDemoTradeScreen
    {
        public DemoTradeRows? Given { get; private set; }

        public DemoTradeRows Screen(IReadOnlyList<ProductDomain> productDomains)
        {
            var real = new DemoTradeScreen().Screen(productDomains);
            var last = real.Observations[^1];
            var bad = new ImportRow(last.Line, new Dictionary<string, string?>(last.Values, StringComparer.Ordinal) { ["indicator"] = "HHI-NO-SUCH-INDICATOR" });
            Given = real with { Observations = [.. real.Observations.SkipLast(1), bad] };
            return Given;
        }
    }
}
