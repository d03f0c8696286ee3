using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Methods.Dependencies;
using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Dependencies;
using Baken.Infrastructure.Jobs;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Api;
using Baken.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Tests.Operations;

/// <summary>
/// The dependency (trade) screen as a job (issue 19): a BACI file uploaded to the API or the dependencies page is kept in the
/// job uploads folder, screened by the worker with progress, its dependent products recorded as <c>baken dependencies
/// screen --record</c> records them; it can be cancelled without keeping anything, a refusal keeps no file and no job, and
/// a job whose file is gone fails with that reason.
/// </summary>
public sealed class TradeScreenJobTests
{
    private static readonly string TradeFile = SharedData.File("../../src/Baken.Infrastructure/Demo/demo-trade-2023.csv");

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string year = "2023")
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(TradeFile)), "file", "demo-trade-2023.csv" },
            { new StringContent(year), "year" },
            { new StringContent("EU27"), "importer" },
        };
        return client.PostAsync("/api/dependencies/screen/jobs", form);
    }

    private static string UploadPath(RunningApp app, Guid id) =>
        Path.Combine(((JobUploadFolder)app.App.Services.GetRequiredService<IJobUploads>()).Folder, $"{id:N}.csv");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUploadedTradeFile_IsScreenedByTheWorker_ItsDependenciesRecordedAsTheCommandRecordsThem_ThenTheFileIsLetGo(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var client = await app.ClientForAsync("machine", ClassificationLevel.StaatsgeheimGeheim, roles: Roles.Coordinator);

        var queued = await UploadAsync(client);

        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync());
        var location = queued.Headers.Location!.ToString();
        JobStatusView? job = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && job?.State is not ("Done" or "Failed" or "Cancelled"))
        {
            if (job is not null) await Task.Delay(100);
            job = await client.GetFromJsonAsync<JobStatusView>(location);
        }
        job!.State.ShouldBe("Done", string.Join("; ", job.Reasons));
        job.Kind.ShouldBe(JobKinds.TradeScreen);
        job.Percent.ShouldBe(100);
        // The same screen as the command's (one file, EU test), and its dependent products as records.
        var expected = DependencyScreen.Run(TradeFile, 2023, DependencyImporter.Eu27, DependencyCriteria.EuBottomUp);
        var dependent = expected.Products.Where(p => p.Dependent).Select(p => $"DEP-EU27-{p.Hs6:000000}").Order().ToList();
        dependent.ShouldNotBeEmpty();
        await using (var db = app.Database.Context(FixedUser.System))
        {
            (await db.Dependencies.Select(d => d.Code).OrderBy(c => c).ToListAsync()).ShouldBe(dependent);
            (await db.Observations.CountAsync(o => o.IndicatorCode.StartsWith("HHI-EU27-"))).ShouldBe(dependent.Count);
        }
        var csv = await client.GetStringAsync(job.Output);
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(expected.Products.Count + 1);
        File.Exists(UploadPath(app, job.Id)).ShouldBeFalse("the upload is let go once the job has ended");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUploadFromSomeoneWhoMayNotKeepDependencies_Gets403_AndNoJobAndNoFile(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var member = await app.ClientForAsync("lid", ClassificationLevel.StaatsgeheimGeheim, roles: Roles.CouncilMember);
        var folder = ((JobUploadFolder)app.App.Services.GetRequiredService<IJobUploads>()).Folder;
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        var refused = await UploadAsync(member);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Database.Context(FixedUser.System);
        (await db.Jobs.CountAsync()).ShouldBe(0);
        (Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0).ShouldBe(before);
        // Bad settings are named, and queue nothing either.
        var coordinator = await app.ClientForAsync("machine", ClassificationLevel.StaatsgeheimGeheim, roles: Roles.Coordinator);
        var invalid = await UploadAsync(coordinator, year: "20");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("a year from 1988 to 2100");
        // A year that is no number at all is named as typed, not turned into a bare 400 by the form binding.
        var notANumber = await UploadAsync(coordinator, year: "abc");
        notANumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notANumber.Content.ReadAsStringAsync()).ShouldContain("'abc' is not allowed; allowed: a year from 1988 to 2100");
        (await db.Jobs.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AScreen_ReportsItsProgress_AndCancelledWhileItRuns_KeepsNothing(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var uploads = app.App.Services.GetRequiredService<IJobUploads>();
        Guid id;
        await using (var file = File.OpenRead(TradeFile)) id = await uploads.KeepAsync(".csv", file, CancellationToken.None);
        var parameters = JsonSerializer.Serialize(new TradeScreenParameters("demo-trade-2023.csv", ".csv", 2023, "EU27", "eu", id), BackgroundJobs.Json);

        // Cancelled while it reads: the progress report that hears the cancel stops it, and nothing is recorded.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User = FixedUser.System;
            var job = scope.ServiceProvider.GetServices<IJobKind>().Single(k => k.Kind == JobKinds.TradeScreen);
            using var cancel = new CancellationTokenSource();
            await cancel.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => job.RunAsync(parameters, new JobProgress(cancel.Token), cancel.Token));
        }
        await using (var db = app.Database.Context(FixedUser.System))
        {
            (await db.Dependencies.CountAsync()).ShouldBe(0);
            (await db.Observations.CountAsync()).ShouldBe(0);
        }

        // Run to its end: the fraction rises to 90 % while the file is read, then the records are kept.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User = FixedUser.System;
            var job = scope.ServiceProvider.GetServices<IJobKind>().Single(k => k.Kind == JobKinds.TradeScreen);
            var reported = new List<double>();
            var outcome = await job.RunAsync(parameters, new Recorded(reported), CancellationToken.None);
            outcome.State.ShouldBe(JobState.Done, outcome.Reason);
            reported.ShouldNotBeEmpty();
            reported.ShouldBe(reported.Order().ToList(), "progress never goes back");
            reported[^1].ShouldBe(0.9, 1e-9);
        }
        await using (var db = app.Database.Context(FixedUser.System)) (await db.Dependencies.CountAsync()).ShouldBeGreaterThan(0);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWaitingScreenCancelled_LetsGoOfItsFile_AndOneWhoseFileIsGone_FailsWithThatReason(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var client = await app.ClientForAsync("machine", ClassificationLevel.StaatsgeheimGeheim, roles: Roles.Coordinator);
        var queued = await (await UploadAsync(client)).Content.ReadFromJsonAsync<JobStatusView>();
        File.Exists(UploadPath(app, queued!.Id)).ShouldBeTrue("the file waits with its job, where any node finds it after a restart");

        var cancelled = await (await client.PostAsync($"/api/jobs/{queued.Id}/cancel", null)).Content.ReadFromJsonAsync<JobStatusView>();

        cancelled!.State.ShouldBe("Cancelled");
        File.Exists(UploadPath(app, queued.Id)).ShouldBeFalse();
        await using var scope = app.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User = FixedUser.System;
        var job = scope.ServiceProvider.GetServices<IJobKind>().Single(k => k.Kind == JobKinds.TradeScreen);
        var gone = await job.RunAsync(JsonSerializer.Serialize(new TradeScreenParameters("demo-trade-2023.csv", ".csv", 2023, "EU27", "eu", queued.Id), BackgroundJobs.Json),
            new Recorded([]), CancellationToken.None);
        gone.State.ShouldBe(JobState.Failed);
        gone.Reason.ShouldBe("file: 'demo-trade-2023.csv' is no longer kept where this server finds job uploads; upload it again");
    }

    private static async Task<HttpResponseMessage> SubmitOnThePageAsync(HttpClient browser, string year)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await RunningApp.AntiforgeryAsync(browser, "/dependencies")), "__RequestVerificationToken" },
            { new StringContent("trade-screen"), "_handler" },
            { new ByteArrayContent(File.ReadAllBytes(TradeFile)), "file", "demo-trade-2023.csv" },
            { new StringContent(year), "year" },
            { new StringContent("EU27"), "importer" },
            { new StringContent("eu"), "criteria" },
        };
        return await browser.PostAsync("/dependencies", form);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDependenciesPage_QueuesTheScreen_AndFollowsItOnTheJobsPage_OrSaysInDutchWhyNot(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        var browser = await app.SignedInClientAsync("coordinator", ClassificationLevel.StaatsgeheimGeheim, Roles.Coordinator);

        var bad = await SubmitOnThePageAsync(browser, "20");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).ShouldContain("Jaar: '20' is niet toegestaan; toegestaan: een jaar van 1988 tot en met 2100");

        var posted = await SubmitOnThePageAsync(browser, "2023");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = posted.Headers.Location!.ToString();
        page.ShouldMatch("/jobs/[0-9a-f-]{36}$");
        var waiting = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
        waiting.ShouldContain("<h1>Handelsbestand wordt gescreend</h1>");
        waiting.ShouldContain("<progress");
        await using var db = app.Database.Context(FixedUser.System);
        (await db.Jobs.SingleAsync()).Kind.ShouldBe(JobKinds.TradeScreen);

        // Someone who may not keep dependency records is told so on the page, and no job is written.
        var member = await app.SignedInClientAsync("lid", ClassificationLevel.StaatsgeheimGeheim, Roles.CouncilMember);
        var refused = await SubmitOnThePageAsync(member, "2023");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("De screening is niet gestart");
        (await db.Jobs.CountAsync()).ShouldBe(1);
    }

    private sealed class Recorded(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
