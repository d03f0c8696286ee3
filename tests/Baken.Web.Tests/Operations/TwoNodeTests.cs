using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Baken.Application.Assessments;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Users;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Baken.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Web.Tests.Operations;

/// <summary>
/// Two servers of the real application on different loopback ports over one database, as behind a reverse proxy:
/// jobs, sessions and token revocations are the database's, not a node's.
/// </summary>
public sealed class TwoNodeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static IEnumerable<object[]> Providers() => TestDatabase.Providers();

    private static async Task ImportExampleAsync(TestDatabase database)
    {
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using var db = database.Context(FixedUser.System);
        (await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows)).IsOk.ShouldBeTrue();
    }

    private static HttpClient On(RunningApp node, HttpClient like)
    {
        var client = node.Anonymous();
        client.DefaultRequestHeaders.Authorization = like.DefaultRequestHeaders.Authorization;
        return client;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AJobStartedOnNodeA_ShowsItsProgressOnNodeB_AndFinishes(DatabaseProvider provider)
    {
        // Node A only serves; node B runs jobs. So the job certainly crosses nodes: queued on A, run and followed on B.
        await using var a = await RunningApp.StartAsync(provider, catalogue: true, b => b.Configuration["Jobs:Enabled"] = "false");
        await using var b = await RunningApp.StartOnAsync(a.Database);
        await ImportExampleAsync(a.Database);
        var onA = await a.ClientForAsync("analist", ClassificationLevel.StaatsgeheimGeheim, roles: "Coordinator");
        var onB = On(b, onA);

        var started = await onA.PostAsJsonAsync("/api/analysis/jobs", new StartAnalysisBody(null, 3, 8_000_000, 5, null));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = started.Headers.Location!.ToString();

        var seen = new List<int>();
        AnalysisJobView? job = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4) && job?.State is not ("Done" or "Failed" or "Cancelled"))
        {
            // On a machine starved by the Monte Carlo a poll can time out against the database; the next one asks again.
            var poll = await onB.GetAsync(location);
            if (poll.IsSuccessStatusCode)
            {
                job = await poll.Content.ReadFromJsonAsync<AnalysisJobView>();
                if (job!.State == "Running") seen.Add(job.Percent);
            }
            await Task.Delay(100);
        }
        job!.State.ShouldBe("Done", string.Join("; ", job.Errors));
        job.Percent.ShouldBe(100);
        // Node B reads the progress node A stores; on a fast machine the Monte Carlo may pass between two polls, so the
        // values need not include one strictly between 0 and 100, but they never run backwards.
        seen.ShouldNotBeEmpty("node B saw the job running");
        seen.ShouldBe(seen.Order().ToList(), $"progress seen on node B: {string.Join(",", seen)}");
        seen.ShouldBe(seen.Order().ToList(), "progress never goes back");
        (await onA.GetStringAsync($"/api/analysis/runs/{job.RunCode}/results")).ShouldContain("E-DROUGHT");
        await using var db = a.Database.Context(FixedUser.System);
        (await db.Jobs.SingleAsync()).ClaimedBy.ShouldBe(b.App.Services.GetRequiredService<Hosting.JobWorker>().Node);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ACookieFromNodeA_IsAcceptedByNodeB_AndATokenRevokedOnA_IsRefusedByBWithinASecond(DatabaseProvider provider)
    {
        await using var a = await RunningApp.StartAsync(provider, configure: b => b.Configuration["Jobs:Enabled"] = "false");
        await using var b = await RunningApp.StartOnAsync(a.Database, c => c.Configuration["Jobs:Enabled"] = "false");

        // The browser signs in on A; its next request goes to B (same host, other port: the cookie goes along).
        var cookies = new CookieContainer();
        var browserA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = a.Address };
        await using (var db = a.Database.Context(FixedUser.System))
            (await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(new AddUserRequest("reiziger", "Stg.C", null, "Analyst", RunningApp.BrowserPassword))).IsOk.ShouldBeTrue();
        var signIn = await browserA.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = "reiziger", ["password"] = RunningApp.BrowserPassword, ["__RequestVerificationToken"] = await RunningApp.AntiforgeryAsync(browserA, "/signin") }));
        signIn.Headers.Location?.ToString().ShouldBe("/");
        var browserB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = b.Address };
        var tokensPage = await browserB.GetAsync("/account/tokens");
        tokensPage.StatusCode.ShouldBe(HttpStatusCode.OK, "node B accepts the session cookie node A issued");
        // A form from B posts to A: the antiforgery token, protected with the same keys, is accepted there as well.
        var formFromB = await RunningApp.AntiforgeryAsync(browserB, "/account/tokens");
        var created = await browserA.PostAsync("/account/tokens", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["_handler"] = "create-token", ["__RequestVerificationToken"] = formFromB, ["name"] = "cross", ["scopes"] = "read", ["days"] = "30" }));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await created.Content.ReadAsStringAsync()).ShouldContain("bkn_");
        await using (var db = a.Database.Context(FixedUser.System))
            (await db.DataProtectionKeys.CountAsync()).ShouldBe(1, "both nodes use the one key ring in the database");

        // A machine client's token works on both nodes; revoked through node A, node B refuses it at once.
        var machineA = await a.ClientForAsync("machine", ClassificationLevel.Ongerubriceerd);
        var machineB = On(b, machineA);
        (await machineB.GetAsync("/api/register/risk")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await machineB.GetAsync("/api/register/risk")).StatusCode.ShouldBe(HttpStatusCode.OK); // now remembered by B
        var administrator = new FixedUser("beheer", ClassificationLevel.StaatsgeheimZeerGeheim, -1, [Domain.Users.Roles.Administrator]);
        await using (var db = a.Database.Context(FixedUser.System))
        {
            var tokens = new ApiTokens(db, administrator, TimeProvider.System);
            var id = (await tokens.ListAsync("machine")).Single().Id;
            (await tokens.RevokeAsync("machine", id)).ShouldNotBeNull();
        }
        // No waiting time at all: the very first request B answers after the revocation is refused. (How long that request
        // takes is the machine's load, not Baken's: on an idle machine a few milliseconds.)
        var sinceRevocation = Stopwatch.StartNew();
        var first = await machineB.GetAsync("/api/register/risk");
        output.WriteLine($"{provider}: node B refused the token revoked on node A in its first answer, {sinceRevocation.Elapsed.TotalMilliseconds:F0} ms after the revocation");
        first.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        sinceRevocation.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        // A clearance lowered on A holds for B's session at its next request: the session's page shows the new level.
        {
            await using var db = a.Database.Context(FixedUser.System);
            (await new ManageUsers(db, administrator, TimeProvider.System).ChangeAccessAsync(new ChangeAccessRequest("reiziger", "Ongerubriceerd", null, "Analyst"))).IsOk.ShouldBeTrue();
        }
        (await browserB.GetStringAsync("/")).ShouldContain("Ongerubriceerd");
    }

    [SkippableFact]
    public async Task NodeAKilledMidJob_LeavesTheJobToNodeB_WhichStartsItAgainWithTheReason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, initialise: true);
        await ImportExampleAsync(database);
        string token;
        await using (var db = database.Context(FixedUser.System))
        {
            (await new AddUser(db, FixedUser.System, TimeProvider.System).HandleAsync(new AddUserRequest("analist", "Stg.G", null, "Coordinator"))).IsOk.ShouldBeTrue();
            token = (await new ApiTokens(db, new FixedUser("analist", ClassificationLevel.StaatsgeheimGeheim, 0, ["Coordinator"]), TimeProvider.System).CreateAsync("analist", "test", "read;write")).Value!;
        }

        // Node A is a process of its own (the published command's 'serve'), so it can be killed like a crashed server.
        using var nodeA = ServeProcess.Start(database);
        var a = new HttpClient { BaseAddress = nodeA.Address };
        a.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await nodeA.WaitUntilReadyAsync();
        var started = await a.PostAsJsonAsync("/api/analysis/jobs", new StartAnalysisBody(null, 3, 8_000_000, 9, null));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = started.Headers.Location!.ToString();
        AnalysisJobView? job;
        var clock = Stopwatch.StartNew();
        do job = await a.GetFromJsonAsync<AnalysisJobView>(location);
        while (!(job!.State == "Running" && job.Percent > 0) && clock.Elapsed < TimeSpan.FromMinutes(2) && await Delay());
        job.State.ShouldBe("Running");
        nodeA.Kill();

        await using var b = await RunningApp.StartOnAsync(database, c => c.Configuration["Jobs:StaleAfterSeconds"] = "2");
        var onB = b.Anonymous();
        onB.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
        clock.Restart();
        do job = await onB.GetFromJsonAsync<AnalysisJobView>(location);
        while (job!.State is not ("Done" or "Failed" or "Cancelled") && clock.Elapsed < TimeSpan.FromMinutes(5) && await Delay());
        job.State.ShouldBe("Done", string.Join("; ", job.Errors));
        job.Errors.ShouldContain(e => e.StartsWith("started again: node ", StringComparison.Ordinal) && e.Contains("stopped answering while running it", StringComparison.Ordinal));
        await using var check = database.Context(FixedUser.System);
        (await check.Jobs.SingleAsync()).Attempts.ShouldBe(2);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    /// <summary>'baken serve' of the built command line, in its own process, on a free loopback port.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;

        private ServeProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static ServeProcess Start(TestDatabase database)
        {
            // The test assembly lives in tests/Baken.Web.Tests/bin/{configuration}/{framework}/; the command in src/Baken.Cli/bin/ beside it.
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var cli = Path.Combine(here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "src", "Baken.Cli", "bin", here.Parent.Name, here.Name, "baken.dll");
            File.Exists(cli).ShouldBeTrue($"the command is built at {cli}");
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { cli, "serve", "--urls", $"http://127.0.0.1:{port}", "--database", database.Options.ConnectionString! }) start.ArgumentList.Add(arg);
            start.Environment["BAKEN_Feeds__PollingEnabled"] = "false";
            start.Environment["BAKEN_Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        }

        public async Task WaitUntilReadyAsync()
        {
            using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                _process.HasExited.ShouldBeFalse("node A stopped on start");
                try
                {
                    if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too busy starting to answer in time.
                }
                await Task.Delay(250);
            }
            throw new TimeoutException("node A did not become ready");
        }

        /// <summary>Ends the process at once, as a crash or a power cut would: no shutdown, no hand-back of its jobs.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }
    }
}
