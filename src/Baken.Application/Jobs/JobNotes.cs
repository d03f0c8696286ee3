using Baken.Domain;

namespace Baken.Application.Jobs;

/// <summary>
/// What happened to a job that is not a problem of its input: cancelled, handed back by a stopping node, recovered from a
/// silent one. Each is kept with the job like a failure's problems (<see cref="JobProblems"/>), so /jobs/{id} says it in the
/// reader's language with the moment in the page's culture; the job's <c>Reason</c> keeps the English line for the API and the CLI.
/// </summary>
public static class JobNotes
{
    public static readonly MessageTemplate CancelledAt = new("allowed.jobs.cancelledat", "cancelled by {0} at {1:yyyy-MM-dd HH:mm:ss} UTC");
    public static readonly MessageTemplate CancelledWhileRunning = new("allowed.jobs.cancelledwhilerunning", "cancelled by {0} while it ran");
    public static readonly MessageTemplate NodeStopped = new("allowed.jobs.nodestopped", "started again: node {0} stopped at {1:yyyy-MM-dd HH:mm:ss} UTC while running it");
    public static readonly MessageTemplate NodeSilent = new("allowed.jobs.nodesilent", "node {0} stopped answering while running it (last heard {1:yyyy-MM-dd HH:mm:ss} UTC)");
    public static readonly MessageTemplate CancelledLost = new("allowed.jobs.cancelledlost", "cancelled: {0}");
    public static readonly MessageTemplate StartedAgainLost = new("allowed.jobs.startedagainlost", "started again: {0}");
    public static readonly MessageTemplate FailedLost = new("allowed.jobs.failedlost", "failed: {0}, after {1} attempt(s); start it again");
    public static readonly MessageTemplate StoppedUnexpectedly = new("allowed.jobs.stoppedunexpectedly", "the job stopped unexpectedly; the server log names the job {0}");
}
