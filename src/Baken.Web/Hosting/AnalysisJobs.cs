using System.Collections.Concurrent;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Domain.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baken.Web.Hosting;

public enum AnalysisJobState { Running, Done, Failed }

/// <summary>An analysis run started from the workbench: how far its Monte Carlo is, and the run it stored or why it failed.</summary>
public sealed class AnalysisJob(string owner, DateTime startedUtc) : IProgress<double>
{
    private double _fraction;

    public Guid Id { get; } = Guid.NewGuid();
    public string Owner { get; } = owner;
    public DateTime StartedUtc { get; } = startedUtc;
    public double Fraction => Volatile.Read(ref _fraction);
    public AnalysisJobState State { get; private set; } = AnalysisJobState.Running;
    public string? RunCode { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Reports come from several Monte Carlo threads and may cross: the highest fraction seen is kept.</summary>
    public void Report(double value)
    {
        double seen;
        do
        {
            seen = Volatile.Read(ref _fraction);
            if (value <= seen) return;
        } while (Interlocked.CompareExchange(ref _fraction, value, seen) != seen);
    }

    public void Complete(string runCode)
    {
        RunCode = runCode;
        Report(1);
        State = AnalysisJobState.Done;
    }

    public void Fail(IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        State = AnalysisJobState.Failed;
    }
}

/// <summary>
/// Runs integrated analyses in the background for the workbench, so the page can show a progress bar while the Monte Carlo
/// turns instead of hanging on the form post. A job acts as the user who started it (their clearance and compartments),
/// and only that user can look at it. Jobs are kept in memory for a day after they start: the run itself is stored in
/// the register as soon as it is done.
/// </summary>
public sealed class AnalysisJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AnalysisJobs> log)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<Guid, AnalysisJob> _jobs = new();

    /// <summary>Registers a job for the user without running anything (the caller reports on it).</summary>
    public AnalysisJob Begin(string owner)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in _jobs.Values.Where(j => now - j.StartedUtc > KeepFor)) _jobs.TryRemove(old.Id, out _);
        var job = new AnalysisJob(owner, now);
        _jobs[job.Id] = job;
        return job;
    }

    /// <summary>The job, when it exists and belongs to this user; another user's job is as unknown as a missing one.</summary>
    public AnalysisJob? Find(Guid id, string owner) => _jobs.TryGetValue(id, out var job) && job.Owner == owner ? job : null;

    public AnalysisJob Start(ICurrentUser user, RunIntegratedAnalysisRequest request)
    {
        var job = Begin(user.UserName);
        var actingAs = new FixedUser(user.UserName, user.Clearance, user.CompartmentMask, Roles.All.Where(user.IsInRole).ToList(), user.OrganisationCode, user.ViaApiToken);
        // The request's context (and its signed-in user) must not flow into the job: it outlives the request.
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(() => RunAsync(job, actingAs, request));
        return job;
    }

    private async Task RunAsync(AnalysisJob job, FixedUser actingAs, RunIntegratedAnalysisRequest request)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundIdentity>().User = actingAs;
            var result = await scope.ServiceProvider.GetRequiredService<RunIntegratedAnalysis>().HandleAsync(request with { Progress = job });
            if (result.IsOk) job.Complete(result.Value!.RunCode!);
            else job.Fail(result.Errors.Count > 0 ? result.Errors : [new FieldError("analysis", "", result.Message ?? "")]);
        }
        catch (Exception e)
        {
            // The exception's message may quote the input, so the log names only its type; the user sees a plain failure.
            log.LogError("Analysis job {Job} stopped with {Exception}", job.Id, e.GetType().FullName);
            job.Fail([new FieldError("analysis", "", "the run stopped unexpectedly; the server log names the job " + job.Id)]);
        }
    }
}
