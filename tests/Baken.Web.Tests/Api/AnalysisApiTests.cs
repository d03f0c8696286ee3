using System.Net;
using System.Net.Http.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Api;

namespace Baken.Web.Tests.Api;

public sealed class AnalysisApiTests
{
    private static async Task ImportExample(RunningApp app, string? classifyRansomAs = null)
    {
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        var rows = lines.Select((l, i) =>
        {
            var cells = l.Split(',');
            if (classifyRansomAs is not null && cells[0] == "E-RANSOM") cells[6] = classifyRansomAs;
            return new AssessmentRawRow(i + 1, cells);
        }).ToList();
        await using var db = app.Database.Context(FixedUser.System);
        (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StartRun_ThenReportAndDashboard_ShowIt(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await ImportExample(app);
        var client = await app.ClientForAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");

        var started = await client.PostAsJsonAsync("/api/analysis/runs", new StartAnalysisBody(null, 3, 500, 3, null));
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var run = (await started.Content.ReadFromJsonAsync<StartedAnalysis>())!;
        run.Scenarios.ShouldBe(4);

        var report = await client.GetAsync($"/api/analysis/runs/{run.RunCode}/report");
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await report.Content.ReadAsStringAsync();
        html.ShouldContain("<svg");
        html.ShouldContain("E-DROUGHT");
        html.ShouldContain("<html lang=\"nl\">"); // the page's language: Dutch unless the reader switched
        var english = await client.GetStringAsync($"/api/analysis/runs/{run.RunCode}/report?lang=en");
        english.ShouldContain("Summary for the council");
        var docx = await client.GetAsync($"/api/analysis/runs/{run.RunCode}/report?format=docx");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).ShouldBeEmpty();
        (await client.GetAsync($"/api/analysis/runs/{run.RunCode}/report?lang=fr")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The same risk sheet as a page, and the capability analysis.
        var sheet = await client.GetStringAsync("/risk-sheets/E-DROUGHT");
        sheet.ShouldContain("<h1>E-DROUGHT Langdurige droogte en hitte</h1>");
        sheet.ShouldContain("Impact per criterium");
        sheet.ShouldContain("analyst-wodc (WODC)");
        (await client.GetStringAsync("/capabilities")).ShouldContain("CAP-MED");

        var results = await client.GetFromJsonAsync<List<ScenarioSummary>>($"/api/analysis/runs/{run.RunCode}/results");
        results!.Single(s => s.Id == "E-DROUGHT").ImpactValue.ShouldBe(22, 1e-9);
        // The ranking as a table to download.
        var csvResponse = await client.GetAsync($"/api/analysis/runs/{run.RunCode}/results?format=csv");
        // The download's marking: the run's high-water mark, in the header (a CSV holds no marking row).
        csvResponse.Headers.GetValues(MarkedFiles.Header).Single().ShouldBe("ONGERUBRICEERD");
        var csv = await csvResponse.Content.ReadAsStringAsync();
        csv.Split('\n')[0].ShouldStartWith("rank,scenario,title,theme,likelihood,impact_value");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + 4);
        csv.ShouldContain(",E-DROUGHT,Langdurige droogte en hitte,");
        var xlsx = await client.GetAsync($"/api/analysis/runs/{run.RunCode}/results?format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
        MarkedFiles.XlsxMarking(await xlsx.Content.ReadAsByteArrayAsync()).ShouldBe("ONGERUBRICEERD");
        (await client.GetAsync($"/api/analysis/runs/{run.RunCode}/results")).Headers.GetValues(MarkedFiles.Header).Single().ShouldBe("ONGERUBRICEERD");
        // A reader outside the internal classified audience gets the analysts as A1…An, never by user name.
        var uncleared = await app.ClientForAsync("intern", ClassificationLevel.Ongerubriceerd, roles: "PolicyOwner");
        var anonymous = await uncleared.GetStringAsync($"/api/analysis/runs/{run.RunCode}/report?lang=en");
        anonymous.ShouldContain("A4 (WODC)");
        anonymous.ShouldNotContain("analyst-wodc");
        html.ShouldContain("analyst-wodc (WODC)");
        var badFormat = await client.GetAsync($"/api/analysis/runs/{run.RunCode}/results?format=pdf");
        badFormat.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badFormat.Content.ReadAsStringAsync()).ShouldContain("json, csv or xlsx");

        var dashboard = await client.GetStringAsync("/");
        dashboard.ShouldContain(run.RunCode);
        dashboard.ShouldContain("<svg");
        // Every mark of the diagram links to its scenario and carries a tooltip with its classes and impact.
        dashboard.ShouldContain($"<a href=\"/risk-sheets/E-DROUGHT?run={run.RunCode}\"");
        dashboard.ShouldMatch("<title>\\d+\\. Langdurige droogte en hitte — likelihood [A-E], impact [A-E] \\(I = [0-9.]+\\)");
        (await client.GetStringAsync($"/analysis/{run.RunCode}")).ShouldContain("Langdurige droogte en hitte");
        (await client.GetStringAsync("/analysis")).ShouldContain(run.RunCode);

        // The diagram can be narrowed to a theme, drawn without whiskers, and recomputed as a what-if with another factor.
        var climate = await client.GetStringAsync($"/analysis/{run.RunCode}?theme=T1&whiskers=off");
        climate.ShouldContain("Langdurige droogte en hitte");
        climate.ShouldNotContain("Ransomware-aanval op drinkwaterbedrijven");
        var whatIf = await client.GetStringAsync($"/analysis/{run.RunCode}?factor=10");
        whatIf.ShouldContain("What-if, not stored");
        whatIf.ShouldContain("factor 10");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAboveTheReadersClearance_IsInvisibleEverywhere(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await ImportExample(app, classifyRansomAs: "Stg.G");
        var high = await app.ClientForAsync("high", ClassificationLevel.StaatsgeheimGeheim);
        var low = await app.ClientForAsync("low", ClassificationLevel.DepartementaalVertrouwelijk);

        var secret = (await (await high.PostAsJsonAsync("/api/analysis/runs", new StartAnalysisBody(null, 3, 0, 1, null))).Content.ReadFromJsonAsync<StartedAnalysis>())!;
        secret.Classification.ShouldBe("Staatsgeheim Geheim");

        (await low.GetAsync($"/api/analysis/runs/{secret.RunCode}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await low.GetAsync($"/api/analysis/runs/{secret.RunCode}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var page in new[] { "/", "/analysis", "/api/register/analysis-run" })
        {
            var body = await low.GetStringAsync(page);
            body.ShouldNotContain(secret.RunCode);
            body.ShouldNotContain("Ransomware-aanval");
        }
        // The detail page only echoes the code the reader typed, and says it does not exist for them.
        var detail = await low.GetStringAsync($"/analysis/{secret.RunCode}");
        detail.ShouldContain("bestaat niet of u mag het niet zien");
        detail.ShouldNotContain("Ransomware-aanval");
        detail.ShouldNotContain("Staatsgeheim Geheim");
        foreach (var page in new[] { "/register/scenario/E-RANSOM", "/register/scenario/E-RANSOM/analysts", "/register/scenario/E-RANSOM/assess" })
        {
            var body = await low.GetStringAsync(page);
            body.ShouldContain("bestaat niet of u mag het niet zien");
            body.ShouldNotContain("Ransomware-aanval");
        }
        // A reader who may see the scenario sees every assessment in the heatmap.
        (await high.GetStringAsync("/register/scenario/E-RANSOM/analysts")).ShouldContain("analyst-aivd");
        // The low reader's own run leaves the secret scenario out and is classified low.
        var own = (await (await low.PostAsJsonAsync("/api/analysis/runs", new StartAnalysisBody(null, 3, 0, 1, null))).Content.ReadFromJsonAsync<StartedAnalysis>())!;
        own.Scenarios.ShouldBe(3);
        (await low.GetStringAsync($"/api/analysis/runs/{own.RunCode}/report")).ShouldNotContain("E-RANSOM");
        foreach (var page in new[] { "/risk-sheets/E-RANSOM", $"/risk-sheets/E-RANSOM?run={secret.RunCode}" })
        {
            var body = await low.GetStringAsync(page);
            body.ShouldNotContain("Ransomware-aanval");
            body.ShouldNotContain("analyst-aivd");
        }
    }
}
