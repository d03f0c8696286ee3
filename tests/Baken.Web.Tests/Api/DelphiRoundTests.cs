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
/// Round 2 of the Delphi method: the round change records the round-1 scores, a revision needs a reason, the group's
/// distribution shows counts without names, and the risk sheet (page and report) shows how the spread moved, in Dutch and English.
/// </summary>
public sealed class DelphiRoundTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoundTwo_RecordsRoundOne_AsksForAReason_AndTheRiskSheetShowsTheSpreadNarrowing(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = app.Database.Context(FixedUser.System))
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var analyst = await app.ClientForAsync("analyst-aivd", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        (await coordinator.PostAsJsonAsync("/api/cycles", new { code = "NRB-2027", title = "NRB 2027", scenarios = "E-DROUGHT", due = "2027-03-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Round 1 → 2, by a coordinator only, never back.
        (await analyst.PostAsJsonAsync("/api/cycles/NRB-2027/round", new { round = 2 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await coordinator.PostAsJsonAsync("/api/cycles/NRB-2027/round", new { round = 3 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("round");
        var moved = await coordinator.PostAsJsonAsync("/api/cycles/NRB-2027/round", new { round = 2 });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("round").GetInt32().ShouldBe(2);
        (await coordinator.PostAsJsonAsync("/api/cycles/NRB-2027/round", new { round = 2 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var own = await analyst.GetFromJsonAsync<JsonElement>("/api/register/assessment/E-DROUGHT.analyst-aivd");
        var scores = own.GetProperty("fields").GetProperty("scores").GetString()!;
        own.GetProperty("fields").GetProperty("round1_scores").GetString().ShouldBe(scores);

        // Criterion 3.1 in round 1: wodc C, aivd E, iss E, seo B (range 3). Two analysts revise to C: range 1.
        scores.ShouldContain("3.1=E");
        var revision = new Dictionary<string, string?> { ["scores"] = scores.Replace("3.1=E", "3.1=C") };
        var noReason = await analyst.PutAsJsonAsync("/api/register/assessment/E-DROUGHT.analyst-aivd", new { values = revision });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("change_reason");
        revision["change_reason"] = "Na de groepsdiscussie: droogte raakt de economie minder dan gedacht";
        (await analyst.PutAsJsonAsync("/api/register/assessment/E-DROUGHT.analyst-aivd", new { values = revision })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var iss = (await coordinator.GetFromJsonAsync<JsonElement>("/api/register/assessment/E-DROUGHT.analyst-iss")).GetProperty("fields").GetProperty("scores").GetString()!;
        iss.ShouldContain("3.1=E");
        (await coordinator.PutAsJsonAsync("/api/register/assessment/E-DROUGHT.analyst-iss", new { values = new Dictionary<string, string?>
            { ["scores"] = iss.Replace("3.1=E", "3.1=C"), ["change_reason"] = "Ingevoerd namens analyst-iss na de sessie" } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The Delphi view: counts per class, no names.
        var roundsBody = await analyst.GetStringAsync("/api/scenarios/E-DROUGHT/rounds");
        roundsBody.ShouldNotContain("analyst-");
        var rounds = JsonDocument.Parse(roundsBody).RootElement;
        rounds.GetProperty("round").GetInt32().ShouldBe(2);
        rounds.GetProperty("hasRound1").GetBoolean().ShouldBeTrue();
        var c31 = rounds.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "3.1");
        c31.GetProperty("round1").GetProperty("E").GetInt32().ShouldBe(2);
        c31.GetProperty("now").GetProperty("C").GetInt32().ShouldBe(3);
        c31.GetProperty("spreadRound1").GetInt32().ShouldBe(3);
        c31.GetProperty("spreadNow").GetInt32().ShouldBe(1);
        c31.GetProperty("narrowed").GetBoolean().ShouldBeTrue();
        c31.GetProperty("movedDown").GetInt32().ShouldBe(2);
        c31.GetProperty("unchanged").GetInt32().ShouldBe(2);

        // The analyst's form shows the group's distribution; the risk sheet and the report show the movement.
        var web = await app.SignedInClientAsync("analyst-web", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        (await web.GetStringAsync("/register/scenario/E-DROUGHT/assess")).ShouldContain("Verdeling van de groep (ronde 2)");
        (await web.GetStringAsync("/register/scenario/E-DROUGHT/assess?culture=en&ui-culture=en")).ShouldContain("The group&#x27;s distribution (round 2)");
        var run = await coordinator.PostAsJsonAsync("/api/analysis/runs", new { iterations = 0 });
        run.IsSuccessStatusCode.ShouldBeTrue(await run.Content.ReadAsStringAsync());
        var runCode = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runCode").GetString();
        var nl = await web.GetStringAsync("/risk-sheets/E-DROUGHT");
        nl.ShouldContain("Verschuiving tussen ronde 1 (blind) en nu");
        nl.ShouldContain("3 → 1 (smaller)");
        nl.ShouldContain("0 / 2 / 2");
        var en = await web.GetStringAsync("/risk-sheets/E-DROUGHT?culture=en&ui-culture=en");
        en.ShouldContain("Movement between round 1 (blind) and now");
        en.ShouldContain("3 → 1 (narrowed)");
        var report = await coordinator.GetStringAsync($"/api/analysis/runs/{runCode}/report");
        report.ShouldContain("Verschuiving tussen ronde 1 (blind) en nu");
        // A scenario outside any round change says so.
        report.ShouldContain("Geen tweede beoordelingsronde vastgelegd");
    }
}
