using System.Net;
using System.Text.RegularExpressions;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>The catalogue administration page: profiles, scales, themes and indicative settings.</summary>
public sealed class CataloguePageTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACoordinator_SavesProfileWeights_OnThePage_AndSeesWhatIsWrong(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var coordinator = await app.SignedInClientAsync("coord", ClassificationLevel.StaatsgeheimGeheim, "Coordinator");
        var html = await coordinator.GetStringAsync("/admin/catalogue");
        html.ShouldContain("Weegprofielen");
        html.ShouldContain("profiles.EQ-CRIT");
        WebUtility.HtmlDecode(html).ShouldContain("≥ 50.000.000"); // 3.1 costs, class A, in the Dutch number format
        html.ShouldContain("Klimaat- en natuurrampen");
        html.ShouldContain("monetisation");

        var version = Regex.Match(html, "name=\"_handler\" value=\"weights-profiles.EQ-CRIT\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        FormUrlEncodedContent Form(string weightFor21) => new(new Dictionary<string, string>
        {
            ["_handler"] = "weights-profiles.EQ-CRIT", ["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["version"] = version, ["w.1.1"] = "1", ["w.2.1"] = weightFor21, ["w.3.1"] = "1",
        });
        var refused = await (await coordinator.PostAsync("/admin/catalogue", Form("-2"))).Content.ReadAsStringAsync();
        refused.ShouldContain("role=\"alert\"");
        refused.ShouldContain("weights.2.1: &#x27;-2&#x27;");

        var saved = await (await coordinator.PostAsync("/admin/catalogue", Form("4"))).Content.ReadAsStringAsync();
        saved.ShouldContain("Opgeslagen: profiles.EQ-CRIT");
        await using var db = app.Database.Context(FixedUser.System);
        var entry = (await new GetRecord(db).HandleAsync("catalogue-entry", "profiles.EQ-CRIT")).Value!;
        entry.Fields["attributes"]!.ShouldContain("\"2.1\":4");
        entry.Version.ShouldBe(int.Parse(version) + 1);
    }

    [Fact]
    public async Task AnAnalyst_IsSentAway_AndTheNavigationOffersNoAdministration()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        var analyst = await app.SignedInClientAsync("ana", ClassificationLevel.StaatsgeheimGeheim);
        var response = await analyst.GetAsync("/admin/catalogue");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/denied");
        (await analyst.GetStringAsync("/")).ShouldNotContain("href=\"/admin/");
    }

    [SkippableTheory]
    [InlineData(ClassificationLevel.DepartementaalVertrouwelijk, false)]
    [InlineData(ClassificationLevel.StaatsgeheimGeheim, true)]
    public async Task ClassifiedCatalogueEntries_AppearOnlyToCoordinatorsCleared(ClassificationLevel clearance, bool seen)
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        await using (var db = app.Database.Context(FixedUser.System))
        {
            var save = new SaveRecord(db, FixedUser.System);
            (await save.HandleAsync(new SaveRecordRequest("catalogue-entry", "monetisation.MARK-SECRET", new Dictionary<string, string?>
                { ["kind"] = "monetisation", ["name"] = "MARK-SECRET-RATE", ["indicative"] = "true", ["classification"] = "Stg.G" }, SaveMode.Create))).IsOk.ShouldBeTrue();
            (await save.HandleAsync(new SaveRecordRequest("theme", "T-MARK", new Dictionary<string, string?>
                { ["name"] = "MARK-SECRET-THEME", ["classification"] = "Stg.G" }, SaveMode.Create))).IsOk.ShouldBeTrue();
        }
        var coordinator = await app.SignedInClientAsync("coord", clearance, "Coordinator");
        var html = await coordinator.GetStringAsync("/admin/catalogue");
        html.Contains("MARK-SECRET-RATE").ShouldBe(seen);
        html.Contains("MARK-SECRET-THEME").ShouldBe(seen);
        html.Contains("T-MARK").ShouldBe(seen);
    }
}
