using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Capabilities;
using Baken.Application.Cascades;
using Baken.Application.Common;
using Baken.Application.Strategy;
using Baken.Domain.Assessments;
using Baken.Domain.Dependencies;
using Baken.Domain.Register;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Baken.Infrastructure.Persistence;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
using Baken.Infrastructure.Tests.Reports.Documents;
using Baken.Testing;

namespace Baken.Infrastructure.Tests.Reports;

/// <summary>
/// The risk sheet and the report made from the register: every field an assessment and its scenario hold reaches the
/// sheet, the report is Dutch by default without English template text, and the DOCX validates.
/// </summary>
public sealed class RiskSheetTests
{
    /// <summary>A threat scenario with every field filled, two analysts with every assessment field, a measure, a dependency, a goal and capability needs.</summary>
    private static async Task<(ReportDetails Details, AnalysisResult Result, string Run)> Register(TestDatabase database)
    {
        await using (var db = database.Context(FixedUser.System))
        {
            var other = new Scenario { Title = "Stroomuitval in de Randstad", ThemeCode = "T9", Kind = RiskKind.Hazard };
            other.Recode("S-OTHER");
            var s = new Scenario
            {
                Title = "Sabotage van het hoogspanningsnet", ThemeCode = "T9", Kind = RiskKind.Threat, HorizonYears = 2,
                Narrative = "VERHAAL-Een statelijke actor saboteert drie knooppunten.", ReasonableWorstCase = "ERGSTE-Twee weken zonder stroom in drie provincies.",
                Assumptions = "AANNAME-Geen gelijktijdige hittegolf.", Disruptions = ScenarioDisruptions.Parse("1: 48h 0.8"), Components = ["S-OTHER"], Dependence = CompoundDependence.Independent,
                Capabilities = CapabilityLevels.ParseNeeds("CAP-CONT@response=4; CAP-COMM=3", "capabilities"),
            };
            s.Recode("S-SAB");
            db.AddRecord(other);
            db.AddRecord(s);
            foreach (var (analyst, org, likelihood, conf) in new[] { ("ana", "AIVD", "D", "low"), ("bob", "TNO", "C", "high") })
            {
                var a = new Assessment
                {
                    ScenarioCode = "S-SAB", Analyst = analyst, Organisation = org, HorizonYears = 2, Likelihood = likelihood, Intent = "D", Capability = "C",
                    Vulnerability = "E", OverrideReason = $"AFWIJKING-{analyst} kent recente verkenningen.", Confidence = conf,
                    Scores = ScoreList.Parse("1.1=A;1.2=B;2.1=" + (analyst == "ana" ? "350" : "B-D~C") + ";2.2=C;2.3=D;3.1=C;4.1=X;5.1=D;5.2=B;5.3=C"),
                    Rationale = $"ONDERBOUWING-{analyst} op basis van de netbeheerdersanalyse.", Sources = [$"BRON-{analyst}"],
                };
                a.Recode($"S-SAB.{analyst}");
                db.AddRecord(a);
            }
            var o = new Assessment { ScenarioCode = "S-OTHER", Analyst = "ana", Organisation = "AIVD", Likelihood = "C", Scores = ScoreList.Parse("1.1=X;1.2=A;2.1=B;2.2=B;2.3=A;3.1=B;4.1=X;5.1=C;5.2=A;5.3=B") };
            o.Recode("S-OTHER.ana");
            db.AddRecord(o);
            var m = new Measure { Title = "Reservetransformatoren", Status = MeasureStatus.Implemented, Effects = MeasureEffectText.Parse("S-SAB: likelihood 0.7-0.9; 5.1 0.2-0.4"), CapabilityRaises = CapabilityLevels.ParseRaises("CAP-CONT+1", "capability_raises") };
            m.Recode("M-TRAFO");
            db.AddRecord(m);
            var d = new StrategicDependency { Title = "Transformatoren uit één land", Importer = "EU27", Scenario = "S-SAB" };
            d.Recode("DEP-TRAFO");
            db.AddRecord(d);
            var g = new StrategyGoal { Title = "Weerbare energievoorziening", Edition = "GBVS", Scenarios = ["S-SAB"] };
            g.Recode("G-ENERGIE");
            db.AddRecord(g);
            await db.SaveChangesAsync();
        }
        await using var ctx = database.Context(FixedUser.System);
        var outcome = (await new RunIntegratedAnalysis(ctx, FixedUser.System, TimeProvider.System, new LoadAnalysisCatalogue(ctx))
            .HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 300, Seed: 5, CodeVersion: "test"))).Value!;
        var gather = new GatherReportDetails(ctx, new CompareAnalysisRuns(ctx), new CapabilityGaps(ctx), new MeasuresAnalysis(ctx, new LoadAnalysisCatalogue(ctx), TimeProvider.System));
        var details = await gather.HandleAsync(outcome.Result.Scenarios.Select(x => x.Id).ToList(), outcome.RunCode);
        return (details, outcome.Result, outcome.RunCode!);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RiskSheet_ShowsEveryFieldTheAssessmentAndScenarioHold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var (details, result, run) = await Register(database);

        var blocks = AnalysisReport.RiskSheet(result, "S-SAB", new AnalysisReportOptions([], RunCode: run), details, "nl")!;
        var html = HtmlDocumentWriter.Fragment(blocks);

        string[] expected =
        [
            "Sabotage van het hoogspanningsnet", "VERHAAL-Een statelijke actor", "ERGSTE-Twee weken", "AANNAME-Geen gelijktijdige",
            "2 jaar", "moedwillig", // horizon and kind
            "ana (AIVD)", "bob (TNO)", "ONDERBOUWING-ana", "ONDERBOUWING-bob", "BRON-ana", "BRON-bob",
            "AFWIJKING-ana kent recente verkenningen.", "AFWIJKING-bob", "D / C / E", // override reasons, intent / capability / vulnerability
            "laag", "hoog", // strength of knowledge
            "350", "B-D~C", // the scores as entered: a quantity and a range
            "2.1 ", "5.3 ", // every criterion has a row (with its name)
            "Verstoort vitaal proces 1", "48 uur", "S-OTHER Stroomuitval in de Randstad", "(afhankelijkheid: onafhankelijk)", "DEP-TRAFO", "G-ENERGIE",
            "M-TRAFO Reservetransformatoren", "uitgevoerd", "waarschijnlijkheid × 0,7–0,9", "5.1 −20%–40%",
            "CAP-CONT", "CAP-COMM", "respons", "alle fasen",
        ];
        var shown = System.Net.WebUtility.HtmlDecode(html);
        foreach (var text in expected) shown.ShouldContain(text, customMessage: text);
        // The residual risk with the implemented measure is stated in numbers.
        html.ShouldContain("met de uitgevoerde maatregelen");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DutchReport_FromTheRegister_HasNoEnglishTemplateText_AndItsDocxValidates(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var (details, result, run) = await Register(database);
        var options = new AnalysisReportOptions([new PublicConcern("Stroomuitval", 40, "T9")], RunCode: run, RunAtUtc: new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc), ClassificationLabel: "Ongerubriceerd");

        var dutch = AnalysisReport.Compose(result, options, details);
        var english = AnalysisReport.Compose(result, options, details, "en");
        var nlHtml = HtmlDocumentWriter.Write(dutch);
        var enHtml = HtmlDocumentWriter.Write(english);

        nlHtml.ShouldContain("<html lang=\"nl\">");
        enHtml.ShouldContain("<html lang=\"en\">");
        var nlText = VisibleText(nlHtml);
        var enText = VisibleText(enHtml);
        // Words of the English template; the data here (titles, names, rationale) is Dutch, so any hit is template text.
        string[] english_ =
        [
            "Summary", "Likelihood", "likelihood", "Ranking", "Risk sheet", "Settings", "Weights", "Measures", "Capability", "Analysts", "analysts",
            "Criterion", "Theme", "threat", "hazard", "Strength", "knowledge", "Residual", "Annex", "Sensitivity", "not recorded", "none",
            " the ", " of the ", " and ", " with ", " by ", "Rank ",
            // the catalogue's units and the analysis core's derivations are English at the source
            "deaths", "people", "years", " a year", "lies in", "scale v",
        ];
        foreach (var word in english_) nlText.ShouldNotContain(word, Case.Sensitive, customMessage: $"English template text '{word}' in the Dutch report");
        // The annex's scale table gives each criterion's unit in the report's language.
        nlText.ShouldContain("doden");
        enText.ShouldContain("deaths");
        // The same words do appear in the English report, so the list would catch a template that stayed English.
        enText.ShouldContain("Likelihood");
        enText.ShouldContain("Summary for the council");
        enText.ShouldContain(" of the ");

        DocxInspection.ValidationErrors(DocxWriter.ToBytes(dutch)).ShouldBeEmpty();
        DocxInspection.ValidationErrors(DocxWriter.ToBytes(english)).ShouldBeEmpty();
    }

    /// <summary>The page's text as a reader sees it: no tags, no style, and no SVG markup (its title and description stay).</summary>
    private static string VisibleText(string html)
    {
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        body = System.Text.RegularExpressions.Regex.Replace(body, "<(?!/?(title|desc)\\b)[^>]+>", " ");
        return System.Net.WebUtility.HtmlDecode(body);
    }
}
