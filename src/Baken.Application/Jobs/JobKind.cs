using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Domain.Jobs;

namespace Baken.Application.Jobs;

/// <summary>How a job ended: its state, the code of what it stored, why it failed, and what it made for its owner to take.</summary>
public sealed record JobOutcome(JobState State, string? ResultCode = null, string? Reason = null, byte[]? Output = null, string? OutputName = null,
    IReadOnlyList<Common.FieldError>? Problems = null)
{
    public static JobOutcome Failed(string reason) => new(JobState.Failed, Reason: reason);

    /// <summary>An end (a failure, a cancellation) with one reason of the catalogue: English in <see cref="Reason"/>, the message kept for pages.</summary>
    public static JobOutcome Ended(JobState state, Domain.ValidationMessage reason) =>
        new(state, Reason: reason.English, Problems: [JobProblems.Plain(reason)]);

    /// <summary>
    /// A failure with the use case's problems, kept as messages (pages say them in their reader's language) and as English
    /// lines in <see cref="Reason"/>; without problems, the use case's message (or <paramref name="fallback"/>) is the reason.
    /// </summary>
    public static JobOutcome Failed(IReadOnlyList<Common.FieldError> errors, string? message, string fallback)
    {
        IReadOnlyList<Common.FieldError> problems = errors.Count > 0 ? errors : [JobProblems.Plain(Domain.ValidationMessage.Verbatim(message ?? fallback))];
        return new(JobState.Failed, Reason: string.Join("\n", problems.Select(JobProblems.English)), Problems: problems);
    }
}

/// <summary>
/// One kind of long work a node runs from the jobs table. It runs in a scope acting as the job's owner, with that account's
/// access as it is now; it reports progress (0 to 1) and stops when the token is cancelled, writing nothing then.
/// </summary>
public interface IJobKind
{
    /// <summary>The kind it runs (<see cref="JobKinds"/>).</summary>
    string Kind { get; }

    Task<JobOutcome> RunAsync(string parameters, IProgress<double> progress, CancellationToken ct);
}

/// <summary>An analysis run queued from the page or the API: the same use case as <c>baken analyse</c>.</summary>
public sealed class AnalysisJob(RunIntegratedAnalysis analysis) : IJobKind
{
    public string Kind => JobKinds.Analysis;

    public async Task<JobOutcome> RunAsync(string parameters, IProgress<double> progress, CancellationToken ct)
    {
        var settings = JsonSerializer.Deserialize<AnalysisJobParameters>(parameters, BackgroundJobs.Json)!;
        // The token reaches the run's storing too: a cancel heard after the Monte Carlo still stores nothing.
        var result = await analysis.HandleAsync(settings.ToRequest(progress), ct);
        if (result.IsOk) return new JobOutcome(JobState.Done, result.Value!.RunCode);
        return JobOutcome.Failed(result.Errors, result.Message, "the analysis was refused");
    }
}

/// <summary>What an assessment-import job carries: the uploaded table's rows, as read from the file, and the file's name.</summary>
public sealed record AssessmentImportParameters(string FileName, IReadOnlyList<AssessmentRawRow> Rows);

/// <summary>
/// An assessment table uploaded on the import page, imported by whichever node claims it: the same use case as
/// <c>baken assessments import</c>, all rows or none. Its output is the summary (JSON of <see cref="AssessmentImportSummary"/>).
/// </summary>
public sealed class AssessmentImportJob(ImportAssessmentTable import) : IJobKind
{
    public string Kind => JobKinds.AssessmentImport;

    public async Task<JobOutcome> RunAsync(string parameters, IProgress<double> progress, CancellationToken ct)
    {
        var upload = JsonSerializer.Deserialize<AssessmentImportParameters>(parameters, BackgroundJobs.Json);
        if (upload?.Rows is not { Count: > 0 } rows) return JobOutcome.Failed("file: the uploaded rows are no longer kept; upload the file again");
        var result = await import.HandleAsync(rows, ct, progress);
        if (result.IsOk) return new JobOutcome(JobState.Done, Output: JsonSerializer.SerializeToUtf8Bytes(result.Value, BackgroundJobs.Json));
        return JobOutcome.Failed(result.Errors, result.Message, "the import was refused");
    }
}
