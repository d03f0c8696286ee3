using System.Net;
using System.Text;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// The web host's answers to hostile or careless requests: writes with the sign-in cookie need the antiforgery token,
/// a bad query value is a 400 page, classified answers are never cached, API bodies are bounded and keys unique.
/// Host behaviour without persistence rules, so one database suffices.
/// </summary>
public sealed class RequestHardeningTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task CookieWrites_WithoutTheAntiforgeryToken_AreRefused_SignOutAndMultipartImportsIncluded()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var browser = await app.SignedInClientAsync("ana", ClassificationLevel.StaatsgeheimGeheim, "Coordinator");

        (await browser.PostAsync("/account/signout", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var upload = new MultipartFormDataContent { { new StringContent("code,title,kind\nR-CSRF,x,threat\n"), "file", "risks.csv" } };
        (await browser.PostAsync("/api/register/risk/import?format=csv", upload)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var signals = new MultipartFormDataContent { { new StringContent("date,title\n2026-11-02,x\n"), "file", "signals.csv" } };
        (await browser.PostAsync("/api/signals/import", signals)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/api/register/risk/R-CSRF")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The same sign-out with the token of the page's own form works.
        var token = await RunningApp.AntiforgeryAsync(browser, "/");
        var signOut = await browser.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // An API client with a bearer token needs none: a browser never sends that header on its own.
        var api = await app.ClientForAsync("script", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var csv = new MultipartFormDataContent { { new StringContent("code,title,kind\nR-API,x,threat\n"), "file", "risks.csv" } };
        (await api.PostAsync("/api/register/risk/import?format=csv", csv)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BadQueryValues_AnswerA400PageNamingTheParameter_AndTheDocumentedBudgetFormatWorks()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        var browser = await app.SignedInClientAsync("ana", ClassificationLevel.StaatsgeheimGeheim, "Coordinator");

        foreach (var (url, parameter) in new[] { ("/register/risk?page=abc", "page"), ("/register/risk?classification=abc", "classification"),
                     ("/register/risk?classification=9", "classification"), ("/register/risk?desc=maybe", "desc"), ("/measures/portfolio?budget=lots", "budget") })
        {
            var response = await browser.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            // The page is Dutch, and so is what it says about the value (naming the field by its Dutch label).
            var dutch = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            dutch.ShouldContain("is niet toegestaan", customMessage: url);
            dutch.ShouldNotContain("is not allowed", customMessage: url);
            var answer = await browser.GetAsync(url + "&culture=en&ui-culture=en");
            answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()).ShouldContain(parameter + ": '", customMessage: url);
        }
        (await browser.GetAsync("/signin?failed=abc")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/register/risk?page=2&classification=0")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var portfolio = await browser.GetAsync("/measures/portfolio?budget=500m");
        portfolio.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await portfolio.Content.ReadAsStringAsync()).ShouldContain("value=\"500\"");
    }

    [Fact]
    public async Task ClassifiedAnswersAndDownloads_AreNeverStored_AndApiBodiesAreBoundedWithUniqueKeys()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var api = await app.ClientForAsync("ana", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var browser = await app.SignedInClientAsync("bob", ClassificationLevel.StaatsgeheimGeheim);

        foreach (var response in new[] { await api.GetAsync("/api/register/risk"), await api.GetAsync("/api/register/risk/export?format=xlsx"), await browser.GetAsync("/register/risk") })
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(response.RequestMessage!.RequestUri!.ToString());

        var duplicate = await api.PostAsync("/api/register/risk", Json("""{ "code": "R-1", "code": "R-2", "values": { "title": "x", "kind": "threat" } }"""));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/register/risk/R-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/register/risk/R-2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var huge = await api.PostAsync("/api/register/risk", Json($$"""{ "code": "R-3", "values": { "title": "{{new string('x', 2 * 1024 * 1024)}}", "kind": "threat" } }"""));
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
