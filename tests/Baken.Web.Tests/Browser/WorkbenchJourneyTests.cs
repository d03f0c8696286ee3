using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Playwright;

namespace Baken.Web.Tests.Browser;

/// <summary>
/// The analyst's journey in a real browser: sign in, create a scenario, score it as two analysts with different
/// clearances, run the integrated analysis, find the scenario in the diagram and the ranking, switch language.
/// </summary>
public sealed class WorkbenchJourneyTests
{
    private const string Password = "Veilig-wachtwoord-2026!";

    [SkippableFact]
    public async Task Analysts_ScoreAScenario_RunTheAnalysis_AndFindItInTheDiagram()
    {
        var chromium = Baken.Testing.Browser.ChromiumOrSkip();

        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        await using (var db = app.Database.Context(FixedUser.System))
        {
            var add = new AddUser(db, FixedUser.System, TimeProvider.System);
            (await add.HandleAsync(new AddUserRequest("anna", "Dep.V", null, "Analyst;Coordinator", Password))).IsOk.ShouldBeTrue();
            (await add.HandleAsync(new AddUserRequest("bram", "Stg.G", null, "Analyst;Coordinator", Password))).IsOk.ShouldBeTrue();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Baken.Testing.Browser.Arguments, Headless = true });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.Address.ToString() });

        async Task SignIn(string user)
        {
            await page.GotoAsync("/signin");
            await page.FillAsync("#userName", user);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("form[action='/account/signin'] button[type=submit]");
            (await page.Locator("header .who").InnerTextAsync()).ShouldContain(user);
        }

        async Task Assess(string organisation, string classification, string likelihood, string impact)
        {
            await page.GotoAsync("/register/scenario/S-E2E/assess");
            await page.FillAsync("#f-organisation", organisation);
            await page.SelectOptionAsync("#f-classification", classification);
            await page.FillAsync("#f-likelihood", likelihood);
            foreach (var input in await page.Locator("input[name^='c.']").AllAsync()) await input.FillAsync(impact);
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync("**/analysts");
        }

        // Anna creates the scenario and scores it at Departementaal Vertrouwelijk.
        await SignIn("anna");
        await page.GotoAsync("/register/scenario/new");
        await page.FillAsync("#f-code", "S-E2E");
        await page.FillAsync("#f-title", "Langdurige stroomstoring in de Randstad");
        await page.SelectOptionAsync("#f-kind", "hazard");
        await page.FillAsync("#f-theme", "T9");
        await page.SelectOptionAsync("#f-classification", "Departementaal Vertrouwelijk");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/register/scenario/S-E2E");
        await Assess("TNO", "Departementaal Vertrouwelijk", "C", "B");
        await page.ClickAsync("form[action='/account/signout'] button");

        // Bram scores it at Staatsgeheim Geheim; he sees both assessments, Anna only her own.
        await SignIn("bram");
        await Assess("AIVD", "Staatsgeheim Geheim", "D", "D");
        var heatmap = await page.Locator("table.heatmap").InnerTextAsync();
        heatmap.ShouldContain("anna");
        heatmap.ShouldContain("bram");

        // He runs the analysis; the scenario is in the diagram and the ranking.
        await page.GotoAsync("/analysis");
        await page.FillAsync("#iterations", "500");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/analysis/RUN-*");
        (await page.Locator("figure svg").CountAsync()).ShouldBe(1);
        (await page.Locator("figure svg").InnerHTMLAsync()).ShouldContain("Bedreiging van vitale infrastructuur");
        (await page.Locator("table").Last.InnerTextAsync()).ShouldContain("Langdurige stroomstoring in de Randstad");
        (await page.Locator("main .badge").First.InnerTextAsync()).ShouldBe("Staatsgeheim Geheim"); // the run takes its highest input

        // Switch to English and back.
        await page.ClickAsync("header a:text-is('English')");
        (await page.Locator("h2").First.InnerTextAsync()).ShouldBe("Ranking");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await page.ClickAsync("header a:text-is('Nederlands')");
        (await page.Locator("h2").First.InnerTextAsync()).ShouldBe("Rangorde");
        await page.ClickAsync("form[action='/account/signout'] button");

        // Anna sees only her own assessment and not Bram's run.
        await SignIn("anna");
        await page.GotoAsync("/register/scenario/S-E2E/analysts");
        var annaView = await page.Locator("table.heatmap").InnerTextAsync();
        annaView.ShouldContain("anna");
        annaView.ShouldNotContain("bram");
        await page.GotoAsync("/analysis");
        (await page.ContentAsync()).ShouldNotContain("RUN-");

        // The keyboard reaches the main content first.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.className")).ShouldBe("skip");
    }
}
