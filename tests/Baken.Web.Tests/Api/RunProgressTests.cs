using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Tests.Api;

/// <summary>An analysis started on the workbench runs in the background behind a progress page.</summary>
public sealed class RunProgressTests
{
    private static async Task ImportExampleAsync(RunningApp app)
    {
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using var db = app.Database.Context(FixedUser.System);
        (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task TheProgressPage_ShowsHowFarTheRunIs_OnlyToItsOwner_ThenOpensTheRun()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var owner = await app.SignedInClientAsync("eigenaar", ClassificationLevel.StaatsgeheimConfidentieel, "Coordinator");
        var other = await app.SignedInClientAsync("ander", ClassificationLevel.StaatsgeheimZeerGeheim, "Coordinator");
        var job = app.App.Services.GetRequiredService<AnalysisJobs>().Begin("eigenaar");
        job.Report(0.42);
        job.Report(0.3); // a late report from another thread does not move the bar back

        var running = await owner.GetStringAsync($"/analysis/progress/{job.Id}");
        running.ShouldContain("<progress id=\"run-progress\" max=\"100\" value=\"42\"");
        running.ShouldContain("<meta http-equiv=\"refresh\" content=\"1\"");
        running.ShouldContain("role=\"status\"");
        running.ShouldContain("<h1>Analyse wordt berekend</h1>");

        var stranger = await other.GetStringAsync($"/analysis/progress/{job.Id}");
        stranger.ShouldNotContain("<progress");
        stranger.ShouldContain("bestaat niet");

        var failing = app.App.Services.GetRequiredService<AnalysisJobs>().Begin("eigenaar");
        failing.Fail([new FieldError("input", "register", "at least one assessment you may see")]);
        var failed = await owner.GetStringAsync($"/analysis/progress/{failing.Id}");
        failed.ShouldContain("<h1>Analyse niet uitgevoerd</h1>");
        failed.ShouldContain("at least one assessment you may see");

        job.Complete("RUN-20261123-120000");
        var done = await owner.GetAsync($"/analysis/progress/{job.Id}");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldEndWith("/analysis/RUN-20261123-120000");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StartingARunOnThePage_GoesThroughTheProgressPage_ToTheStoredRun(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await ImportExampleAsync(app);
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, "Coordinator");

        var started = await browser.PostAsync("/analysis", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "start-run", ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(browser, "/analysis"),
            ["profile"] = "", ["factor"] = "3", ["iterations"] = "20000", ["seed"] = "7", ["asClearance"] = ((int)ClassificationLevel.StaatsgeheimGeheim).ToString(),
        }));
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var progress = started.Headers.Location!.ToString();
        progress.ShouldMatch("/analysis/progress/[0-9a-f-]{36}$");

        string? runPage = null;
        for (var attempt = 0; attempt < 600 && runPage is null; attempt++)
        {
            var poll = await browser.GetAsync(progress);
            if (poll.StatusCode == HttpStatusCode.Redirect) runPage = poll.Headers.Location!.ToString();
            else (await poll.Content.ReadAsStringAsync()).ShouldContain("<progress");
            if (runPage is null) await Task.Delay(100);
        }
        runPage.ShouldNotBeNull();
        var code = Regex.Match(runPage, "RUN-[0-9-]+").Value;
        (await browser.GetStringAsync($"/analysis/{code}")).ShouldContain("Langdurige droogte en hitte");
        (await browser.GetStringAsync("/analysis")).ShouldContain(code);
    }

    [Fact]
    public async Task AMachineClient_StartsAJob_AndFollowsItToTheStoredRun_WhileOthersCannotSeeIt()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        await ImportExampleAsync(app);
        var client = await app.ClientForAsync("machine", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var other = await app.ClientForAsync("other", ClassificationLevel.StaatsgeheimZeerGeheim, roles: "Coordinator");

        var bad = await client.PostAsJsonAsync("/api/analysis/jobs", new Baken.Web.Api.StartAnalysisBody(null, 3, 500, 1, "TopSecret"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("asClearance");

        var started = await client.PostAsJsonAsync("/api/analysis/jobs", new Baken.Web.Api.StartAnalysisBody(null, 3, 2000, 1, null));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = started.Headers.Location!.ToString();
        location.ShouldMatch("^/api/analysis/jobs/[0-9a-f-]{36}$");

        Baken.Web.Api.AnalysisJobView? job = null;
        for (var attempt = 0; attempt < 600 && job?.State != "Done"; attempt++)
        {
            job = await client.GetFromJsonAsync<Baken.Web.Api.AnalysisJobView>(location);
            job!.State.ShouldNotBe("Failed", string.Join("; ", job.Errors));
            job.Percent.ShouldBeInRange(0, 100);
            if (job.State != "Done") await Task.Delay(100);
        }
        job!.State.ShouldBe("Done");
        job.Percent.ShouldBe(100);
        (await client.GetStringAsync($"/api/analysis/runs/{job.RunCode}/results")).ShouldContain("E-DROUGHT");
        (await other.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
