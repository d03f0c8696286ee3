using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Application.Users;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Jobs;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Api;
using Baken.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Tests.Operations;

/// <summary>
/// Long work besides the analysis runs as jobs on the same table (issue 19): an assessment table uploaded on the import
/// page and an analysis report built from the run's page. Each runs to its end through the worker, can be cancelled,
/// survives a node that went silent (started again, or failed with the reason), and a refusal queues nothing.
/// </summary>
public sealed class JobKindsTests
{
    private static string ExampleCsv() => File.ReadAllText(SharedData.File("examples/assessments-example.csv"));

    private static List<AssessmentRawRow> ExampleRows() =>
        File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();

    /// <summary>Every upload becomes a job (none is small enough to import at once).</summary>
    private static Task<RunningApp> StartAsync(DatabaseProvider provider, bool worker = true) =>
        RunningApp.StartAsync(provider, catalogue: true, configure: b =>
        {
            b.Configuration["Jobs:InlineImportRows"] = "0";
            b.Configuration["Jobs:Enabled"] = worker ? "true" : "false";
        });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string csv)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await RunningApp.AntiforgeryAsync(browser, "/assessments/import")), "__RequestVerificationToken" },
            { new StringContent("import-assessments"), "_handler" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "assessments.csv" },
        };
        return await browser.PostAsync("/assessments/import", form);
    }

    /// <summary>Asks the job's page until the job has ended; the page shows a progress bar until then.</summary>
    private static async Task<string> FollowAsync(HttpClient browser, string page)
    {
        // Time, not a count of attempts: on a loaded machine each request may take long.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var html = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
            if (!html.Contains("<progress", StringComparison.Ordinal)) return html;
            html.ShouldContain("http-equiv=\"refresh\"");
            await Task.Delay(100);
        }
        throw new TimeoutException($"{page} still shows a running job after three minutes");
    }

    private static async Task<BackgroundJob> JobAsync(RunningApp app, Guid id)
    {
        await using var db = app.Database.Context(FixedUser.System);
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUploadedAssessmentTable_IsImportedByTheWorker_AndItsPageShowsTheCounts_ThenTheUploadIsErased(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);

        var posted = await UploadAsync(browser, ExampleCsv());

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = posted.Headers.Location!.ToString();
        page.ShouldMatch("/jobs/[0-9a-f-]{36}$");
        var done = await FollowAsync(browser, page);
        done.ShouldContain("<h1>Beoordelingen geïmporteerd</h1>");
        Regex.Replace(done, @"\s+", " ").ShouldContain("Geïmporteerd: 4 + 0 scenario's, 16 + 0 beoordelingen (nieuw + bijgewerkt)");
        var id = Guid.Parse(page[^36..]);
        var job = await JobAsync(app, id);
        job.Kind.ShouldBe(JobKinds.AssessmentImport);
        job.State.ShouldBe(JobState.Done);
        job.Parameters.ShouldBe("{}", "the uploaded rows are not kept once the job has ended");
        await using var db = app.Database.Context(FixedUser.System);
        (await db.Assessments.CountAsync()).ShouldBe(16);
        // Someone else cannot see it, as if it did not exist.
        var other = await app.SignedInClientAsync("ander", ClassificationLevel.StaatsgeheimZeerGeheim, Roles.Coordinator);
        (await other.GetStringAsync(page)).ShouldContain("bestaat niet (meer) of is niet van u");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUploadFromSomeoneWhoMayNotImport_IsRefusedOnThePage_AndQueuesNoJob(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, worker: false);
        var member = await app.SignedInClientAsync("lid", ClassificationLevel.StaatsgeheimGeheim, Roles.CouncilMember);

        var posted = await UploadAsync(member, ExampleCsv());

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()).ShouldContain("Voor het importeren van beoordelingen is de rol");
        // The use case itself refuses, whoever calls it.
        await using var db = app.Database.Context(FixedUser.System);
        var refused = await new BackgroundJobs(db, new FixedUser("lid", ClassificationLevel.StaatsgeheimGeheim, 0, [Roles.CouncilMember]), TimeProvider.System,
                new JobUploadFolder(app.Database.Options))
            .StartAssessmentImportAsync("assessments.csv", ExampleRows());
        refused.Status.ShouldBe(ResultStatus.Forbidden);
        (await db.Jobs.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReportBuild_RunsAsAJob_AndOnlyItsOwnerTakesTheDocument(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await using (var db = app.Database.Context(FixedUser.System))
            (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(ExampleRows())).IsOk.ShouldBeTrue();
        var client = await app.ClientForAsync("machine", ClassificationLevel.StaatsgeheimGeheim, roles: Roles.Coordinator);
        var stored = await client.PostAsJsonAsync("/api/analysis/runs", new StartAnalysisBody(null, 3, 500, 1, null));
        stored.StatusCode.ShouldBe(HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
        var code = (await stored.Content.ReadFromJsonAsync<StartedAnalysis>())!.RunCode;

        (await client.PostAsync($"/api/analysis/runs/{code}/report/jobs?format=pdf", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/analysis/runs/RUN-NONE/report/jobs", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var queued = await client.PostAsync($"/api/analysis/runs/{code}/report/jobs?format=docx&lang=en", null);
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync());
        var location = queued.Headers.Location!.ToString();
        JobStatusView? job = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; clock.Elapsed < TimeSpan.FromMinutes(3) && job?.State is not ("Done" or "Failed" or "Cancelled"); attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            job = await client.GetFromJsonAsync<JobStatusView>(location);
        }
        job!.State.ShouldBe("Done", string.Join("; ", job.Reasons));
        job.Kind.ShouldBe(JobKinds.AnalysisReport);
        job.Percent.ShouldBe(100);
        job.Output.ShouldBe($"{location}/output");
        var document = await client.GetAsync(job.Output);
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Content.Headers.ContentType!.MediaType.ShouldBe(StrategyEndpoints.DocxType);
        document.Content.Headers.ContentDisposition!.FileName.ShouldBe($"{code}-report.docx");
        (await document.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        var other = await app.ClientForAsync("other", ClassificationLevel.StaatsgeheimZeerGeheim, roles: Roles.Coordinator);
        (await other.GetAsync(job.Output)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The same from the run's page: the form queues it, the job's page offers the document when it is built.
        var browser = await app.SignedInClientAsync("lezer", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);
        var built = await browser.PostAsync($"/analysis/{code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "build-report", ["format"] = "html", ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(browser, $"/analysis/{code}"),
        }));
        built.StatusCode.ShouldBe(HttpStatusCode.Redirect, await built.Content.ReadAsStringAsync());
        var page = await FollowAsync(browser, built.Headers.Location!.ToString());
        page.ShouldContain("<h1>Rapport klaar</h1>");
        var link = Regex.Match(page, "href=\"(/api/jobs/[0-9a-f-]{36}/output)\"").Groups[1].Value;
        link.ShouldNotBeEmpty(page);
        var html = await browser.GetAsync(link);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await html.Content.ReadAsStringAsync()).ShouldContain(code);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CancellingAWaitingImport_EndsIt_AndLetsGoOfTheUpload(DatabaseProvider provider)
    {
        // No worker: the job waits, as when every node is busy.
        await using var app = await StartAsync(provider, worker: false);
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);
        var page = (await UploadAsync(browser, ExampleCsv())).Headers.Location!.ToString();
        (await browser.GetStringAsync(page)).ShouldContain("Wacht op een server die de taak uitvoert");
        var id = Guid.Parse(page[^36..]);
        (await JobAsync(app, id)).Parameters.ShouldContain("E-DROUGHT");

        var cancelled = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
            { ["_handler"] = "cancel-job", ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(browser, page) }));

        var html = WebUtility.HtmlDecode(await cancelled.Content.ReadAsStringAsync());
        html.ShouldContain("<h1>Taak afgebroken</h1>");
        html.ShouldContain("geannuleerd door coordinator");
        var job = await JobAsync(app, id);
        job.State.ShouldBe(JobState.Cancelled);
        job.Parameters.ShouldBe("{}");
        await using var db = app.Database.Context(FixedUser.System);
        (await db.Assessments.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportCancelledWhileItRuns_WritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var job = new AssessmentImportJob(new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)));

        // The worker's progress throws once the job is cancelled: the import stops at its next record, before saving.
        await Should.ThrowAsync<OperationCanceledException>(() =>
            job.RunAsync(JsonSerializer.Serialize(new AssessmentImportParameters("a.csv", ExampleRows()), BackgroundJobs.Json), new JobProgress(cancel.Token), CancellationToken.None));

        await using var fresh = database.Context(FixedUser.System);
        (await fresh.Assessments.CountAsync()).ShouldBe(0);
        (await fresh.Scenarios.CountAsync(s => s.Code == "E-DROUGHT")).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JobsOfADeadNode_AreStartedAgainAndFinished_OrFailedWithTheReason_WhenTheyHadTheirAttempts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using (var setup = database.Context(FixedUser.System))
        {
            (await new AddUser(setup, FixedUser.System, TimeProvider.System)
                .HandleAsync(new AddUserRequest("coordinator", ClassificationLevel.StaatsgeheimGeheim.DisplayName(), null, Roles.Coordinator))).IsOk.ShouldBeTrue();
        }
        // Two imports a node was running when it died an hour ago: one on its first attempt, one on its last (of 2).
        var upload = JsonSerializer.Serialize(new AssessmentImportParameters("a.csv", ExampleRows()), BackgroundJobs.Json);
        var lastHeard = DateTime.UtcNow.AddHours(-1);
        BackgroundJob Running(int attempts) => new()
        {
            Kind = JobKinds.AssessmentImport, Owner = "coordinator", State = JobState.Running, Parameters = upload, Progress = 0.4,
            CreatedAtUtc = lastHeard.AddMinutes(-1), StartedAtUtc = lastHeard.AddMinutes(-1), ClaimedBy = "dead-node", HeartbeatAtUtc = lastHeard, Attempts = attempts,
        };
        var again = Running(1);
        var spent = Running(2);
        await using (var setup = database.Context(FixedUser.System))
        {
            setup.Jobs.AddRange(again, spent);
            await setup.SaveChangesAsync();
        }

        await using var node = await RunningApp.StartOnAsync(database, b => b.Configuration["Jobs:MaxAttempts"] = "2");
        BackgroundJob resumed = again, failed = spent;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !(resumed.IsFinished && failed.IsFinished))
        {
            await Task.Delay(100);
            resumed = await JobAsync(node, again.Id);
            failed = await JobAsync(node, spent.Id);
        }

        resumed.State.ShouldBe(JobState.Done, resumed.Reason);
        resumed.Reason!.ShouldStartWith("started again: node dead-node stopped answering while running it");
        resumed.Attempts.ShouldBe(2);
        failed.State.ShouldBe(JobState.Failed);
        failed.Reason!.ShouldContain("after 2 attempt(s); start it again");
        failed.Parameters.ShouldBe("{}", "a job that will not run again lets go of its upload");
        await using var db = database.Context(FixedUser.System);
        (await db.Assessments.CountAsync()).ShouldBe(16, "the resumed import wrote the table once, the failed one nothing");
    }
}
