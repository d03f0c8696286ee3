using System.Text.Json;
using Baken.Analysis.Risk;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Tests.Assessments;
using Baken.Testing;
using Shouldly;

namespace Baken.Infrastructure.Tests.Reports;

public sealed class AnalysisReportTests
{
    private const string Hostile = "<script>alert('x')</script>";

    private static AnalysisResult ExampleResult(Func<AnalysisInput, AnalysisInput>? change = null, int iterations = 2_000)
    {
        var read = IndicativeNrbCriteria.CreateReader().Read(SharedData.File("examples/assessments-example.csv"));
        var input = change is null ? read.Input! : change(read.Input!);
        return IntegratedAnalysis.Run(input, new AnalysisSettings(BuiltInProfiles.Create(input.Criteria)[0])
        {
            Iterations = iterations, Seed = 7, DirichletConcentration = 50, CodeVersion = "test",
        });
    }

    private static AnalysisInput WithHostileText(AnalysisInput input) => input with
    {
        Scenarios = input.Scenarios.Select((s, i) => i == 0 ? s with { Title = Hostile, Theme = "<b>" + s.Theme + "</b> & co" } : s).ToList(),
    };

    [Fact]
    public void Render_HostileTitleAndTheme_AppearOnlyEncoded()
    {
        var html = HtmlReportWriter.Render(ExampleResult(WithHostileText), new AnalysisReportOptions("Report " + Hostile, []));

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        html.ShouldContain("&lt;b&gt;Klimaat en natuurrampen&lt;/b&gt; &amp; co");
    }

    [Fact]
    public void Render_Example_HasDiagramRankingSensitivityThemesAndNoExternalResources()
    {
        var result = ExampleResult();
        var html = HtmlReportWriter.Render(result, new AnalysisReportOptions("Integrated analysis", []));

        html.ShouldContain("<svg");
        html.ShouldContain("id=\"risk-diagram\"");
        html.ShouldContain("id=\"ranking\"");
        html.ShouldContain("id=\"disagreement\"");
        html.ShouldContain("id=\"sensitivity\"");
        html.ShouldContain("<th>P(top 5)</th>");
        foreach (var s in result.Scenarios) html.ShouldContain(s.Id);
        foreach (var theme in result.Scenarios.Select(s => s.Theme).Distinct()) html.ShouldContain("<h3>" + theme + "</h3>");
        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("href=\"http");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public void Render_NoPublicConcern_SaysSo() =>
        HtmlReportWriter.Render(ExampleResult(), new AnalysisReportOptions("r", [])).ShouldContain("No public-concern poll was supplied");

    [Fact]
    public void Render_PublicConcern_ComparesThemeRanksWithSpearman()
    {
        // Analysts' theme order: Klimaat (rank 1), Infectieziekten (2), Cyber (3), Economisch (4).
        // Public order: Cyber 60 %, Klimaat 50 %, Infectieziekten 40 % → shared ranks (1,2,3) vs (2,3,1): Σd² = 1 + 1 + 4 = 6 → ρ = 1 − 36/24 = −0.5.
        PublicConcern[] poll =
        [
            new("Cyberaanvallen", 60, "Cyberdreigingen"),
            new("Klimaatverandering", 50, "Klimaat en natuurrampen"),
            new("Pandemie", 40, "Infectieziekten"),
            new("Migratie", 30, null),
        ];

        var html = HtmlReportWriter.Render(ExampleResult(), new AnalysisReportOptions("r", poll));

        html.ShouldContain("ρ = -0.50");
        html.ShouldContain("60% (Cyberaanvallen)");
        html.ShouldContain("Poll topics without a theme in this analysis: Migratie (30%)");
    }

    [Fact]
    public void PublicConcern_PercentAbove100_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new PublicConcern("x", 120, null)).Message.ShouldContain("0..100");

    [Fact]
    public void RiskDiagram_OneMarkPerScenario_IsScottPlotSvg()
    {
        var svg = RiskDiagram.ToSvg(ExampleResult());

        svg.ShouldStartWith("<svg");
        svg.ShouldEndWith("</svg>");
    }

    [Fact]
    public void ResultsJson_IsCamelCaseWithClassNames()
    {
        var json = ResultsJsonWriter.ToJson(ExampleResult(WithHostileText));
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("scenarios")[0];

        first.GetProperty("id").GetString().ShouldBe("E-DROUGHT");
        first.GetProperty("likelihood").GetString().ShouldBe("D");
        first.GetProperty("impactValue").GetDouble().ShouldBe(22);
        first.GetProperty("monteCarlo").GetProperty("rankDistribution").GetArrayLength().ShouldBe(4);
        doc.RootElement.GetProperty("settings").GetProperty("seed").GetInt64().ShouldBe(7);
        doc.RootElement.GetProperty("outranking").GetArrayLength().ShouldBe(4);
        json.ShouldNotContain("<script>");
    }

    [Fact]
    public void ResultsCsv_HostileTitle_IsQuotedNotBroken()
    {
        var result = ExampleResult(i => i with { Scenarios = i.Scenarios.Select((s, n) => n == 0 ? s with { Title = "=cmd|\"a,b\"\nnext" } : s).ToList() });
        var text = System.Text.Encoding.UTF8.GetString(ResultsCsvWriter.ToBytes(result));

        text.ShouldContain("E-DROUGHT,\"'=cmd|\"\"a,b\"\"\nnext\",");
    }
}
