using System.Text.Json;
using Baken.Methods.Risk;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
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

    private static string Html(AnalysisResult result, AnalysisReportOptions options, string language = "en") =>
        HtmlDocumentWriter.Write(AnalysisReport.Compose(result, options, null, language));

    [Fact]
    public void Render_HostileTitleAndTheme_AppearOnlyEncoded()
    {
        var html = Html(ExampleResult(WithHostileText), new AnalysisReportOptions([], Title: "Report " + Hostile));

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        html.ShouldContain("&lt;b&gt;Klimaat en natuurrampen&lt;/b&gt; &amp; co");
    }

    [Fact]
    public void Compose_Example_HasSummaryDiagramRankingThemesRiskSheetsAnnexAndNoExternalResources()
    {
        var result = ExampleResult();
        var document = AnalysisReport.Compose(result, new AnalysisReportOptions([]), null, "en");
        var html = HtmlDocumentWriter.Write(document);

        var headings = document.Blocks.OfType<Heading>().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        headings.ShouldBe(["Summary for the council", "Risk diagram", "Ranking", "By theme", "Risk sheets", "Capability analysis", "Annex: method, scales and settings"]);
        foreach (var s in result.Scenarios) document.Blocks.OfType<Heading>().ShouldContain(h => h.Level == 2 && h.Text == $"{s.Id} {s.Title}");
        var figure = document.Blocks.OfType<Figure>().Single();
        figure.Png.Length.ShouldBeGreaterThan(1000);
        html.ShouldContain("role=\"img\"><title>Risk diagram: likelihood against impact</title><desc>4 scenarios plotted");
        html.ShouldContain("<th scope=\"col\">P(top 5)</th>");
        html.ShouldContain("@media print");
        html.ShouldContain("Seed</td><td>7</td>");
        foreach (var theme in result.Scenarios.Select(s => s.Theme).Distinct()) html.ShouldContain("<h3>" + theme + "</h3>");
        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("href=\"http");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public void Compose_DefaultLanguage_IsDutch()
    {
        var html = HtmlDocumentWriter.Write(AnalysisReport.Compose(ExampleResult(), new AnalysisReportOptions([])));

        html.ShouldStartWith("<!DOCTYPE html>\n<html lang=\"nl\">");
        html.ShouldContain("<h2>Samenvatting voor de raad</h2>");
        html.ShouldContain("<title>Risicodiagram: waarschijnlijkheid tegen impact</title>");
    }

    [Fact]
    public void Compose_Dutch_SaysHowAQuantityBecameAClass_InDutch_UnitIncluded()
    {
        const string derivation = "350 deaths lies in C: 100 ≤ q < 1,000 (scale v1, indicative)";
        var result = ExampleResult(input => input with
        {
            Scenarios = input.Scenarios.Select((s, i) => i != 0 ? s : s with
            {
                Assessments = s.Assessments.Select((a, j) => j != 0 ? a : a with
                {
                    Impacts = a.Impacts.ToDictionary(x => x.Key, x => x.Key == "2.1" ? new ClassJudgement(ImpactClass.C, ImpactClass.C, derivation: derivation) : x.Value),
                }).ToList(),
            }).ToList(),
        });

        var dutch = Html(result, new AnalysisReportOptions([]), "nl");
        var english = Html(result, new AnalysisReportOptions([]), "en");

        dutch.ShouldContain("350 doden valt in C: 100 ≤ q &lt; 1,000 (schaal v1, indicatief)");
        dutch.ShouldNotContain("deaths");
        english.ShouldContain("350 deaths lies in C: 100 ≤ q &lt; 1,000 (scale v1, indicative)");
    }

    [Fact]
    public void Compose_Docx_ValidatesAndEmbedsTheDiagramAsPng()
    {
        var bytes = DocxWriter.ToBytes(AnalysisReport.Compose(ExampleResult(), new AnalysisReportOptions([])));

        Documents.DocxInspection.ValidationErrors(bytes).ShouldBeEmpty();
        using var doc = Documents.DocxInspection.Open(bytes);
        doc.MainDocumentPart!.ImageParts.Single().ContentType.ShouldBe("image/png");
        doc.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single()
            .Description!.Value!.ShouldStartWith("4 scenario's uitgezet");
    }

    [Fact]
    public void Render_NoPublicConcern_SaysSo() =>
        Html(ExampleResult(), new AnalysisReportOptions([])).ShouldContain("No public-concern poll was supplied");

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

        var html = Html(ExampleResult(), new AnalysisReportOptions(poll));

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
