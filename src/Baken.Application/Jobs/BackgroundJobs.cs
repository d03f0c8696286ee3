using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Domain.Jobs;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Jobs;

/// <summary>What an analysis job runs: the settings of the form or the API body, kept with the job so any node can run it.</summary>
/// <param name="Official">Only validated assessments (docs/workflow.md). A job stored before this setting existed reads as false.</param>
public sealed record AnalysisJobParameters(string? Profile, double Factor, int Iterations, long Seed, ClassificationLevel? AsClearance, string CodeVersion,
    bool Official = false)
{
    public static AnalysisJobParameters From(RunIntegratedAnalysisRequest r) => new(r.Profile, r.Factor, r.Iterations, r.Seed, r.AsClearance, r.CodeVersion, r.Official);

    public RunIntegratedAnalysisRequest ToRequest(IProgress<double>? progress) =>
        new(Profile: Profile, Factor: Factor, Iterations: Iterations, Seed: Seed, AsClearance: AsClearance, CodeVersion: CodeVersion, Progress: progress,
            Official: Official);
}

/// <summary>A job as its owner sees it: state, fraction done, what it produced, and why it failed or was started again.</summary>
public sealed record JobView(Guid Id, string Kind, JobState State, double Progress, string? ResultCode, IReadOnlyList<string> Reasons,
    DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc)
{
    public static JobView From(BackgroundJob j) => new(j.Id, j.Kind, j.State, j.Progress, j.ResultCode,
        (j.Reason ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), j.CreatedAtUtc, j.StartedAtUtc, j.FinishedAtUtc);
}

/// <summary>
/// Long work as rows in the jobs table: started by a user, run by whichever node claims it, seen and cancelled only by
/// the user who started it (another user's job answers as a missing one does).
/// </summary>
public sealed class BackgroundJobs(IBakenDb db, ICurrentUser user, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues an analysis over the register. Its settings are checked when it runs; a bad one fails the job with the field named.</summary>
    public async Task<JobView> StartAnalysisAsync(RunIntegratedAnalysisRequest request, CancellationToken ct = default)
    {
        var job = new BackgroundJob
        {
            Kind = JobKinds.Analysis,
            Owner = user.UserName,
            Parameters = JsonSerializer.Serialize(AnalysisJobParameters.From(request), Json),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return JobView.From(job);
    }

    /// <summary>The job, when it exists and is the caller's.</summary>
    public async Task<Result<JobView>> FindAsync(Guid id, CancellationToken ct = default) =>
        await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Owner == user.UserName, ct) is { } job
            ? Result<JobView>.Ok(JobView.From(job))
            : Result<JobView>.NotFound($"No analysis job {id} of yours.");

    /// <summary>
    /// Cancels a waiting job at once, and asks the node running a running one to stop it (it does within a quarter of a
    /// second). A finished job cannot be cancelled.
    /// </summary>
    public async Task<Result<JobView>> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = $"cancelled by {user.UserName} at {now:yyyy-MM-dd HH:mm:ss} UTC";
        // Conditional updates, not read-then-save: the node running the job writes its progress to the same row.
        var waiting = await db.Jobs.Where(j => j.Id == id && j.Owner == user.UserName && j.State == JobState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.Reason, reason), ct);
        if (waiting == 0)
            await db.Jobs.Where(j => j.Id == id && j.Owner == user.UserName && j.State == JobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Owner == user.UserName, ct);
        if (job is null) return Result<JobView>.NotFound($"No analysis job {id} of yours.");
        if (job.State is JobState.Done or JobState.Failed)
            return Result<JobView>.Conflict($"The job is already {job.State.ToString().ToLowerInvariant()}; only a waiting or running job can be cancelled.", JobView.From(job));
        return Result<JobView>.Ok(JobView.From(job));
    }
}
