using System.Text.Json;
using System.Text.RegularExpressions;
using Baken.Infrastructure.Persistence;
using Microsoft.Playwright;

namespace Baken.Web.Tests.Browser;

/// <summary>
/// The API reference works on a closed network: /api-docs loads nothing from another host and shows no vendor buttons;
/// the OpenAPI document declares the two ways to call the API (bearer token, sign-in cookie) on the secured operations.
/// </summary>
public sealed partial class ApiReferenceTests
{
    [Fact]
    public async Task OpenApiDocument_DeclaresBearerAndCookieSchemes_OnTheSecuredOperations()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        using var json = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var schemes = json.RootElement.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("type").GetString().ShouldBe("http");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("cookie").GetProperty("type").GetString().ShouldBe("apiKey");
        schemes.GetProperty("cookie").GetProperty("in").GetString().ShouldBe("cookie");
        schemes.GetProperty("cookie").GetProperty("name").GetString().ShouldBe("baken.auth");

        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value))).ToList();
        operations.Count(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ShouldBeGreaterThan(10);
        foreach (var (path, method, operation) in operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            operation.TryGetProperty("security", out var security).ShouldBeTrue($"{method} {path} declares no security");
            security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).Order().ToArray().ShouldBe(["bearer", "cookie"], $"{method} {path}");
        }
    }

    [Fact]
    public async Task ApiReferencePage_NamesNoOtherHost()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Anonymous().GetAsync("/api-docs");
        var html = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(html);
        // Attribute values and script addresses: any absolute http(s) address must be this app's.
        var hosts = AbsoluteAddress().Matches(html).Select(m => m.Groups["host"].Value).Distinct().ToList();
        hosts.Where(h => h != app.Address.Authority).ShouldBeEmpty();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("connect-src 'self'");
    }

    [SkippableFact]
    public async Task ApiReferencePage_InChromium_LoadsOnlyFromTheApp_AndShowsNoVendorButtons()
    {
        var chromium = Baken.Testing.Browser.ChromiumOrSkip();
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Baken.Testing.Browser.Arguments, Headless = true });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.Address.ToString() });
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && new Uri(request.Url).Authority != app.Address.Authority) elsewhere.Add(request.Url);
        };

        await page.GotoAsync("/api-docs", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
        // The reference rendered the document: an operation of the register is on the page.
        await page.GetByText("/api/register", new PageGetByTextOptions { Exact = false }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        elsewhere.ShouldBeEmpty();
        foreach (var vendor in new[] { "Deploy", "Ask AI", "Share" })
            (await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = vendor }).CountAsync()).ShouldBe(0, vendor);
        (await page.GetByText("Ask AI").CountAsync()).ShouldBe(0);
    }

    [GeneratedRegex("""https?://(?<host>[A-Za-z0-9.\-]+(?::\d+)?)""")]
    private static partial Regex AbsoluteAddress();
}
