using System.Net;
using System.Text.Json;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Signals;

/// <summary>The trends page and the horizon scan (issue 20), within the reader's clearance.</summary>
public sealed class HorizonPagesTests
{
    private static async Task Post(HttpClient client, string kind, string code, params (string Field, string Value)[] values)
    {
        var body = new StringContent(JsonSerializer.Serialize(new { code, values = values.ToDictionary(v => v.Field, v => v.Value) }), System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/register/{kind}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Replace(" )", ")");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TrendsPage_ShowsSignalsScenariosAndOpenAlerts_InTheReadersLanguage_AndOnlyWhatTheyMaySee(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim);
        await Post(coordinator, "scenario", "S-DRY", ("title", "Droogte"), ("kind", "hazard"));
        await Post(coordinator, "trend", "TR-KLIMAAT", ("name", "Klimaatverandering"), ("name_en", "Climate change"), ("horizon_years", "15"),
            ("direction", "rising"), ("confidence", "high"), ("scenarios", "S-DRY"));
        await Post(coordinator, "trend", "TR-GEHEIM", ("name", "GEHEIME-TREND"), ("classification", "Stg.C"));
        await Post(coordinator, "signal", "SIG-1", ("title", "Laagste Rijnafvoer ooit"), ("date", "2026-08-01"), ("tags", "trend:TR-KLIMAAT"));
        await Post(coordinator, "signal", "SIG-2", ("title", "Verborgen melding"), ("date", "2026-09-01"), ("tags", "trend:TR-KLIMAAT"), ("classification", "Stg.C"));
        await Post(coordinator, "warning-indicator", "W-AFVOER", ("title", "Rijnafvoer"), ("direction", "falling"), ("amber", "1000"), ("red", "800"), ("tags", "trend:TR-KLIMAAT"));
        await Post(coordinator, "observation", "W-AFVOER-1", ("indicator", "W-AFVOER"), ("date", "2026-08-01"), ("value", "750"));
        (await coordinator.PostAsync("/api/alerts/evaluate", null)).IsSuccessStatusCode.ShouldBeTrue();

        var reader = await app.SignedInClientAsync("lezer", ClassificationLevel.Ongerubriceerd);
        var nl = await reader.GetStringAsync("/trends");
        nl.ShouldContain("Trends en drijvende krachten");
        nl.ShouldContain("Klimaatverandering");
        nl.ShouldContain("15 jaar");
        nl.ShouldContain("stijgend");
        nl.ShouldContain("/risk-sheets/S-DRY");
        nl.ShouldContain("W-AFVOER");           // the open alert, through the indicator's trend tag (and the trend's scenario)
        Text(nl).ShouldContain("1 (laatste 01-08-2026)"); // one signal: the Stg.C one is not counted for this reader
        nl.ShouldNotContain("GEHEIME-TREND");
        var en = await reader.GetStringAsync("/trends?culture=en&ui-culture=en");
        en.ShouldContain("Climate change");
        en.ShouldContain("rising");
        en.ShouldContain("15 years");

        var cleared = await app.SignedInClientAsync("ingewijd", ClassificationLevel.StaatsgeheimGeheim);
        var all = await cleared.GetStringAsync("/trends");
        all.ShouldContain("GEHEIME-TREND");
        Text(all).ShouldContain("2 (laatste 01-09-2026)");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForesightPage_ShowsDriversWildcardsAndTheFourWorldsOfAFrame_WithItsMarking(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim);
        await Post(coordinator, "trend", "TR-GEO", ("name", "Geopolitieke rivaliteit"), ("kind", "driver"), ("horizon_years", "15"));
        await Post(coordinator, "trend", "TR-ZON", ("name", "Zonnestorm"), ("kind", "wildcard"), ("classification", "Dep.V"));
        await Post(coordinator, "scenario-frame", "SF-2040", ("title", "Nederland in 2040"), ("horizon_years", "15"), ("uncertainty_a", "Internationale orde"),
            ("a_low", "versplinterd"), ("a_high", "hersteld"), ("uncertainty_b", "Technologische afhankelijkheid"), ("b_low", "autonoom"), ("b_high", "afhankelijk"));

        var reader = await app.SignedInClientAsync("lezer", ClassificationLevel.DepartementaalVertrouwelijk, roles: "Coordinator");
        var nl = Text(await reader.GetStringAsync("/foresight"));
        nl.ShouldContain("Horizonverkenning");
        nl.ShouldContain("DEP. VERTROUWELIJK");      // the high-water mark of what the page shows
        nl.ShouldContain("Drijvende krachten TR-GEO Geopolitieke rivaliteit (15 jaar)");
        nl.ShouldContain("Wildcards TR-ZON Zonnestorm");
        nl.ShouldContain("4 hersteld afhankelijk");
        nl.ShouldContain("Maak registerscenario");
        var publicReader = await app.SignedInClientAsync("publiek", ClassificationLevel.Ongerubriceerd);
        Text(await publicReader.GetStringAsync("/foresight")).ShouldNotContain("Zonnestorm");
    }
}
