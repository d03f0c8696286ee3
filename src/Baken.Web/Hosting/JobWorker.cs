using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Domain.Jobs;
using Baken.Domain.Users;
using Baken.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baken.Web.Hosting;

/// <summary>Section "Jobs": how this node takes part in running the jobs table.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this node runs jobs at all (a node may only serve pages). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle node looks for waiting jobs, in milliseconds (a job started on this node wakes it at once). Default 1000.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long a running job's node may be silent before it counts as stopped, in seconds. Default 10 (it reports 4 times a second).</summary>
    [Range(2, 3600)]
    public int StaleAfterSeconds { get; set; } = 10;

    /// <summary>How many times a job is started before a lost node fails it instead of handing it on. Default 2.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>
    /// An assessment table uploaded on the import page with up to this many rows is imported at once, its answer on the
    /// page; a larger one becomes a job (any node runs it; its page shows the progress). 0 to 1,000,000, default 200.
    /// </summary>
    [Range(0, 1_000_000)]
    public int InlineImportRows { get; set; } = 200;
}

/// <summary>
/// Runs the jobs table on this node: claims the oldest waiting job, runs it as the user who started it (with that
/// account's access as it is now), stores its progress and heartbeat four times a second, stops it when its owner
/// cancels, and on shutdown hands it back for another node. It also recovers jobs whose node went silent.
/// </summary>
public sealed partial class JobWorker(JobQueue queue, IServiceScopeFactory scopes, IOptions<JobOptions> options,
    TimeProvider clock, ILogger<JobWorker> log) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This process's name in the jobs table (machine, process, start), unique across restarts.</summary>
    public string Node { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

    /// <summary>Tells the worker a job was queued on this node, so it need not wait for its next look.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.Enabled) return;
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var recovered = await queue.RecoverAsync(TimeSpan.FromSeconds(options.Value.StaleAfterSeconds), options.Value.MaxAttempts, stopping);
                if (recovered > 0) LogRecovered(recovered);
                BakenTelemetry.JobsWaitingCounted(await queue.CountWaitingAsync(stopping));
                if (await queue.ClaimAsync(Node, stopping) is { } job)
                {
                    await RunAsync(job, stopping);
                    continue;
                }
                await _wake.WaitAsync(poll, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // The database is away for a moment (a failover, a restart): try again after a pause, never stop working.
                LogQueueUnavailable(e.GetType().Name);
                await Task.Delay(poll, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Whatever this node still ran goes back to the queue, so a job is never left to wait for a node that is gone.
        if (options.Value.Enabled)
        {
            var released = await queue.ReleaseAsync(Node, cancellationToken);
            if (released > 0) LogReleased(released, Node);
        }
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stopping)
    {
        var started = Stopwatch.GetTimestamp();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var progress = new JobProgress(cancel.Token);
        var beating = HeartbeatAsync(job.Id, progress, cancel);
        JobOutcome outcome;
        try
        {
            outcome = await Task.Run(() => ExecuteJobAsync(job, progress, cancel.Token), CancellationToken.None);
        }
        catch (Exception e) when (IsCancellation(e, cancel.Token))
        {
            outcome = JobOutcome.Ended(JobState.Cancelled, JobNotes.CancelledWhileRunning.With(job.Owner));
        }
        catch (Exception e)
        {
            // The exception's message may quote the input, so the log names only its type; the owner sees a plain failure.
            LogJobFailed(job.Id, e.GetType().FullName!);
            outcome = JobOutcome.Ended(JobState.Failed, JobNotes.StoppedUnexpectedly.With(job.Id.ToString()));
        }
        await cancel.CancelAsync();
        await beating;
        // A stopping node does not finish the job: StopAsync hands it back and another node starts it again.
        if (stopping.IsCancellationRequested && outcome.State == JobState.Cancelled) return;
        var done = outcome.State == JobState.Done;
        await queue.FinishAsync(job.Id, Node, outcome.State, done ? 1 : progress.Fraction, outcome.ResultCode, outcome.Reason, CancellationToken.None,
            done ? outcome.Output : null, done ? outcome.OutputName : null, outcome.Problems);
        if (job.Kind == JobKinds.Analysis) BakenTelemetry.AnalysisFinished(outcome.State.ToString(), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static bool IsCancellation(Exception e, CancellationToken token) =>
        token.IsCancellationRequested && (e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(i => i is OperationCanceledException)));

    private async Task<JobOutcome> ExecuteJobAsync(BackgroundJob job, JobProgress progress, CancellationToken cancelled)
    {
        Domain.Users.User? owner;
        // A context takes its user when it is made, so the owner is looked up in a scope of its own, before the run's scope.
        await using (var lookup = scopes.CreateAsyncScope())
            owner = await lookup.ServiceProvider.GetRequiredService<Application.Users.AccountAccess>().FindAsync(job.Owner);
        if (owner is null) return JobOutcome.Failed($"owner: the account '{job.Owner}' no longer exists");
        await using var scope = scopes.CreateAsyncScope();
        // The job acts with its owner's access as it is now: a clearance lowered since the job was queued applies.
        scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User =
            new FixedUser(owner.UserName, owner.Clearance, owner.CompartmentMask, owner.Roles, owner.OrganisationCode);
        var kind = scope.ServiceProvider.GetServices<IJobKind>().FirstOrDefault(k => k.Kind == job.Kind);
        if (kind is null) return JobOutcome.Failed($"kind: '{job.Kind}' is not a job this version of Baken runs");
        return await kind.RunAsync(job.Parameters, progress, cancelled);
    }

    /// <summary>Four times a second: store the progress, prove this node is alive, and hear whether the owner cancelled.</summary>
    private async Task HeartbeatAsync(Guid id, JobProgress progress, CancellationTokenSource cancel)
    {
        using var timer = new PeriodicTimer(BackgroundJob.ProgressEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancel.Token))
            {
                var beat = await queue.HeartbeatAsync(id, Node, progress.Fraction, cancel.Token);
                if (!beat.StillOurs || beat.CancelRequested) await cancel.CancelAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended or was cancelled: the heartbeat ends with it.
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            LogQueueUnavailable(e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Recovered {Count} job(s) whose node stopped answering")]
    private partial void LogRecovered(int count);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "Handed {Count} running job(s) of node {Node} back to the queue on shutdown")]
    private partial void LogReleased(int count, string node);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Error, Message = "Job {Job} stopped with {Exception}")]
    private partial void LogJobFailed(Guid job, string exception);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Warning, Message = "The jobs table cannot be reached ({Exception}); trying again")]
    private partial void LogQueueUnavailable(string exception);
}

/// <summary>
/// The Monte Carlo's progress, told from several threads (they may cross, so the highest fraction seen is kept). It is
/// also how a run is stopped: the computation has no cancellation token of its own, so a report after cancellation
/// throws, which ends the parallel loop at its next report.
/// </summary>
public sealed class JobProgress(CancellationToken cancelled) : IProgress<double>
{
    private double _fraction;

    public double Fraction => Volatile.Read(ref _fraction);

    public void Report(double value)
    {
        cancelled.ThrowIfCancellationRequested();
        double seen;
        do
        {
            seen = Volatile.Read(ref _fraction);
            if (value <= seen) return;
        } while (Interlocked.CompareExchange(ref _fraction, value, seen) != seen);
    }
}
