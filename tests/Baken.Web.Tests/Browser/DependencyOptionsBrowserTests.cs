using System.Text;
using System.Text.Json;
using Baken.Application.Common;
using Baken.Domain.Dependencies;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Baken.Web.Tests.Browser;

/// <summary>A dependency's options as choices in a real Chromium: reached and set with the keyboard alone, and WCAG 2.1 AA clean.</summary>
public sealed class DependencyOptionsBrowserTests
{
    [SkippableFact]
    public async Task OptionChoices_AreSetWithTheKeyboardAlone_AndTheEditorHasNoWcagViolations()
    {
        var chromium = Baken.Testing.Browser.ChromiumOrSkip();
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var api = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim);
        var created = await api.PostAsync("/api/register/dependency", new StringContent(JsonSerializer.Serialize(new
        {
            code = "DEP-KB",
            values = new Dictionary<string, string> { ["title"] = "Gallium EU27", ["hs6"] = "811292", ["importer"] = "EU27", ["year"] = "2022", ["options"] = "stockpile: zes maanden" },
        }), Encoding.UTF8, "application/json"));
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        await app.SignedInClientAsync("ana", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Baken.Testing.Browser.Arguments, Headless = true });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() })).NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#userName", "ana");
        await page.FillAsync("#password", RunningApp.BrowserPassword);
        await page.ClickAsync("form[action='/account/signin'] button[type=submit]");

        var failures = new StringBuilder();
        foreach (var culture in new[] { "en", "nl" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/register/dependency/DEP-KB/edit");
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                ResultTypes = [ResultType.Violations],
            });
            foreach (var v in result.Violations)
                failures.AppendLine($"{culture}: {v.Id} {v.Help} " + string.Join(" | ", v.Nodes.Select(n => n.Html)));
        }
        failures.ToString().ShouldBeEmpty();

        // From the first option the keyboard walks each option's checkbox, status and rationale in order.
        await page.FocusAsync("#f-options-accept-or-delay");
        string Active() => page.EvaluateAsync<string>("document.activeElement.id").GetAwaiter().GetResult();
        foreach (var expected in new[] { "f-options-accept-or-delay-status", "f-options-accept-or-delay-rationale", "f-options-diversify" })
        {
            await page.Keyboard.PressAsync("Tab");
            Active().ShouldBe(expected);
        }
        await page.Keyboard.PressAsync("Space");                 // tick diversify
        await page.Keyboard.PressAsync("Tab");
        Active().ShouldBe("f-options-diversify-status");
        await page.Keyboard.PressAsync("ArrowDown");             // considered → chosen
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("tweede leverancier");
        await page.Keyboard.PressAsync("Tab");
        Active().ShouldBe("f-options-stockpile");
        await page.Keyboard.PressAsync("Space");                 // untick stockpile …
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");                // … and clear its text: no longer weighed
        await page.FocusAsync("main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/register/dependency/DEP-KB");

        await using var db = app.Database.Context(FixedUser.System);
        (await db.Dependencies.AsNoTracking().SingleAsync(d => d.Code == "DEP-KB")).Options
            .ShouldBe([new(DependencyOption.Diversify, DependencyOptionStatus.Chosen, "tweede leverancier")]);
        (await page.Locator("ul.options").InnerTextAsync()).ShouldContain("diversifiëren (gekozen): tweede leverancier");
    }
}
