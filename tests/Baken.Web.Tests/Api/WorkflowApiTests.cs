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

/// <summary>The workflow routes and pages: cycles, assessment status, the inbox, and the concept mark of a run.</summary>
public sealed class WorkflowApiTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CycleAndStatusRoutes_AnswerPerRole_AndThePagesShowTheWorkInDutchAndEnglish(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = app.Database.Context(FixedUser.System))
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var analyst = await app.ClientForAsync("analyst-aivd", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");

        var open = new { code = "NRB-2027", title = "NRB 2027", scenarios = "E-ZOONOSE;E-SUBVERT", due = "2027-03-01" };
        (await analyst.PostAsJsonAsync("/api/cycles", open)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await coordinator.PostAsJsonAsync("/api/cycles", open with { due = "soon" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
            problem.RootElement.GetProperty("errors").TryGetProperty("due", out _).ShouldBeTrue();
        (await coordinator.PostAsJsonAsync("/api/cycles", open)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await coordinator.PostAsJsonAsync("/api/cycles/NRB-2027/assign", new { scenario = "E-ZOONOSE", analysts = "analyst-aivd" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var inbox = await analyst.GetFromJsonAsync<List<JsonElement>>("/api/inbox");
        inbox!.ShouldContain(i => i.GetProperty("kind").GetString() == "assignment" && i.GetProperty("code").GetString() == "NRB-2027.E-ZOONOSE");
        // In the blind round another analyst's assessment is not there for analyst-aivd (hidden = missing); once they have submitted
        // their own, it is there, and submitting it is not theirs to do.
        (await analyst.PostAsync("/api/assessments/E-ZOONOSE/analyst-wodc/submit", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await analyst.PostAsync("/api/assessments/E-ZOONOSE/analyst-aivd/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.PostAsync("/api/assessments/E-ZOONOSE/analyst-wodc/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.PostAsJsonAsync("/api/assessments/E-ZOONOSE/analyst-aivd/validate", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PostAsJsonAsync("/api/assessments/E-ZOONOSE/analyst-aivd/return", new { reason = "Bron ontbreekt" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync("/api/assessments/E-ZOONOSE/analyst-aivd/validate", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await coordinator.PostAsJsonAsync("/api/assessments/E-NONE/analyst-aivd/validate", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var status = await coordinator.GetFromJsonAsync<JsonElement>("/api/cycles/NRB-2027");
        var task = status.GetProperty("tasks").EnumerateArray().Single();
        task.GetProperty("status").GetString().ShouldBe("returned");
        task.GetProperty("note").GetString().ShouldBe("Bron ontbreekt");
        status.GetProperty("unassigned").EnumerateArray().Select(e => e.GetString()).ShouldBe(["E-SUBVERT"]);

        // The pages, signed in as a browser is; a concept run says so on its page.
        var web = await app.SignedInClientAsync("coord-web", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var nl = await web.GetStringAsync("/cycles/NRB-2027");
        nl.ShouldContain("teruggestuurd");
        nl.ShouldContain("Nog niet toegewezen");
        nl.ShouldContain("Ronde sluiten");
        var en = await web.GetStringAsync("/cycles/NRB-2027?culture=en&ui-culture=en");
        en.ShouldContain("returned");
        en.ShouldContain("Not assigned yet");
        (await web.GetStringAsync("/inbox")).ShouldContain("<h1>Mijn taken</h1>");
        (await web.GetStringAsync("/inbox?culture=en&ui-culture=en")).ShouldContain("<h1>My inbox</h1>");
        (await web.GetStringAsync("/cycles")).ShouldContain("NRB-2027");

        var run = await coordinator.PostAsJsonAsync("/api/analysis/runs", new { iterations = 0 });
        run.IsSuccessStatusCode.ShouldBeTrue(await run.Content.ReadAsStringAsync());
        var started = await run.Content.ReadFromJsonAsync<JsonElement>();
        started.GetProperty("concept").GetBoolean().ShouldBeTrue();
        var code = started.GetProperty("runCode").GetString();
        (await web.GetStringAsync($"/analysis/{code}")).ShouldContain("<strong>Concept</strong>");
        (await coordinator.GetStringAsync($"/api/analysis/runs/{code}/report")).ShouldContain("CONCEPT");
    }
}
