using Baken.Methods.Risk;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
using Baken.Testing;
using Microsoft.Playwright;

namespace Baken.Web.Tests.Browser;

/// <summary>The analysis report as an analyst opens it: in Chromium, with the risk diagram and the ranking table visible.</summary>
public sealed class AnalysisReportInBrowserTests
{
    [SkippableFact]
    public async Task Report_OpenedInChromium_ShowsTheDiagramAndTheRankingTable()
    {
        var input = SyntheticAssessments.Generate(12, 10, 3, 5);
        input = input with { Scenarios = input.Scenarios.Select((s, i) => i == 0 ? s with { Title = "<script>document.title='pwned'</script>" } : s).ToList() };
        var result = IntegratedAnalysis.Run(input, new AnalysisSettings(BuiltInProfiles.Create(input.Criteria)[0]) { Iterations = 500, Seed = 1 });
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, HtmlDocumentWriter.Write(AnalysisReport.Compose(result, new AnalysisReportOptions([]))));
        try
        {
            var chromium = Baken.Testing.Browser.ChromiumOrSkip();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Baken.Testing.Browser.Arguments, Headless = true });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(path).AbsoluteUri);

            var diagram = page.Locator("svg").First;
            (await diagram.IsVisibleAsync()).ShouldBeTrue();
            var box = await diagram.BoundingBoxAsync();
            box!.Width.ShouldBeGreaterThan(300);
            box.Height.ShouldBeGreaterThan(200);
            (await page.Locator("table").CountAsync()).ShouldBeGreaterThan(2);
            // The ranking follows its heading; each of the twelve scenarios has a row and a risk sheet.
            var ranking = page.Locator("h2:text-is('Rangorde') ~ table").First;
            (await ranking.Locator("tbody tr").CountAsync()).ShouldBe(12);
            (await page.Locator("h3").CountAsync()).ShouldBeGreaterThanOrEqualTo(12);
            // Every mark of the diagram carries its label, and the chart has an accessible name.
            foreach (var s in result.Scenarios) (await diagram.Locator($"text:text-is('{s.Id}')").CountAsync()).ShouldBe(1);
            (await diagram.GetAttributeAsync("role")).ShouldBe("img");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "baken-report-screenshot.png"), FullPage = false });
            (await page.TitleAsync()).ShouldNotBe("pwned");
            (await page.ContentAsync()).ShouldContain("&lt;script&gt;");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
