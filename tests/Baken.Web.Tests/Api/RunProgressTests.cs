using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Api;
using Microsoft.EntityFrameworkCore;

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

    private static async Task<Guid> JobAsync(RunningApp app, string owner, JobState state, double progress = 0, string? reason = null, string? runCode = null)
    {
        await using var db = app.Database.Context(FixedUser.System);
        var job = new BackgroundJob
        {
            Kind = JobKinds.Analysis, Owner = owner, State = state, Progress = progress, Reason = reason, ResultCode = runCode,
            CreatedAtUtc = DateTime.UnixEpoch.AddYears(56), ClaimedBy = state == JobState.Running ? "elsewhere" : null,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    [Fact]
    public async Task TheProgressPage_ShowsHowFarTheRunIs_OnlyToItsOwner_ThenOpensTheRun()
    {
        // No worker on this node: the jobs below are as another node left them in the table.
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var owner = await app.SignedInClientAsync("eigenaar", ClassificationLevel.StaatsgeheimConfidentieel, "Coordinator");
        var other = await app.SignedInClientAsync("ander", ClassificationLevel.StaatsgeheimZeerGeheim, "Coordinator");
        var job = await JobAsync(app, "eigenaar", JobState.Running, 0.42);

        var running = await owner.GetStringAsync($"/analysis/progress/{job}");
        running.ShouldContain("<progress id=\"run-progress\" max=\"100\" value=\"42\"");
        running.ShouldContain("<meta http-equiv=\"refresh\" content=\"1\"");
        running.ShouldContain("role=\"status\"");
        running.ShouldContain("<h1>Analyse wordt berekend</h1>");
        running.ShouldContain("Analyse afbreken");

        var stranger = await other.GetStringAsync($"/analysis/progress/{job}");
        stranger.ShouldNotContain("<progress");
        stranger.ShouldContain("bestaat niet");

        var failing = await JobAsync(app, "eigenaar", JobState.Failed, reason: "input: 'register' is not allowed; allowed: at least one assessment you may see");
        var failed = await owner.GetStringAsync($"/analysis/progress/{failing}");
        failed.ShouldContain("<h1>Analyse niet uitgevoerd</h1>");
        failed.ShouldContain("at least one assessment you may see");

        var done = await owner.GetAsync($"/analysis/progress/{await JobAsync(app, "eigenaar", JobState.Done, 1, runCode: "RUN-20261123-120000")}");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldEndWith("/analysis/RUN-20261123-120000");
    }

    [Fact]
    public async Task TheCancelButton_StopsAWaitingJob_AndThePageSaysWhoCancelledIt()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var owner = await app.SignedInClientAsync("eigenaar", ClassificationLevel.StaatsgeheimConfidentieel, "Coordinator");
        var job = await JobAsync(app, "eigenaar", JobState.Waiting);
        (await owner.GetStringAsync($"/analysis/progress/{job}")).ShouldContain("Wacht op een server");

        var cancelled = await owner.PostAsync($"/analysis/progress/{job}", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["_handler"] = "cancel-job", ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(owner, $"/analysis/progress/{job}") }));
        var page = await cancelled.Content.ReadAsStringAsync();
        page.ShouldContain("<h1>Analyse afgebroken</h1>");
        page.ShouldContain("geannuleerd door eigenaar");
        await using var db = app.Database.Context(FixedUser.System);
        (await db.Jobs.SingleAsync()).State.ShouldBe(JobState.Cancelled);
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

        // Who may store a run is asked before the job is queued: an analyst's request is refused and leaves no job row.
        var analyst = await app.ClientForAsync("analist-jobs", ClassificationLevel.StaatsgeheimGeheim, roles: "Analyst");
        var refused = await analyst.PostAsJsonAsync("/api/analysis/jobs", new StartAnalysisBody(null, 3, 500, 1, null));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using (var db = app.Database.Context(FixedUser.System))
            (await db.Jobs.CountAsync()).ShouldBe(0);

        var bad = await client.PostAsJsonAsync("/api/analysis/jobs", new StartAnalysisBody(null, 3, 500, 1, "TopSecret"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("asClearance");

        var started = await client.PostAsJsonAsync("/api/analysis/jobs", new StartAnalysisBody(null, 3, 2000, 1, null));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = started.Headers.Location!.ToString();
        location.ShouldMatch("^/api/analysis/jobs/[0-9a-f-]{36}$");

        AnalysisJobView? job = null;
        for (var attempt = 0; attempt < 600 && job?.State != "Done"; attempt++)
        {
            job = await client.GetFromJsonAsync<AnalysisJobView>(location);
            job!.State.ShouldNotBe("Failed", string.Join("; ", job.Errors));
            job.Percent.ShouldBeInRange(0, 100);
            if (job.State != "Done") await Task.Delay(100);
        }
        job!.State.ShouldBe("Done");
        job.Percent.ShouldBe(100);
        (await client.GetStringAsync($"/api/analysis/runs/{job.RunCode}/results")).ShouldContain("E-DROUGHT");
        (await other.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CancellingARunningJobThroughTheApi_StopsItsMonteCarlo_AndOnlyItsOwnerCan()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, catalogue: true);
        await ImportExampleAsync(app);
        var client = await app.ClientForAsync("machine", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var other = await app.ClientForAsync("other", ClassificationLevel.StaatsgeheimZeerGeheim, roles: "Coordinator");
        var started = await client.PostAsJsonAsync("/api/analysis/jobs", new StartAnalysisBody(null, 3, 10_000_000, 1, null));
        var location = started.Headers.Location!.ToString();
        AnalysisJobView? job;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do job = await client.GetFromJsonAsync<AnalysisJobView>(location);
        while (job!.State != "Running" && clock.Elapsed < TimeSpan.FromMinutes(1));
        job.State.ShouldBe("Running");

        (await other.PostAsync(location + "/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync(location + "/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Restart();
        do job = await client.GetFromJsonAsync<AnalysisJobView>(location);
        while (job!.State == "Running" && clock.Elapsed < TimeSpan.FromSeconds(30));
        // Cancelled wherever the run was when the cancel was heard (in the Monte Carlo, or computing and storing after it):
        // no run is stored for it.
        job.State.ShouldBe("Cancelled");
        job.RunCode.ShouldBeNull();
        (await client.PostAsync(location + "/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK, "cancelling a cancelled job changes nothing");
    }
}
