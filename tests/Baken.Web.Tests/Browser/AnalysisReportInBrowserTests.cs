using Baken.Analysis.Risk;
using Baken.Infrastructure.Reports.Analysis;
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
        HtmlReportWriter.WriteFile(result, new AnalysisReportOptions("Browser test", []), path);
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
            var ranking = page.Locator("#ranking table");
            (await ranking.Locator("tbody tr").CountAsync()).ShouldBe(12);
            (await page.TitleAsync()).ShouldNotBe("pwned");
            (await page.ContentAsync()).ShouldContain("&lt;script&gt;");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
