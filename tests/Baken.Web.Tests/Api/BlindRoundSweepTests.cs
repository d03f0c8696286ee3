using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Comments;
using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Api;

/// <summary>
/// The blind-round sweep, like the leak sweep: while a cycle is in round 1, an analyst who has not submitted their own
/// assessment of a scenario fetches every route, page and export that shows assessments or comments; no other analyst's
/// assessment or comment of that scenario may show anywhere (lists, searches, counts, exports, detail pages, history, the
/// heatmap, the Delphi view, the comment thread, a run made of it and its report). Once they submit, they see them; a
/// coordinator sees them all along; scenarios
/// outside the blind round stay visible.
/// </summary>
public sealed class BlindRoundSweepTests
{
    private static readonly string[] Others = ["analyst-wodc", "analyst-iss", "analyst-seo"];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InRoundOne_NoRouteOrPageOrExport_ShowsAnotherAnalystsScores_UntilTheReaderSubmitsTheirOwn(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = app.Database.Context(FixedUser.System))
        {
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
            // A marker in each assessment's rationale, so a leak of any of them is a string to look for.
            foreach (var a in await db.Assessments.Where(a => a.ScenarioCode == "E-DROUGHT" || a.ScenarioCode == "E-ZOONOSE").ToListAsync())
                a.Rationale = (a.ScenarioCode == "E-DROUGHT" ? "BLINDMARK-" : "OPENMARK-") + a.Analyst;
            await db.SaveChangesAsync();
        }
        // Each analyst also comments on both scenarios, with the same markers: a comment may repeat a score.
        foreach (var author in Others.Append("analyst-aivd"))
        {
            var me = new FixedUser(author, ClassificationLevel.StaatsgeheimGeheim, 0, ["Analyst"]);
            await using var db = app.Database.Context(me);
            foreach (var (scenario, mark) in new[] { ("E-DROUGHT", "BLINDMARK-"), ("E-ZOONOSE", "OPENMARK-") })
                (await new AddComment(db, me).HandleAsync(new AddCommentRequest(scenario, $"Opmerking {mark}{author}", Criterion: "1.1"))).IsOk.ShouldBeTrue();
        }
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var analyst = await app.ClientForAsync("analyst-aivd", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        (await coordinator.PostAsJsonAsync("/api/cycles", new { code = "NRB-2027", title = "NRB 2027", scenarios = "E-DROUGHT", due = "2027-03-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await coordinator.PostAsJsonAsync("/api/cycles/NRB-2027/assign", new { scenario = "E-DROUGHT", analysts = "analyst-aivd" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var run = await coordinator.PostAsJsonAsync("/api/analysis/runs", new { iterations = 0 });
        run.IsSuccessStatusCode.ShouldBeTrue(await run.Content.ReadAsStringAsync());
        var runCode = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runCode").GetString()!;

        // Before submitting: the other analysts' assessments of E-DROUGHT are not there for analyst-aivd.
        var before = await SweepAsync(analyst, runCode);
        foreach (var other in Others)
        {
            before.All.ShouldNotContain("BLINDMARK-" + other, customMessage: $"{other}'s blind score leaked");
            before.All.ShouldNotContain($"E-DROUGHT.{other}");
            before.All.ShouldContain("OPENMARK-" + other);
        }
        foreach (var other in Others) before.Probes.ShouldNotContain("BLINDMARK-" + other);
        before.All.ShouldContain("BLINDMARK-analyst-aivd");
        before.All.ShouldNotContain(runCode);
        before.Hidden.ShouldAllBe(s => s == HttpStatusCode.NotFound);
        // Counts only what the reader sees: 16 imported, 3 hidden.
        before.List.ShouldContain("\"total\":13");
        before.Rounds.GetProperty("assessments").GetInt32().ShouldBe(1);

        // A coordinator sees everything all along.
        var coordinatorView = await SweepAsync(coordinator, runCode);
        foreach (var other in Others) coordinatorView.All.ShouldContain("BLINDMARK-" + other);
        coordinatorView.Hidden.ShouldAllBe(s => s == HttpStatusCode.OK);
        coordinatorView.List.ShouldContain("\"total\":16");

        // After submitting their own, analyst-aivd sees the others' scores, and the run made of them.
        (await analyst.PostAsync("/api/assessments/E-DROUGHT/analyst-aivd/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await SweepAsync(analyst, runCode);
        foreach (var other in Others) after.All.ShouldContain("BLINDMARK-" + other);
        foreach (var other in Others) after.Probes.ShouldContain("BLINDMARK-" + other);
        after.All.ShouldContain(runCode);
        after.Hidden.ShouldAllBe(s => s == HttpStatusCode.OK);
        after.Rounds.GetProperty("assessments").GetInt32().ShouldBe(4);

        // Another analyst who has not submitted is still blind; in round 2 the blind rule ends for everyone.
        var iss = await app.ClientForAsync("analyst-iss", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        (await iss.GetAsync("/api/register/assessment/E-DROUGHT.analyst-wodc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await iss.PostAsJsonAsync("/api/cycles/NRB-2027/round", new { round = 2 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PostAsJsonAsync("/api/cycles/NRB-2027/round", new { round = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await iss.GetAsync("/api/register/assessment/E-DROUGHT.analyst-wodc")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed record Sweep(string All, string List, IReadOnlyList<HttpStatusCode> Hidden, JsonElement Rounds, string Probes);

    /// <summary>Every read route, page and export that shows assessments, as the given client.</summary>
    private static async Task<Sweep> SweepAsync(HttpClient client, string runCode)
    {
        var bodies = new List<string>();
        var probes = new List<string>();
        async Task<HttpResponseMessage> Fetch(string url, bool probe = false)
        {
            var response = await client.GetAsync(url);
            // A probe names the hidden record in its address (and a "not found" page may repeat it): only its content counts.
            (probe ? probes : bodies).Add(await response.Content.ReadAsStringAsync());
            return response;
        }

        var list = await Fetch("/api/register/assessment?pageSize=500");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listBody = bodies[^1];
        await Fetch("/api/register/assessment?search=BLINDMARK");
        await Fetch("/api/register/assessment?search=E-DROUGHT");
        foreach (var f in new[] { "csv", "json" }) await Fetch($"/api/register/assessment/export?format={f}");
        await Fetch("/register/assessment");
        await Fetch("/register/assessment?q=BLINDMARK");
        await Fetch("/register/scenario/E-DROUGHT");
        await Fetch("/register/scenario/E-DROUGHT/analysts");
        await Fetch("/register/scenario/E-ZOONOSE/analysts");
        await Fetch("/register/scenario/E-DROUGHT/assess");
        await Fetch("/risk-sheets/E-DROUGHT");
        await Fetch("/cycles/NRB-2027");
        await Fetch("/api/cycles/NRB-2027");
        await Fetch("/api/register/analysis-run?pageSize=500");
        await Fetch("/analysis");
        await Fetch("/");
        await Fetch("/api/register/assessment/E-DROUGHT.analyst-aivd");
        foreach (var other in Others) await Fetch($"/api/register/assessment/E-ZOONOSE.{other}");
        await Fetch("/api/scenarios/E-DROUGHT/comments");
        await Fetch("/api/register/comment?pageSize=500");
        await Fetch("/api/register/comment?search=BLINDMARK");
        foreach (var f in new[] { "csv", "json" }) await Fetch($"/api/register/comment/export?format={f}");
        await Fetch("/register/comment");
        var rounds = await Fetch("/api/scenarios/E-DROUGHT/rounds");
        rounds.StatusCode.ShouldBe(HttpStatusCode.OK);
        var roundsJson = JsonDocument.Parse(await rounds.Content.ReadAsStringAsync()).RootElement.Clone();

        var hidden = new List<HttpStatusCode>();
        async Task Probe(string url) => hidden.Add((await Fetch(url, probe: true)).StatusCode);
        foreach (var other in Others)
        {
            await Probe($"/api/register/assessment/E-DROUGHT.{other}");
            await Probe($"/api/register/assessment/E-DROUGHT.{other}/history");
            await Fetch($"/register/assessment/E-DROUGHT.{other}", probe: true);
            await Probe($"/api/register/comment/E-DROUGHT.{other}.1");
            await Probe($"/api/register/comment/E-DROUGHT.{other}.1/history");
            await Fetch($"/register/comment/E-DROUGHT.{other}.1", probe: true);
        }
        await Probe($"/api/register/analysis-run/{runCode}");
        await Probe($"/api/analysis/runs/{runCode}/report");
        await Probe($"/api/analysis/runs/{runCode}/results");
        await Fetch($"/analysis/{runCode}", probe: true);
        return new Sweep(string.Join("\n", bodies), listBody, hidden, roundsJson, string.Join("\n", probes));
    }
}
