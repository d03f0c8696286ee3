using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Strength of knowledge as pedigree scores 0–4 (evidence, agreement, understanding): optional columns of the assessment
/// file, fields of the register and the form (with the catalogue's indicative descriptions), shown in the heatmap and
/// in the report's risk sheet.
/// </summary>
public sealed class StrengthOfKnowledgeTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PedigreeScores_GoFromTheFile_ToTheHeatmapTheFormAndTheRiskSheet(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var lines = File.ReadAllLines(SharedData.File("examples/assessments-example.csv"));
        List<AssessmentRawRow> WithPedigree(string aivdScores) =>
            lines.Select((l, i) => new AssessmentRawRow(i + 1, (l + "," + (i == 0 ? "knowledge_evidence,knowledge_agreement,knowledge_understanding"
                : l.StartsWith("E-DROUGHT,", StringComparison.Ordinal) && l.Contains(",analyst-aivd,", StringComparison.Ordinal) ? aivdScores : ",,")).Split(','))).ToList();

        await using (var db = app.Database.Context(FixedUser.System))
        {
            var refused = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(WithPedigree("3,5,1"));
            refused.IsOk.ShouldBeFalse();
            refused.Errors.ShouldContain(e => e.Field == "knowledge_agreement" && e.Value == "5" && e.Allowed.Contains("0 (weakest) to 4"));
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(WithPedigree("3,2,1"))).IsOk.ShouldBeTrue();
        }
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var stored = await coordinator.GetFromJsonAsync<JsonElement>("/api/register/assessment/E-DROUGHT.analyst-aivd");
        stored.GetProperty("fields").GetProperty("knowledge_evidence").GetString().ShouldBe("3");
        var bad = await coordinator.PutAsJsonAsync("/api/register/assessment/E-DROUGHT.analyst-aivd",
            new { values = new Dictionary<string, string?> { ["knowledge_understanding"] = "high" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("knowledge_understanding");

        var web = await app.SignedInClientAsync("analyst-aivd", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        WebUtility.HtmlDecode(await web.GetStringAsync("/register/scenario/E-DROUGHT/analysts")).ShouldContain("bewijs 3 · overeenstemming 2 · begrip 1/4");
        WebUtility.HtmlDecode(await web.GetStringAsync("/register/scenario/E-DROUGHT/analysts?culture=en&ui-culture=en")).ShouldContain("evidence 3 · agreement 2 · understanding 1/4");
        var form = WebUtility.HtmlDecode(await web.GetStringAsync("/register/scenario/E-DROUGHT/assess"));
        form.ShouldContain("Sterkte van kennis (pedigree 0–4)");
        form.ShouldContain("bewijsbasis 4: uitgebreide, actuele en getoetste gegevens en modellen");
        WebUtility.HtmlDecode(await web.GetStringAsync("/register/scenario/E-DROUGHT/assess?culture=en&ui-culture=en")).ShouldContain("evidence base 0: no usable data");

        var run = await coordinator.PostAsJsonAsync("/api/analysis/runs", new { iterations = 0 });
        run.IsSuccessStatusCode.ShouldBeTrue(await run.Content.ReadAsStringAsync());
        var runCode = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runCode").GetString();
        var nl = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/api/analysis/runs/{runCode}/report"));
        nl.ShouldContain("bewijs 3 · overeenstemming 2 · begrip 1/4");
        nl.ShouldContain("Laagste pedigreescore: 1/4");
        var en = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/api/analysis/runs/{runCode}/report?lang=en"));
        en.ShouldContain("evidence 3 · agreement 2 · understanding 1/4");
        en.ShouldContain("Weakest pedigree score stated: 1/4");
    }
}
