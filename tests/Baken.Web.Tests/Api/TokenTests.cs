using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>Scoped personal API tokens, the token page, and lockout through the sign-in form.</summary>
public sealed class TokenTests
{
    private const string Password = RunningApp.BrowserPassword;

    private static StringContent NewRisk(string code) => new(JsonSerializer.Serialize(new { code, values = new Dictionary<string, string> { ["title"] = code, ["kind"] = "threat" } }),
        System.Text.Encoding.UTF8, "application/json");

    private static Task<string> Antiforgery(HttpClient client, string page) => RunningApp.AntiforgeryAsync(client, page);

    private static Task<HttpClient> SignedInAsync(RunningApp app, string name) => app.SignedInClientAsync(name, ClassificationLevel.DepartementaalVertrouwelijk);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReadToken_Reads_ButCannotChange_AWriteTokenCan(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var reader = await app.ClientForAsync("lezer", ClassificationLevel.DepartementaalVertrouwelijk, scopes: "read");
        var writer = await app.ClientForAsync("schrijver", ClassificationLevel.DepartementaalVertrouwelijk, scopes: "read;write");

        (await reader.GetAsync("/api/register/risk")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await reader.PostAsync("/api/register/risk", NewRisk("R-READ"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("scope 'write'");
        (await reader.DeleteAsync("/api/register/risk/R-ANY")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await writer.PostAsync("/api/register/risk", NewRisk("R-WRITE"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await reader.GetStringAsync("/api/register/risk")).ShouldContain("R-WRITE");
        (await reader.GetStringAsync("/api/register/risk")).ShouldNotContain("R-READ");
    }

    [Fact]
    public async Task TheTokenPage_CreatesATokenShownOnce_AndRevokingItStopsItAtOnce()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var browser = await SignedInAsync(app, "eigenaar");
        (await browser.GetStringAsync("/account/tokens")).ShouldContain("Persoonlijke API-sleutels");

        var created = await browser.PostAsync("/account/tokens", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("_handler", "create-token"), new("__RequestVerificationToken", await Antiforgery(browser, "/account/tokens")),
            new("name", "nachtelijke import"), new("scopes", "read"), new("days", "30"),
        }));
        var html = await created.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "<code id=\"new-token\">(bkn_[0-9a-f]+)</code>").Groups[1].Value;
        token.ShouldStartWith("bkn_");
        html.ShouldContain("nachtelijke import");

        var machine = new HttpClient { BaseAddress = app.Address };
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await machine.GetStringAsync("/api/me")).ShouldContain("eigenaar");
        (await machine.PostAsync("/api/register/risk", NewRisk("R-X"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The token is never shown again.
        var later = await browser.GetStringAsync("/account/tokens");
        later.ShouldNotContain(token);
        var id = Regex.Match(later, "name=\"revoke\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var revoked = await browser.PostAsync("/account/tokens", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("_handler", "revoke-token"), new("__RequestVerificationToken", await Antiforgery(browser, "/account/tokens")), new("revoke", id),
        }));
        (await revoked.Content.ReadAsStringAsync()).ShouldContain("ingetrokken");
        (await machine.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenAuthenticatedRequest_CannotMintAToken()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var machine = await app.ClientForAsync("machine", ClassificationLevel.DepartementaalVertrouwelijk, scopes: "read;write");
        int Count() { using var db = app.Database.Context(FixedUser.System); return db.ApiTokens.Count(); }
        var before = Count();
        var page = await machine.GetAsync("/account/tokens");
        var form = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var created = await machine.PostAsync("/account/tokens", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("_handler", "create-token"), new("__RequestVerificationToken", form), new("name", "nooit"), new("scopes", "read"), new("days", ""),
        }));
        (await created.Content.ReadAsStringAsync()).ShouldNotContain("new-token");
        Count().ShouldBe(before);
        // The use case itself refuses a token-authenticated caller, whatever page or route asks.
        await using var db = app.Database.Context(FixedUser.System);
        var viaToken = new FixedUser("machine", ClassificationLevel.DepartementaalVertrouwelijk, 0, ["Coordinator"], ViaApiToken: true);
        (await new ApiTokens(db, viaToken, TimeProvider.System).CreateAsync("machine", "x")).Status
            .ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task TheTokenPage_RefusesAnUnknownScope_NamingIt()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var browser = await SignedInAsync(app, "eigenaar");
        var response = await browser.PostAsync("/account/tokens", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("_handler", "create-token"), new("__RequestVerificationToken", await Antiforgery(browser, "/account/tokens")),
            new("name", "x"), new("scopes", "admin"),
        }));
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("scopes: &#x27;admin&#x27;");
        html.ShouldNotContain("new-token");

        var days = await (await browser.PostAsync("/account/tokens", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("_handler", "create-token"), new("__RequestVerificationToken", await Antiforgery(browser, "/account/tokens")),
            new("name", "x"), new("scopes", "read"), new("days", "abc"),
        }))).Content.ReadAsStringAsync();
        days.ShouldContain("days: &#x27;abc&#x27;"); // the value typed, not a stand-in
        days.ShouldNotContain("new-token");
    }

    [Fact]
    public async Task FiveWrongPasswords_ThroughTheSignInForm_LockTheAccount()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await SignedInAsync(app, "doelwit");
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Address };
        async Task<string> TryAsync(string password) => (await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = "doelwit", ["password"] = password, ["__RequestVerificationToken"] = await Antiforgery(client, "/signin") }))).Headers.Location!.ToString();
        for (var i = 0; i < BakenIdentity.MaxFailedSignIns; i++) (await TryAsync("Geraden-2026!" + i)).ShouldContain("failed=1");
        // Locked: the right password gets the same answer as a wrong one.
        (await TryAsync(Password)).ShouldContain("failed=1");
    }
}
