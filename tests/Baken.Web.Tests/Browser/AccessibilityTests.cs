using System.Text;
using System.Text.RegularExpressions;
using Baken.Application.Comments;
using Baken.Application.Common;
using Baken.Application.Workflow;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Baken.Web.Tests.Browser;

/// <summary>
/// WCAG 2.1 A and AA by test: axe-core runs in a real Chromium on every page of the workbench — each route, with a
/// detail and an editor for several record kinds — over the demonstration data, in Dutch and in English. Any violation
/// fails the test, naming the page, the rule and the nodes.
/// </summary>
public sealed partial class AccessibilityTests
{
        private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Register kinds whose list page is checked; the first five also with a record's detail page and editor.</summary>
    private static readonly string[] Kinds =
        ["scenario", "measure", "goal", "vital-process", "council", "risk", "actor", "organisation", "source", "theme", "interest", "criterion",
         "meeting", "action", "decision", "signal", "trend", "warning-indicator", "alert", "indicator", "dependency", "comment"];

    /// <summary>The pages with a parameter, filled from the demo data, and an unknown address; every page without one comes from <see cref="Api.LanguageSweepTests.StaticRoutes"/>, which a test keeps equal to the pages.</summary>
    private static readonly string[] WithParameters =
        ["/admin/users/analist-wodc", "/cycles/DEMO-CYCLE", "/register/scenario/DEMO-T1-FLOOD", "/register/scenario/DEMO-T1-FLOOD/analysts", "/register/scenario/DEMO-T1-FLOOD/assess",
         "/risk-sheets/DEMO-T1-FLOOD", "/register/scenario/new", "/register/measure/new", "/bestaat-niet"];

    [SkippableFact]
    public async Task EveryPage_InDutchAndEnglish_OnTheDemoData_HasNoWcag21AOrAAViolations()
    {
        var chromium = Baken.Testing.Browser.ChromiumOrSkip();

        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        // The first administrator's roles (the demo writes councils too); the demo loads as the dashboard's button does.
        var admin = await app.SignedInClientAsync("beheer", ClassificationLevel.StaatsgeheimZeerGeheim, "Administrator;Coordinator;Analyst;Secretariat");
        var loaded = await admin.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(admin, "/"), ["_handler"] = "load-demo" }));
        (await loaded.Content.ReadAsStringAsync()).ShouldContain("analist-aivd", Case.Sensitive, "the demonstration data did not load");
        await using (var db = app.Database.Context(FixedUser.System))
        {
            var opened = await new OpenCycle(db, FixedUser.System).HandleAsync(
                new OpenCycleRequest("DEMO-CYCLE", "Demoronde", ["DEMO-T1-FLOOD", "DEMO-T8-RANSOM"], new DateOnly(2030, 1, 1)));
            opened.IsOk.ShouldBeTrue(opened.Message);
            // A thread of comments, so the scenario page's comment section is checked with a comment and a reply in it.
            var comments = new AddComment(db, FixedUser.System);
            var first = await comments.HandleAsync(new("DEMO-T1-FLOOD", "Is de kans niet te hoog?", Criterion: "1.1"));
            first.IsOk.ShouldBeTrue(first.Message);
            (await comments.HandleAsync(new("DEMO-T1-FLOOD", "Nee, zie de bron.", ReplyTo: first.Value!.Code))).IsOk.ShouldBeTrue();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Baken.Testing.Browser.Arguments, Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var failures = new StringBuilder();

        // Signed out: the sign-in page in both languages.
        foreach (var culture in new[] { "en", "nl" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/signin");
            await Check(page, "/signin", culture, failures);
        }

        await page.GotoAsync("/signin");
        await page.FillAsync("#userName", "beheer");
        await page.FillAsync("#password", RunningApp.BrowserPassword);
        await page.ClickAsync("form[action='/account/signin'] button[type=submit]");
        (await page.Locator("header .who").InnerTextAsync()).ShouldContain("beheer");

        var urls = new List<string>(Api.LanguageSweepTests.StaticRoutes.Concat(WithParameters));
        foreach (var kind in Kinds) urls.Add($"/register/{kind}");
        foreach (var kind in Kinds.Take(5))
        {
            await page.GotoAsync($"/register/{kind}");
            var code = await FirstLink(page, $"^/register/{Regex.Escape(kind)}/(?!new$)[^/?#]+$");
            code.ShouldNotBeNull($"no {kind} record listed");
            urls.Add(code);
            urls.Add(code + "/edit");
        }
        await page.GotoAsync("/analysis");
        urls.Add((await FirstLink(page, "^/analysis/RUN-[^/?#]+$")).ShouldNotBeNull("no analysis run listed"));
        await page.GotoAsync("/councils");
        urls.Add((await FirstLink(page, "^/councils/meetings/[^/?#]+$")).ShouldNotBeNull("no meeting listed"));

        foreach (var culture in new[] { "nl", "en" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            foreach (var url in urls) await Check(page, url, culture, failures);
        }

        failures.ToString().ShouldBeEmpty();
    }

    private static async Task<string?> FirstLink(IPage page, string pattern)
    {
        foreach (var href in await page.Locator("main a[href]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            if (Regex.IsMatch(href, pattern)) return href;
        return null;
    }

    private static async Task Check(IPage page, string url, string culture, StringBuilder failures)
    {
        await page.GotoAsync(url);
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        if (lang?.StartsWith(culture, StringComparison.Ordinal) != true) failures.AppendLine($"{culture} {url}: <html lang=\"{lang}\">");
        // Only violations come back: the passes of a large page are megabytes of JSON.
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
        foreach (var violation in result.Violations)
        {
            failures.AppendLine($"{culture} {url}: {violation.Id} ({violation.Impact}) {violation.Help}");
            foreach (var node in violation.Nodes)
                failures.AppendLine($"    {node.Target}  {node.Html}  {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
        }
    }
}
