using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

public sealed class PageTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HostileTitle_IsRenderedAsText_NeverAsMarkup(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.ClientForAsync("ana", ClassificationLevel.Ongerubriceerd);
        var hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var body = new StringContent(JsonSerializer.Serialize(new { code = "R-1", values = new Dictionary<string, string> { ["title"] = hostile, ["kind"] = "threat" } }), System.Text.Encoding.UTF8, "application/json");
        (await client.PostAsync("/api/register/risk", body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        foreach (var url in new[] { "/register/risk", "/register/risk/R-1" })
        {
            var html = await client.GetStringAsync(url);
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
            html.ShouldContain("&lt;script&gt;alert(");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_CarrySecurityHeaders_AndSpeakDutchByDefault_EnglishOnRequest(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var client = await app.ClientForAsync("ana", ClassificationLevel.Ongerubriceerd);
        var nl = await client.GetAsync("/register/criterion");
        nl.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        nl.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        var html = await nl.Content.ReadAsStringAsync();
        html.ShouldContain("lang=\"nl\"");
        html.ShouldContain("Impactcriteria");
        html.ShouldContain("Doden");
        var en = await client.GetStringAsync("/register/criterion?culture=en&ui-culture=en");
        en.ShouldContain("lang=\"en\"");
        en.ShouldContain("Impact criteria");
        var scale = await client.GetStringAsync("/register/criterion/2.1");
        scale.ShouldContain("1.000"); // Dutch number format: the page follows the request culture
        scale.ShouldContain("indicatief");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisterPage_FiltersByChoiceReferenceAndClassification(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var client = await app.ClientForAsync("ana", ClassificationLevel.DepartementaalVertrouwelijk);
        foreach (var (code, kind, theme, level) in new[] { ("R-HAZ", "hazard", "T1", "Ongerubriceerd"), ("R-THR", "threat", "T8", "Dep.V") })
        {
            var body = new StringContent(JsonSerializer.Serialize(new { code, values = new Dictionary<string, string> { ["title"] = code + " titel", ["kind"] = kind, ["theme"] = theme, ["classification"] = level } }),
                System.Text.Encoding.UTF8, "application/json");
            (await client.PostAsync("/api/register/risk", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var threats = await client.GetStringAsync("/register/risk?f.kind=threat");
        threats.ShouldContain("R-THR titel");
        threats.ShouldNotContain("R-HAZ titel");
        var climate = await client.GetStringAsync("/register/risk?f.theme=T1");
        climate.ShouldContain("R-HAZ titel");
        climate.ShouldNotContain("R-THR titel");
        var depv = await client.GetStringAsync("/register/risk?classification=1");
        depv.ShouldContain("R-THR titel");
        depv.ShouldNotContain("R-HAZ titel");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisterPage_WithoutSignIn_RedirectsToSignIn(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var response = await client.GetAsync("/register/risk");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin");
    }
}

public sealed class AdministrationPageTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UsersPage_IsForAdministratorsOnly(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var admin = await app.ClientForAsync("beheer", ClassificationLevel.StaatsgeheimGeheim, roles: "Administrator");
        var analyst = await app.ClientForAsync("ana", ClassificationLevel.StaatsgeheimGeheim);
        var page = await admin.GetStringAsync("/admin/users");
        page.ShouldContain("beheer");
        page.ShouldContain("ana");
        (await analyst.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SingleSignOnTests
{
    [Fact]
    public async Task SignInPage_OffersSingleSignOn_OnlyWhenConfigured()
    {
        await using var plain = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        (await plain.Anonymous().GetStringAsync("/signin")).ShouldNotContain("/account/sso");
        (await plain.Anonymous().GetAsync("/account/sso")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var sso = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b =>
        {
            b.Configuration["Authentication:OpenIdConnect:Authority"] = "https://sso.example.invalid/realms/rijk";
            b.Configuration["Authentication:OpenIdConnect:ClientId"] = "baken";
        });
        (await sso.Anonymous().GetStringAsync("/signin")).ShouldContain("/account/sso");
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task Api_AboveTheConfiguredRate_AnswersTooManyRequests()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b => b.Configuration["RateLimiting:ApiRequestsPerSecond"] = "2");
        var client = await app.ClientForAsync("script", ClassificationLevel.Ongerubriceerd);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) codes.Add((await client.GetAsync("/api/register/risk")).StatusCode);
        codes.ShouldContain(HttpStatusCode.OK);
        codes.ShouldContain(HttpStatusCode.TooManyRequests);
    }
}

public sealed class OneTimePasswordTests
{
    private static async Task<string> Token(HttpClient client, string page) =>
        System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task OneTimePassword_MustBeReplaced_BeforeAnyOtherPage()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        string oneTime;
        await using (var db = app.Database.Context(FixedUser.System))
            oneTime = (await new AddUser(db, FixedUser.System, TimeProvider.System)
                .HandleAsync(new AddUserRequest("nieuw", "Dep.V", null, "Analyst"))).Value!.OneTimePassword!;

        var cookies = new System.Net.CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var signIn = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = "nieuw", ["password"] = oneTime, ["__RequestVerificationToken"] = await Token(client, "/signin") }));
        signIn.Headers.Location!.ToString().ShouldBe("/account/password");
        (await client.GetAsync("/register/risk")).Headers.Location!.ToString().ShouldBe("/account/password");

        var weak = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["current"] = oneTime, ["password"] = "kort", ["repeat"] = "kort", ["__RequestVerificationToken"] = await Token(client, "/account/password") }));
        weak.Headers.Location!.ToString().ShouldContain("error=password");

        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["current"] = oneTime, ["password"] = "Nieuw-wachtwoord-2026!", ["repeat"] = "Nieuw-wachtwoord-2026!", ["__RequestVerificationToken"] = await Token(client, "/account/password") }));
        changed.Headers.Location!.ToString().ShouldBe("/");
        (await client.GetAsync("/register/risk")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
