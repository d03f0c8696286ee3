using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>A newcomer's first hour: error pages by who asks, one title, the import page, guidance on an empty install, the demo button.</summary>
public sealed class FirstHourPageTests
{
    private static HttpRequestMessage Browser(string url) =>
        new(HttpMethod.Get, url) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/html") } } };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownAddress_IsAPageForBrowsers_AndProblemJsonForApiClients(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = app.Anonymous();
        var page = await client.SendAsync(Browser("/no-such-page"));
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        Regex.Matches(html, "<title>").Count.ShouldBe(1);
        html.ShouldContain("Deze pagina bestaat niet");
        html.ShouldContain("href=\"/\"");

        var api = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/no-such-route") { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } });
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        // Even a browser asking an /api address gets the problem: the API answers machines.
        (await client.SendAsync(Browser("/api/no-such-route"))).Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var icon = await client.GetAsync("/favicon.svg");
        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    /// <summary>
    /// A register address under a record that is not there (its history, a page that does not exist) is the 404 page in
    /// the reader's language for a browser, never the API's English problem JSON; an API client still gets the problem.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MissingRecordsSubPage_IsThe404PageInTheReadersLanguage_ForBrowsers(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.SignedInClientAsync("ana", ClassificationLevel.Ongerubriceerd);
        foreach (var url in new[] { "/register/scenario/NOPE/history", "/register/scenario/NOPE/assess/more", "/register/nokind/NOPE/history" })
        {
            var nl = await client.SendAsync(Browser(url + "?culture=nl&ui-culture=nl"));
            nl.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            nl.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", url);
            var html = await nl.Content.ReadAsStringAsync();
            html.ShouldContain("Deze pagina bestaat niet", Case.Sensitive, url);
            html.ShouldContain("<html lang=\"nl\"", Case.Sensitive, url);
            var en = await client.SendAsync(Browser(url + "?culture=en&ui-culture=en"));
            en.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await en.Content.ReadAsStringAsync()).ShouldContain("<html lang=\"en\"", Case.Sensitive, url);
        }
        // A register page of a kind that does not exist says so in words, not a bare "404".
        var unknownKind = await (await client.SendAsync(Browser("/register/nokind?culture=nl&ui-culture=nl"))).Content.ReadAsStringAsync();
        unknownKind.ShouldContain("Deze pagina bestaat niet");
        unknownKind.ShouldNotContain("<h1>404</h1>");
        var api = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/register/scenario/NOPE/history") { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } });
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryPage_HasExactlyOneTitle(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var anonymous = app.Anonymous();
        Regex.Matches(await anonymous.GetStringAsync("/signin"), "<title>").Count.ShouldBe(1);
        var client = await app.SignedInClientAsync("ana", ClassificationLevel.Ongerubriceerd);
        foreach (var url in new[] { "/", "/analysis", "/register/scenario", "/assessments/import", "/councils", "/strategy", "/measures/portfolio", "/signals", "/alerts", "/capabilities", "/risk-sheets/NONE" })
            Regex.Matches(await client.GetStringAsync(url), "<title>").Count.ShouldBe(1, url);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EmptyInstall_DashboardSaysHowToStart_AndOffersTheDemoToAdministratorsOnly(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var analyst = await app.SignedInClientAsync("ana", ClassificationLevel.Ongerubriceerd);
        var html = await analyst.GetStringAsync("/");
        html.ShouldContain("Zo begint u");
        html.ShouldContain("href=\"/assessments/import\"");
        html.ShouldContain("baken assessments import");
        html.ShouldContain("baken demo");
        html.ShouldNotContain("load-demo");
        html.ShouldNotContain("Analyses. Analyses");
        var admin = await app.SignedInClientAsync("beheer", ClassificationLevel.StaatsgeheimZeerGeheim, "Administrator");
        (await admin.GetStringAsync("/")).ShouldContain("value=\"load-demo\"");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportPage_IsAllOrNothing_WithLineNumberedErrors_ThenImportsAGoodFile(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        // A coordinator: an analyst's import may score existing scenarios but not create them (docs/security.md).
        var client = await app.SignedInClientAsync("ana", ClassificationLevel.StaatsgeheimGeheim, "Analyst;Coordinator");
        const string header = "scenario_id,scenario_title,theme,kind,analyst,organisation,classification,horizon_years,likelihood,intent,capability,vulnerability,1.1,1.2,2.1,2.2,2.3,3.1,4.1,5.1,5.2,5.3";
        const string good = "S-UP,Uploaded scenario,T1,hazard,ana,WODC,Ongerubriceerd,5,C,,,,A,A,B,B,A,C,X,B,A,B";
        const string bad = "S-UP2,Second scenario,T1,hazard,ana,WODC,Ongerubriceerd,5,Q,,,,A,A,B,B,A,C,X,B,A,B";

        var refused = await PostFile(client, header + "\n" + good + "\n" + bad + "\n");
        // A Dutch page tells it in Dutch (issue 17): the line and the field's label.
        refused.ShouldContain("regel 3: Waarschijnlijkheid");
        await using (var db = app.Database.Context(FixedUser.System))
            (await db.Scenarios.CountAsync()).ShouldBe(0);

        var imported = await PostFile(client, header + "\n" + good + "\n");
        imported.ShouldContain("Geïmporteerd");
        await using (var db = app.Database.Context(FixedUser.System))
            (await db.Assessments.SingleAsync()).Code.ShouldBe("S-UP.ana");

        // Without the antiforgery token the form is refused.
        using var forged = new MultipartFormDataContent { { new StringContent("import-assessments"), "_handler" }, { new ByteArrayContent("x"u8.ToArray()), "file", "a.csv" } };
        (await client.PostAsync("/assessments/import", forged)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<string> PostFile(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync("/assessments/import");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import-assessments"), "_handler" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "assessments.csv" },
        };
        var response = await client.PostAsync("/assessments/import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoButton_LoadsThePicture_AndEveryPageThenShowsItUnderABanner(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        // The roles of the first administrator: the demo writes councils too (Secretariat).
        var admin = await app.SignedInClientAsync("beheer", ClassificationLevel.StaatsgeheimZeerGeheim, "Administrator;Coordinator;Analyst;Secretariat");
        var token = await RunningApp.AntiforgeryAsync(admin, "/");
        var loaded = await admin.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "load-demo" }));
        var html = WebUtility.HtmlDecode(await loaded.Content.ReadAsStringAsync());
        loaded.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("analist-aivd");
        html.ShouldNotContain("Zo begint u");

        // Every page kind shows demo records, under the banner.
        foreach (var (url, expected) in new[]
                 {
                     ("/", "FICTIEF"), ("/register/scenario", "DEMO-T1-FLOOD"), ("/register/risk", "DEMO-R-T1"), ("/analysis", "RUN-"),
                     ("/strategy", "DEMO-IND-PATCH"), ("/strategy/gaps", "GOAL-"), ("/measures/portfolio", "DEMO-M-"), ("/councils", "DEMO-"),
                     ("/signals", "fictief"), ("/alerts", "DEMO-WI-RANSOM"), ("/dependencies", "DEP-EU27-"), ("/cascades", "/register/vital-process/"),
                     ("/register/scenario/DEMO-T1-FLOOD/analysts", "analist-wodc"),
                 })
        {
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
            page.ShouldContain("dit register bevat demonstratiegegevens", Case.Sensitive, url);
            page.ShouldContain(expected, Case.Sensitive, url);
        }

        // The trends page connects the picture: the GBVS trend on technology and hybrid conflict has the demo's signals
        // tagged with it, drives the ransomware scenario, and shows the open alert of the indicator linked to that scenario.
        var trends = await admin.GetStringAsync("/trends");
        var row = System.Text.RegularExpressions.Regex.Match(trends, "<tr[^>]*>(?:(?!</tr>).)*?/register/trend/2.3\"(?:(?!</tr>).)*</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        row.ShouldNotBeEmpty(trends);
        row.ShouldContain("class=\"warn\"");
        row.ShouldContain("/risk-sheets/DEMO-T8-RANSOM");
        row.ShouldContain("/register/alert/ALERT-DEMO-WI-RANSOM");
        var cells = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(row, "<[^>]+>", " "), @"\s+", " ");
        var signals = int.Parse(System.Text.RegularExpressions.Regex.Match(cells, @"(\d+) \(laatste").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        signals.ShouldBe(3); // phishing, ransomware and disinformation, all tagged trend:2.3
        // Trends with open alerts come first; the climate trend has its signal and its scenarios too.
        trends.IndexOf("/register/trend/2.3\"", StringComparison.Ordinal).ShouldBeLessThan(trends.IndexOf("/register/trend/2.2.e\"", StringComparison.Ordinal));
        System.Text.RegularExpressions.Regex.Match(trends, "<tr[^>]*>(?:(?!</tr>).)*?/register/trend/2.2.e\"(?:(?!</tr>).)*</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value
            .ShouldContain("/risk-sheets/DEMO-T1-HEAT");

        // The demo's dependency weighs options from the framework, shown as choices in Dutch.
        WebUtility.HtmlDecode(await admin.GetStringAsync("/dependencies")).ShouldContain("diversifiëren (gekozen): tweede leverancier");
        // … and the integrated analysis names the chosen option beside the dependency that feeds the chips scenario.
        var run = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync("/analysis"), "/analysis/(RUN-[^\"/?#]+)\"").Groups[1].Value;
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/api/analysis/runs/{run}/report?format=html")).ShouldContain("gekozen: diversifiëren");
    }
}
