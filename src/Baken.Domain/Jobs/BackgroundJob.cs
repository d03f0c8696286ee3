namespace Baken.Domain.Jobs;

/// <summary>Where a job is: waiting for a node to claim it, running on one, or finished one way or another.</summary>
public enum JobState { Waiting, Running, Done, Failed, Cancelled }

/// <summary>
/// Long work (an analysis run, an assessment import, a report build) kept as a row, so every node sees it, any node may
/// take it, and it outlives the process that started it. Only the user who started a job can see it; it acts with that
/// user's access as it is when the job runs. Not a register record: an import's uploaded rows wait in its parameters
/// only until it ends (then they are erased), and a report it built stays in <see cref="Output"/> for its owner alone,
/// marked as the report itself is.
/// </summary>
public sealed class BackgroundJob
{
    /// <summary>How much a job's stored progress may lag behind its computation.</summary>
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

    public Guid Id { get; set; }
    /// <summary>What kind of work (<see cref="JobKinds"/>).</summary>
    public string Kind { get; set; } = "";
    public string Owner { get; set; } = "";
    public JobState State { get; set; } = JobState.Waiting;
    /// <summary>The fraction done, 0 to 1.</summary>
    public double Progress { get; set; }
    /// <summary>The job's parameters as JSON (the kind's own record).</summary>
    public string Parameters { get; set; } = "{}";
    /// <summary>What the finished job produced (an analysis run's code).</summary>
    public string? ResultCode { get; set; }
    /// <summary>Why the job failed, was cancelled or was started again; one reason per line, in English (the API and the CLI say it so).</summary>
    public string? Reason { get; set; }
    /// <summary>
    /// The problems a failed job met as catalogue messages with their arguments (JSON, written and read by the application's
    /// JobProblems), so a page says them in its reader's language; <see cref="Reason"/> holds their English. Null otherwise.
    /// </summary>
    public string? Problems { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    /// <summary>The node running it, and when that node last said it still was: a silent node has stopped.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? HeartbeatAtUtc { get; set; }
    /// <summary>How many times a node started it (a job whose node stopped is started again, up to a limit).</summary>
    public int Attempts { get; set; }
    public bool CancelRequested { get; set; }
    /// <summary>What the finished job made for its owner to take: a built report's document, an import's summary (JSON).</summary>
    public byte[]? Output { get; set; }
    /// <summary>The file name <see cref="Output"/> downloads as (its extension gives its type), when it is a file.</summary>
    public string? OutputName { get; set; }

    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled;
}

public static class JobKinds
{
    public const string Analysis = "analysis";
    /// <summary>An assessment table uploaded on the import page (parameters: its rows, erased when the job ends).</summary>
    public const string AssessmentImport = "assessment-import";
    /// <summary>An analysis run's full report, recomputed from its stored inputs and seed (parameters: run, format, language).</summary>
    public const string AnalysisReport = "analysis-report";
    /// <summary>
    /// A dependency screen of an uploaded BACI trade file, its dependent products recorded (parameters: the settings; the
    /// file waits in the job uploads folder under the job's id, deleted when the job ends).
    /// </summary>
    public const string TradeScreen = "trade-screen";

    /// <summary>
    /// Kinds that carry uploaded content (in their parameters or the uploads folder), let go once the job has ended in any way
    /// (finished, cancelled, or failed after its node was lost): their parameters become <c>{}</c> and their upload file is deleted.
    /// A list rather than a pattern, so a database query can ask it too (<c>UploadCarriers.Contains(j.Kind)</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> UploadCarriers = [AssessmentImport, TradeScreen];

    public static bool CarriesUpload(string kind) => UploadCarriers.Contains(kind);

    /// <summary>What is left of the parameters of a job that carried an upload once it has ended.</summary>
    public const string ErasedParameters = "{}";
}
