using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Domain.Security;
using Baken.Domain.Jobs;
using Baken.Infrastructure.Jobs;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Tests.Jobs;

/// <summary>The jobs table as a queue for several nodes: one claimant per job, progress and heartbeats, recovery of a lost node's jobs.</summary>
public sealed class JobQueueTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<List<Guid>> WaitingAsync(TestDatabase database, int count)
    {
        await using var db = database.Context(FixedUser.System);
        var jobs = Enumerable.Range(0, count).Select(i => new BackgroundJob { Kind = JobKinds.Analysis, Owner = "eigenaar", CreatedAtUtc = Start.AddSeconds(i) }).ToList();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimsAtOnce_GiveEveryWaitingJobToExactlyOneNode_OldestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ids = await WaitingAsync(database, 4);
        var queue = new JobQueue(database.Options, TimeProvider.System);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() => queue.ClaimAsync($"node-{n}", CancellationToken.None))));

        var claimed = claims.OfType<BackgroundJob>().ToList();
        claimed.Select(j => j.Id).Order().ShouldBe(ids.Order());
        claimed.ShouldAllBe(j => j.State == JobState.Running && j.Attempts == 1 && j.StartedAtUtc != null);
        claimed.Select(j => j.ClaimedBy).Distinct().Count().ShouldBe(4);
        (await queue.ClaimAsync("late", CancellationToken.None)).ShouldBeNull();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASilentNodesJob_IsStartedAgain_ThenFailedWithTheReason_NeverLeftRunning(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WaitingAsync(database, 1);
        var clock = new ManualClock(Start);
        var queue = new JobQueue(database.Options, clock);
        var job = (await queue.ClaimAsync("node-a", CancellationToken.None))!;
        (await queue.HeartbeatAsync(job.Id, "node-a", 0.3, CancellationToken.None)).ShouldBe(new JobHeartbeat(true, false));

        clock.Now = Start.AddSeconds(5);
        (await queue.RecoverAsync(TimeSpan.FromSeconds(10), 2, CancellationToken.None)).ShouldBe(0, "a node heard from 5 s ago is alive");
        clock.Now = Start.AddSeconds(20);
        (await queue.RecoverAsync(TimeSpan.FromSeconds(10), 2, CancellationToken.None)).ShouldBe(1);
        var again = await Read(database, job.Id);
        again.State.ShouldBe(JobState.Waiting);
        again.Reason!.ShouldStartWith("started again: node node-a stopped answering while running it (last heard 2026-12-02 09:00:00 UTC)");
        (await queue.HeartbeatAsync(job.Id, "node-a", 0.5, CancellationToken.None)).StillOurs.ShouldBeFalse("node A lost the job when it went silent");

        var second = (await queue.ClaimAsync("node-b", CancellationToken.None))!;
        second.Id.ShouldBe(job.Id);
        second.Attempts.ShouldBe(2);
        clock.Now = Start.AddSeconds(60);
        (await queue.RecoverAsync(TimeSpan.FromSeconds(10), 2, CancellationToken.None)).ShouldBe(1);
        var failed = await Read(database, job.Id);
        failed.State.ShouldBe(JobState.Failed);
        failed.FinishedAtUtc.ShouldNotBeNull();
        failed.Reason!.Split('\n').Last().ShouldBe("failed: node node-b stopped answering while running it (last heard 2026-12-02 09:00:20 UTC), after 2 attempt(s); start it again");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANodeStoppingInGoodOrder_HandsItsJobBack_WithoutSpendingAnAttempt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WaitingAsync(database, 1);
        var queue = new JobQueue(database.Options, TimeProvider.System);
        var job = (await queue.ClaimAsync("node-a", CancellationToken.None))!;
        (await queue.ReleaseAsync("node-a", CancellationToken.None)).ShouldBe(1);
        var back = await Read(database, job.Id);
        back.State.ShouldBe(JobState.Waiting);
        back.Attempts.ShouldBe(0);
        back.Reason!.ShouldContain("node node-a stopped");
    }

    /// <summary>
    /// One rule on every path by which a job ends (its node finishes it, its owner cancels it while it waits, recovery fails
    /// it after its node was lost): a kind that carries an upload lets its parameters and its upload file go; other kinds keep
    /// their parameters (an analysis's settings stay readable on its page).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AJobThatCarriedAnUpload_LetsItGo_HoweverItEnds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("baken-job-uploads-");
        try
        {
            var options = new DatabaseOptions { Provider = provider, ConnectionString = database.Options.ConnectionString, DataFolder = folder.FullName };
            var uploads = new JobUploadFolder(options);
            var clock = new ManualClock(Start);
            var queue = new JobQueue(options, clock);
            var owner = new FixedUser("eigenaar", ClassificationLevel.Ongerubriceerd, 0, []);
            foreach (var kind in new[] { JobKinds.TradeScreen, JobKinds.AssessmentImport, JobKinds.Analysis })
            {
                var finished = await WaitingWithUploadAsync(database, uploads, kind, clock);
                (await queue.ClaimAsync("node-a", CancellationToken.None))!.Id.ShouldBe(finished);
                await queue.FinishAsync(finished, "node-a", JobState.Done, 1, null, null, CancellationToken.None);

                var cancelled = await WaitingWithUploadAsync(database, uploads, kind, clock);
                await using (var db = database.Context(owner))
                    (await new BackgroundJobs(db, owner, clock, uploads).CancelAsync(cancelled)).IsOk.ShouldBeTrue();

                var lost = await WaitingWithUploadAsync(database, uploads, kind, clock);
                (await queue.ClaimAsync("node-b", CancellationToken.None))!.Id.ShouldBe(lost);
                clock.Now = clock.Now.AddMinutes(1);
                (await queue.RecoverAsync(TimeSpan.FromSeconds(10), 1, CancellationToken.None)).ShouldBe(1);

                foreach (var (id, path) in new[] { (finished, "finished"), (cancelled, "cancelled"), (lost, "failed by recovery") })
                {
                    var job = await Read(database, id);
                    job.IsFinished.ShouldBeTrue($"{kind}, {path}");
                    if (JobKinds.CarriesUpload(kind))
                    {
                        job.Parameters.ShouldBe(JobKinds.ErasedParameters, $"{kind}, {path}: its parameters are let go");
                        uploads.Find(id, ".csv").ShouldBeNull($"{kind}, {path}: its upload file is deleted");
                    }
                    else
                    {
                        job.Parameters.ShouldBe(KeptParameters, $"{kind}, {path}: a job without an upload keeps its parameters");
                    }
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string KeptParameters = """{"rows":[["code","likelihood"],["S-1","3"]]}""";

    private static async Task<Guid> WaitingWithUploadAsync(TestDatabase database, JobUploadFolder uploads, string kind, ManualClock clock)
    {
        using var content = new MemoryStream("code,likelihood\nS-1,3\n"u8.ToArray());
        var id = await uploads.KeepAsync(".csv", content, CancellationToken.None);
        await using var db = database.Context(FixedUser.System);
        db.Jobs.Add(new BackgroundJob { Id = id, Kind = kind, Owner = "eigenaar", Parameters = KeptParameters, CreatedAtUtc = clock.Now });
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<BackgroundJob> Read(TestDatabase database, Guid id)
    {
        await using var db = database.Context(FixedUser.System);
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private sealed class ManualClock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
