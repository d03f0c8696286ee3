using Baken.Application.Common;
using Baken.Domain.Jobs;
using Baken.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Jobs;

/// <summary>What a node hears back when it reports on a job it runs.</summary>
public sealed record JobHeartbeat(bool StillOurs, bool CancelRequested);

/// <summary>
/// The jobs table as a queue shared by every node. A node claims the oldest waiting job — on PostgreSQL with
/// FOR UPDATE SKIP LOCKED, so two nodes asking at once get different jobs and neither waits on the other; on SQLite (one
/// machine) one claimant at a time in this process, and the claim is a conditional update, so a second process cannot
/// take the same job either. A running job's node writes its progress and a heartbeat; a job whose heartbeat stops
/// (the node was killed) is started again by another node, or failed with the reason once it has had its attempts.
/// </summary>
public sealed class JobQueue(DatabaseOptions options, TimeProvider clock)
{
    private static readonly SemaphoreSlim SqliteClaim = new(1, 1);

    /// <summary>Files kept for jobs (a trade screen's upload), let go when their job ends.</summary>
    private readonly JobUploadFolder _uploads = new(options);

    private BakenDbContext Context() => DatabaseSetup.CreateContext(options, FixedUser.System, clock);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<BackgroundJob?> ClaimAsync(string node, CancellationToken ct)
    {
        await using var db = Context();
        var now = Now;
        Guid? id;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            id = (await db.Database.SqlQuery<Guid>($"""
                UPDATE "Jobs" SET "State" = 'Running', "ClaimedBy" = {node}, "HeartbeatAtUtc" = {now},
                       "StartedAtUtc" = COALESCE("StartedAtUtc", {now}), "Attempts" = "Attempts" + 1
                WHERE "Id" = (SELECT "Id" FROM "Jobs" WHERE "State" = 'Waiting' ORDER BY "CreatedAtUtc" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)).Cast<Guid?>().FirstOrDefault();
        }
        else
        {
            await SqliteClaim.WaitAsync(ct);
            try
            {
                id = await db.Jobs.Where(j => j.State == JobState.Waiting).OrderBy(j => j.CreatedAtUtc).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
                if (id is { } candidate && await db.Jobs.Where(j => j.Id == candidate && j.State == JobState.Waiting).ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.ClaimedBy, node).SetProperty(j => j.HeartbeatAtUtc, now)
                        .SetProperty(j => j.StartedAtUtc, j => j.StartedAtUtc ?? now).SetProperty(j => j.Attempts, j => j.Attempts + 1), ct) == 0)
                    id = null;
            }
            finally
            {
                SqliteClaim.Release();
            }
        }
        return id is { } claimed ? await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == claimed, ct) : null;
    }

    /// <summary>Stores the progress and the heartbeat of a job this node runs, and tells whether its owner asked to cancel it.</summary>
    public async Task<JobHeartbeat> HeartbeatAsync(Guid id, string node, double progress, CancellationToken ct)
    {
        await using var db = Context();
        var now = Now;
        var ours = await db.Jobs.Where(j => j.Id == id && j.ClaimedBy == node && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, progress).SetProperty(j => j.HeartbeatAtUtc, now), ct);
        var cancel = ours > 0 && await db.Jobs.AnyAsync(j => j.Id == id && j.CancelRequested, ct);
        return new JobHeartbeat(ours > 0, cancel);
    }

    /// <summary>
    /// Records how a job this node ran ended, with what it made (<paramref name="output"/>, downloaded as
    /// <paramref name="outputName"/>). An upload the job carried is erased. A job taken over by another node meanwhile is left alone.
    /// </summary>
    public async Task FinishAsync(Guid id, string node, JobState state, double progress, string? resultCode, string? reason, CancellationToken ct,
        byte[]? output = null, string? outputName = null, IReadOnlyList<Application.Common.FieldError>? problems = null)
    {
        await using var db = Context();
        var now = Now;
        // The notes kept so far (a restart) stay in front of how it ended, as its Reason lines do.
        var kept = await db.Jobs.AsNoTracking().Where(j => j.Id == id).Select(j => j.Problems).FirstOrDefaultAsync(ct);
        var notes = Application.Jobs.JobProblems.Append(kept, problems);
        var finished = await db.Jobs.Where(j => j.Id == id && j.ClaimedBy == node && j.State == JobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state).SetProperty(j => j.Progress, progress).SetProperty(j => j.ResultCode, resultCode)
            .SetProperty(j => j.Reason, j => reason == null ? j.Reason : j.Reason == null ? reason : j.Reason + "\n" + reason)
            .SetProperty(j => j.Output, output).SetProperty(j => j.OutputName, outputName)
            .SetProperty(j => j.Problems, notes)
            .SetProperty(j => j.Parameters, j => JobKinds.UploadCarriers.Contains(j.Kind) ? JobKinds.ErasedParameters : j.Parameters)
            .SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.HeartbeatAtUtc, now), ct);
        if (finished > 0) _uploads.Delete(id);
    }

    /// <summary>A node that stops in good order hands its running jobs back to the queue, for another node to start again.</summary>
    public async Task<int> ReleaseAsync(string node, CancellationToken ct)
    {
        await using var db = Context();
        var note = Application.Jobs.JobNotes.NodeStopped.With(node, Now);
        var reason = note.English;
        var released = 0;
        // One job at a time, to add the note to the notes each keeps; only while this node still runs it.
        foreach (var job in await db.Jobs.AsNoTracking().Where(j => j.ClaimedBy == node && j.State == JobState.Running)
                     .Select(j => new { j.Id, j.Problems }).ToListAsync(ct))
        {
            var notes = Application.Jobs.JobProblems.Append(job.Problems, [Application.Jobs.JobProblems.Plain(note)]);
            released += await db.Jobs.Where(j => j.Id == job.Id && j.ClaimedBy == node && j.State == JobState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Waiting).SetProperty(j => j.ClaimedBy, (string?)null).SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.Reason, j => j.Reason == null ? reason : j.Reason + "\n" + reason)
                .SetProperty(j => j.Problems, notes), ct);
        }
        return released;
    }

    /// <summary>
    /// Running jobs whose node has been silent for <paramref name="staleAfter"/> lost their node (killed, crashed, cut off).
    /// Each goes back to the queue while it has had fewer than <paramref name="maxAttempts"/> starts, else fails, both with the
    /// reason written on the job. A cancelled one that lost its node is cancelled.
    /// </summary>
    public async Task<int> RecoverAsync(TimeSpan staleAfter, int maxAttempts, CancellationToken ct)
    {
        await using var db = Context();
        var now = Now;
        var silentSince = now - staleAfter;
        var stale = await db.Jobs.Where(j => j.State == JobState.Running && j.HeartbeatAtUtc < silentSince).ToListAsync(ct);
        foreach (var job in stale)
        {
            var lost = Application.Jobs.JobNotes.NodeSilent.With(job.ClaimedBy ?? "", (object?)job.HeartbeatAtUtc ?? "");
            var (state, note) = job.CancelRequested ? (JobState.Cancelled, Application.Jobs.JobNotes.CancelledLost.With(lost))
                : job.Attempts < maxAttempts ? (JobState.Waiting, Application.Jobs.JobNotes.StartedAgainLost.With(lost))
                : (JobState.Failed, Application.Jobs.JobNotes.FailedLost.With(lost, job.Attempts));
            var why = note.English;
            var reason = job.Reason is null ? why : job.Reason + "\n" + why;
            var notes = Application.Jobs.JobProblems.Append(job.Problems, [Application.Jobs.JobProblems.Plain(note)]);
            DateTime? finished = state == JobState.Waiting ? null : now;
            // A job that will not run again lets go of the upload it carried.
            var parameters = state != JobState.Waiting && JobKinds.CarriesUpload(job.Kind) ? JobKinds.ErasedParameters : job.Parameters;
            // Only if nobody moved it meanwhile (its node may have come back, another node may have recovered it first).
            var moved = await db.Jobs.Where(j => j.Id == job.Id && j.State == JobState.Running && j.HeartbeatAtUtc == job.HeartbeatAtUtc).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, state).SetProperty(j => j.ClaimedBy, (string?)null).SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.Reason, reason).SetProperty(j => j.Problems, notes).SetProperty(j => j.FinishedAtUtc, finished).SetProperty(j => j.Parameters, parameters), ct);
            if (moved > 0 && state != JobState.Waiting) _uploads.Delete(job.Id);
        }
        return stale.Count;
    }

    /// <summary>How many jobs wait for a node (a metric: a long queue means too few nodes or a stuck one).</summary>
    public async Task<int> CountWaitingAsync(CancellationToken ct)
    {
        await using var db = Context();
        return await db.Jobs.CountAsync(j => j.State == JobState.Waiting, ct);
    }
}
