using System.Text.RegularExpressions;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Baken.Web.Tests.Browser;

/// <summary>
/// The analyst network's work in a real browser (issue 15, docs/workflow.md): a coordinator opens a cycle and assigns two
/// analysts of different organisations; round 1 is blind until an analyst submits; one assessment is returned with a comment,
/// found in the inbox, revised and resubmitted; the coordinator validates both; an official run uses only the validated rows,
/// and a run beside a draft is marked concept. Every step goes through the pages; only the accounts are seeded.
/// </summary>
public sealed class WorkflowJourneyTests
{
    private const string Password = "Veilig-wachtwoord-2026!";
    private const string Cycle = "NRB-E2E";
    private const string InCycle = "S-WF-DIJK", Outside = "S-WF-STORM";
    private const string InCycleTitle = "Dijkdoorbraak in het rivierengebied", OutsideTitle = "Zware storm boven de Noordzee";

    // Waits are on page state (URL, text), never sleeps; a loaded machine gets more time than Playwright's default 5 s.
    public WorkflowJourneyTests() => SetDefaultExpectTimeout(20_000);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cycle_BlindRound_ReturnResubmitValidate_AndOnlyTheOfficialRunIsNotAConcept(DatabaseProvider provider)
    {
        var chromium = Baken.Testing.Browser.ChromiumOrSkip();
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await using (var db = app.Database.Context(FixedUser.System))
        {
            var add = new AddUser(db, FixedUser.System, TimeProvider.System);
            foreach (var (name, roles, organisation) in new[] { ("coord", "Coordinator", "NCTV"), ("anna", "Analyst", "WODC"), ("bram", "Analyst", "AIVD") })
            {
                var added = await add.HandleAsync(new AddUserRequest(name, "Dep.V", null, roles, Password, Organisation: organisation));
                added.IsOk.ShouldBeTrue(string.Join("; ", added.Errors));
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Baken.Testing.Browser.Arguments, Headless = true });

        // Each person has a browser of their own (their own cookie), signed in once.
        async Task<IPage> SignedIn(string user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/signin");
            await page.FillAsync("#userName", user);
            await page.FillAsync("#password", Password);
            await page.Locator("#password").PressAsync("Enter"); // the keyboard signs in
            await Expect(page.Locator("header .who")).ToContainTextAsync(user);
            return page;
        }
        var coord = await SignedIn("coord");
        var anna = await SignedIn("anna");
        var bram = await SignedIn("bram");

        static ILocator Row(IPage page, string analyst) => page.Locator($"main table tr:has(td:text-is('{analyst}'))");
        static async Task Assess(IPage page, string scenario, string organisation, string likelihood, string impact)
        {
            await page.GotoAsync($"/register/scenario/{scenario}/assess");
            await page.FillAsync("#f-organisation", organisation);
            await page.FillAsync("#f-likelihood", likelihood);
            foreach (var input in await page.Locator("input[name^='c.']").AllAsync()) await input.FillAsync(impact);
            await page.ClickAsync("main form button[type=submit]");
            await Expect(page).ToHaveURLAsync(new Regex($"/register/scenario/{scenario}/analysts$"));
        }
        static async Task Heatmap(IPage page, string scenario)
        {
            await page.GotoAsync($"/register/scenario/{scenario}/analysts");
            await Expect(page.Locator("table.heatmap")).ToBeVisibleAsync();
        }

        // The coordinator adds the two scenarios, opens a cycle on one of them and assigns two analysts of different organisations.
        foreach (var (code, title) in new[] { (InCycle, InCycleTitle), (Outside, OutsideTitle) })
        {
            await coord.GotoAsync("/register/scenario/new");
            await coord.FillAsync("#f-code", code);
            await coord.FillAsync("#f-title", title);
            await coord.SelectOptionAsync("#f-kind", "hazard");
            await coord.FillAsync("#f-theme", "T9");
            await coord.SelectOptionAsync("#f-classification", "Departementaal Vertrouwelijk");
            await coord.ClickAsync("main form button[type=submit]");
            await Expect(coord).ToHaveURLAsync(new Regex($"/register/scenario/{code}$"));
        }
        await coord.GotoAsync("/cycles");
        await coord.FillAsync("#code", Cycle);
        await coord.FillAsync("#title", "NRB proefronde");
        await coord.FillAsync("#scenarios", InCycle);
        await coord.FillAsync("#due", "2030-03-01");
        await coord.ClickAsync("form[aria-label='Ronde openen'] button[type=submit]");
        await Expect(coord).ToHaveURLAsync(new Regex($"/cycles/{Cycle}$"));
        await Expect(coord.Locator("main p.toolbar")).ToContainTextAsync("1 · blind: analisten zien elkaars scores pas na indienen");
        await coord.SelectOptionAsync("#scenario", InCycle);
        await coord.FillAsync("#analysts", "anna;bram");
        await coord.ClickAsync("form[aria-label='Toewijzen'] button[type=submit]");
        await Expect(Row(coord, "anna")).ToContainTextAsync("WODC");
        await Expect(Row(coord, "bram")).ToContainTextAsync("AIVD");
        await Expect(Row(coord, "anna")).ToContainTextAsync("niet begonnen");

        // The assignment is in each analyst's inbox.
        await anna.GotoAsync("/inbox");
        await Expect(anna.Locator($"main tr[id='{Cycle}.{InCycle}']")).ToContainTextAsync("Toegewezen beoordeling");

        // Round 1 is blind: Bram scores first; Anna then scores and sees only her own row, in the heatmap and in the register.
        await Assess(bram, InCycle, "AIVD", "D", "D");
        await Assess(anna, InCycle, "WODC", "B", "B");
        var blind = await anna.Locator("table.heatmap").InnerTextAsync();
        blind.ShouldContain("anna");
        blind.ShouldNotContain("bram");
        blind.ShouldNotContain("AIVD");
        await anna.GotoAsync("/register/assessment");
        await Expect(anna.Locator("main")).ToContainTextAsync($"{InCycle}.anna");
        (await anna.Locator("main").InnerTextAsync()).ShouldNotContain($"{InCycle}.bram");
        // Bram's record is the same answer as one that does not exist.
        async Task<string> DetailOf(string code)
        {
            await anna.GotoAsync($"/register/assessment/{code}");
            return (await anna.Locator("main").InnerTextAsync()).Replace(code, "CODE");
        }
        (await DetailOf($"{InCycle}.bram")).ShouldBe(await DetailOf($"{InCycle}.niemand"));
        (await DetailOf($"{InCycle}.bram")).ShouldContain("Dit record bestaat niet of u mag het niet zien.");

        // Once Anna has submitted (on the cycle's page), Bram's scores appear to her.
        await anna.GotoAsync($"/cycles/{Cycle}");
        await Row(anna, "anna").Locator("button[type=submit]").ClickAsync();
        await Expect(Row(anna, "anna")).ToContainTextAsync("ingediend");
        await Heatmap(anna, InCycle);
        await Expect(anna.Locator("table.heatmap")).ToContainTextAsync("bram");

        // Bram submits too; the coordinator returns Anna's assessment with a comment.
        await bram.GotoAsync($"/cycles/{Cycle}");
        await Row(bram, "bram").Locator("button[type=submit]").ClickAsync();
        await Expect(Row(bram, "bram")).ToContainTextAsync("ingediend");
        await coord.GotoAsync($"/cycles/{Cycle}");
        await Row(coord, "anna").Locator("input[name=reason]").FillAsync("Onderbouw de kansklasse B met een bron");
        await Row(coord, "anna").Locator("button[value=return]").ClickAsync();
        await Expect(Row(coord, "anna")).ToContainTextAsync("teruggestuurd");

        // Anna finds it in her inbox with the comment, revises it and submits it again.
        await anna.GotoAsync("/inbox");
        var returned = anna.Locator($"main tr[id='{InCycle}.anna']");
        await Expect(returned).ToContainTextAsync("Teruggestuurde beoordeling");
        await Expect(returned).ToContainTextAsync("Onderbouw de kansklasse B met een bron");
        await Assess(anna, InCycle, "WODC", "C", "B");
        await anna.GotoAsync($"/cycles/{Cycle}");
        await Expect(Row(anna, "anna")).ToContainTextAsync("teruggestuurd");
        await Row(anna, "anna").Locator("button[type=submit]").ClickAsync();
        await Expect(Row(anna, "anna")).ToContainTextAsync("ingediend");
        await anna.GotoAsync("/inbox");
        (await anna.Locator("main").InnerTextAsync()).ShouldNotContain("Teruggestuurde beoordeling");
        // A draft of hers outside the cycle stays a draft.
        await Assess(anna, Outside, "WODC", "A", "A");

        // The coordinator validates both.
        await coord.GotoAsync($"/cycles/{Cycle}");
        foreach (var analyst in new[] { "anna", "bram" })
        {
            await Row(coord, analyst).Locator("button[value=validate]").ClickAsync();
            await Expect(Row(coord, analyst)).ToContainTextAsync("gevalideerd");
        }

        // The official run uses only the validated rows: no concept marking, and the scenario with only a draft is not in it.
        async Task<string> Run(bool official)
        {
            await coord.GotoAsync("/analysis");
            await coord.FillAsync("#iterations", "0");
            await coord.Locator("input[name=official]").SetCheckedAsync(official);
            await coord.ClickAsync("form[aria-label='Nieuwe analyse starten'] button[type=submit]");
            await Expect(coord).ToHaveURLAsync(new Regex("/analysis/RUN-[0-9-]+$"), new() { Timeout = 60_000 }); // behind the progress page
            await Expect(coord.Locator("main table").Last).ToContainTextAsync(InCycleTitle);
            return coord.Url[(coord.Url.LastIndexOf('/') + 1)..];
        }
        async Task<string> ReportOf(string run)
        {
            await coord.GotoAsync($"/analysis/{run}");
            await coord.Locator("main a.button[href*='format=html']").ClickAsync();
            await Expect(coord).ToHaveURLAsync(new Regex("format=html"));
            return await coord.ContentAsync();
        }
        var officialRun = await Run(official: true);
        (await coord.Locator("main .concept").CountAsync()).ShouldBe(0);
        (await coord.Locator("main table").Last.InnerTextAsync()).ShouldNotContain(OutsideTitle);
        var officialReport = await ReportOf(officialRun);
        officialReport.ShouldContain(InCycleTitle);
        officialReport.ShouldNotContain("CONCEPT");
        // The run's register record names the assessments it used: the two validated ones, not the draft.
        await coord.GotoAsync($"/register/analysis-run/{officialRun}");
        var used = await coord.Locator("main").InnerTextAsync();
        used.ShouldContain($"{InCycle}.anna");
        used.ShouldContain($"{InCycle}.bram");
        used.ShouldNotContain($"{Outside}.anna");

        // The control: a run that takes in Anna's draft is a concept on its page, in its report, in the run list and on the dashboard.
        var conceptRun = await Run(official: false);
        await Expect(coord.Locator("main p.concept")).ToContainTextAsync("Concept");
        await Expect(coord.Locator("main table").Last).ToContainTextAsync(OutsideTitle);
        (await ReportOf(conceptRun)).ShouldContain("CONCEPT (niet-gevalideerde beoordelingen)");
        await coord.GotoAsync("/");
        await Expect(coord.Locator($"main p:has(a[href='/analysis/{conceptRun}']) .badge.concept")).ToHaveCountAsync(1);
        await coord.GotoAsync("/analysis");
        await Expect(coord.Locator($"main tr:has(a[href='/analysis/{conceptRun}']) .badge.concept")).ToHaveCountAsync(1);
        await Expect(coord.Locator($"main tr:has(a[href='/analysis/{officialRun}']) .badge.concept")).ToHaveCountAsync(0);
    }
}
