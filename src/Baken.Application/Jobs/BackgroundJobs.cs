using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Permissions;
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

/// <summary>
/// A job as its owner sees it: state, fraction done, what it produced (a stored run's code; a file to download by its name;
/// an import's summary), and why it failed or was started again.
/// </summary>
public sealed record JobView(Guid Id, string Kind, JobState State, double Progress, string? ResultCode, IReadOnlyList<string> Reasons,
    DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc, string? OutputName = null, AssessmentImportSummary? ImportSummary = null)
{
    /// <summary>The failure's problems as messages (<see cref="JobProblems"/>), for a page in its reader's language; <see cref="Reasons"/> has their English.</summary>
    public IReadOnlyList<Common.FieldError> Problems { get; init; } = [];

    /// <summary>The reasons that are not one of <see cref="Problems"/> (a restart, a cancellation), in English as written.</summary>
    public IReadOnlyList<string> OtherReasons => Reasons.Except(Problems.Select(JobProblems.English)).ToList();

    public static JobView From(BackgroundJob j) => new(j.Id, j.Kind, j.State, j.Progress, j.ResultCode,
        (j.Reason ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), j.CreatedAtUtc, j.StartedAtUtc, j.FinishedAtUtc,
        j.OutputName, j.Kind == JobKinds.AssessmentImport && j.Output is { Length: > 0 } summary
            ? JsonSerializer.Deserialize<AssessmentImportSummary>(summary, BackgroundJobs.Json) : null)
    { Problems = JobProblems.Read(j.Problems) };
}

/// <summary>
/// What a trade-screen job screens: one year of the uploaded BACI file (kept under the job's id with
/// <paramref name="Extension"/>), for an importer (EU27, an ISO3 code of an EU member or a BACI code), under the criteria
/// eu, geodep or merics (<c>baken dependencies screen</c> with the same settings gives the same answer).
/// </summary>
/// <param name="Upload">The id the file is kept under (the job's own), set when the job is queued.</param>
public sealed record TradeScreenParameters(string FileName, string Extension, int Year, string Importer, string Criteria, Guid Upload = default)
{
    public const string AllowedCriteria = "eu, geodep or merics";
    public const string AllowedFiles = "a BACI trade file: .csv (columns t,i,j,k,v,q) or a .zip holding one";

    /// <summary>The year as the form gave it, when it was no whole number (Year is then 0), so the error names what was typed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? YearAsGiven { get; init; }
}

/// <summary>What a report-build job makes: the report of <paramref name="RunCode"/> as html or docx, in nl or en.</summary>
public sealed record AnalysisReportParameters(string RunCode, string Format, string Language);

/// <summary>
/// Long work as rows in the jobs table: started by a user, run by whichever node claims it, seen and cancelled only by
/// the user who started it (another user's job answers as a missing one does).
/// </summary>
public sealed class BackgroundJobs(IBakenDb db, ICurrentUser user, TimeProvider clock, IJobUploads uploads)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues an analysis over the register. Its settings are checked when it runs; a bad one fails the job with the field named.</summary>
    /// <summary>Queues an analysis that stores its run. Who may store a run is asked here, as the run itself asks: a refusal leaves no job.</summary>
    public async Task<Result<JobView>> StartAnalysisAsync(RunIntegratedAnalysisRequest request, CancellationToken ct = default)
    {
        if (Permission.Deny<JobView>(user, PermissionMatrix.AnalysisRuns, PermissionAction.Create) is { } denied) return denied;
        var job = new BackgroundJob
        {
            Kind = JobKinds.Analysis,
            Owner = user.UserName,
            Parameters = JsonSerializer.Serialize(AnalysisJobParameters.From(request), Json),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return Result<JobView>.Ok(JobView.From(job));
    }

    /// <summary>
    /// Queues the import of an uploaded assessment table. Who may import is asked here, before anything is written: a
    /// refusal leaves no job. The rows are checked when the job runs (all or none, as <c>baken assessments import</c>),
    /// and wait in the job only until it ends.
    /// </summary>
    public async Task<Result<JobView>> StartAssessmentImportAsync(string fileName, IReadOnlyList<AssessmentRawRow> rows, CancellationToken ct = default)
    {
        if (Permission.Deny<JobView>(user, PermissionMatrix.Assessments, PermissionAction.Import) is { } denied) return denied;
        if (rows.Count < 2)
            return Result<JobView>.Invalid(new FieldError("file", fileName, AllowedTexts.JobsTableHeaderRowLeast));
        return Result<JobView>.Ok(await QueueAsync(JobKinds.AssessmentImport, new AssessmentImportParameters(fileName, rows), ct));
    }

    /// <summary>
    /// Queues the build of an analysis run's full report (recomputed from the run's stored inputs and seed), for a run the
    /// caller may see: another's hidden run answers as a missing one, and nothing is queued.
    /// </summary>
    public async Task<Result<JobView>> StartAnalysisReportAsync(string runCode, string? format, string? language, CancellationToken ct = default)
    {
        format ??= "html";
        if (format is not ("html" or "docx")) return Result<JobView>.Invalid(new FieldError("format", format, AllowedTexts.JobsHtmlDocx));
        if (language is not ("nl" or "en")) return Result<JobView>.Invalid(new FieldError("lang", language ?? "", AllowedTexts.JobsNlEn));
        if (!await db.AnalysisRuns.AnyAsync(r => r.Code == runCode, ct)) return Result<JobView>.NotFound(AllowedTexts.NoAnalysisRun.With(runCode));
        return Result<JobView>.Ok(await QueueAsync(JobKinds.AnalysisReport, new AnalysisReportParameters(runCode, format, language), ct));
    }

    /// <summary>
    /// Queues the dependency screen of an uploaded BACI trade file, whose dependent products become dependency records with
    /// their concentration series (as <c>baken dependencies screen --record</c>). Who may import dependency records and
    /// observations is asked first, and the settings are checked: a refusal keeps no file and writes no job. The file is
    /// kept under the job's id until the job ends.
    /// </summary>
    public async Task<Result<JobView>> StartTradeScreenAsync(TradeScreenParameters settings, Stream content, CancellationToken ct = default)
    {
        if (Permission.Deny<JobView>(user, PermissionMatrix.SubjectOf("dependency")!, PermissionAction.Import) is { } denied) return denied;
        if (Permission.Deny<JobView>(user, PermissionMatrix.SubjectOf("observation")!, PermissionAction.Import) is { } deniedSeries) return deniedSeries;
        var errors = new List<FieldError>();
        if (settings.Extension is not (".csv" or ".zip")) errors.Add(new FieldError("file", settings.FileName, AllowedTexts.JobsFiles));
        if (settings.Year is < 1988 or > 2100) errors.Add(new FieldError("year", settings.YearAsGiven ?? settings.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.JobsYear19882100));
        if (string.IsNullOrWhiteSpace(settings.Importer)) errors.Add(new FieldError("importer", settings.Importer, AllowedTexts.JobsEu27Iso3CodeEu));
        if (settings.Criteria is not ("eu" or "geodep" or "merics")) errors.Add(new FieldError("criteria", settings.Criteria, AllowedTexts.JobsCriteria));
        if (errors.Count > 0) return Result<JobView>.Invalid(errors);
        var id = await uploads.KeepAsync(settings.Extension, content, ct);
        try
        {
            return Result<JobView>.Ok(await QueueAsync(JobKinds.TradeScreen, settings with { Upload = id }, ct, id));
        }
        catch
        {
            // No job row, no kept file: the upload is not left behind for nobody.
            uploads.Delete(id);
            throw;
        }
    }

    private async Task<JobView> QueueAsync<T>(string kind, T parameters, CancellationToken ct, Guid? id = null)
    {
        var job = new BackgroundJob
        {
            Id = id ?? Guid.Empty, // empty: the database layer gives the id
            Kind = kind,
            Owner = user.UserName,
            Parameters = JsonSerializer.Serialize(parameters, Json),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return JobView.From(job);
    }

    /// <summary>The job, when it exists and is the caller's (what it made is read only for an import's summary).</summary>
    public async Task<Result<JobView>> FindAsync(Guid id, CancellationToken ct = default) =>
        await db.Jobs.AsNoTracking().Where(j => j.Id == id && j.Owner == user.UserName).Select(j => new BackgroundJob
            {
                Id = j.Id, Kind = j.Kind, Owner = j.Owner, State = j.State, Progress = j.Progress, ResultCode = j.ResultCode, Reason = j.Reason, Problems = j.Problems,
                CreatedAtUtc = j.CreatedAtUtc, StartedAtUtc = j.StartedAtUtc, FinishedAtUtc = j.FinishedAtUtc, OutputName = j.OutputName,
                Output = j.OutputName == null ? j.Output : null,
            }).FirstOrDefaultAsync(ct) is { } job
            ? Result<JobView>.Ok(JobView.From(job))
            : Result<JobView>.NotFound(AllowedTexts.JobsNoJob.With(id));

    /// <summary>The file a finished job of the caller's made (a built report), with the name it downloads as.</summary>
    public async Task<Result<(byte[] Content, string Name)>> OutputAsync(Guid id, CancellationToken ct = default) =>
        await db.Jobs.AsNoTracking().Where(j => j.Id == id && j.Owner == user.UserName && j.State == JobState.Done && j.OutputName != null)
                .Select(j => new { j.Output, j.OutputName }).FirstOrDefaultAsync(ct) is { Output: { } content, OutputName: { } name }
            ? Result<(byte[], string)>.Ok((content, name))
            : Result<(byte[], string)>.NotFound(AllowedTexts.JobsNoOutput.With(id));

    /// <summary>
    /// Cancels a waiting job at once, and asks the node running a running one to stop it (it does within a quarter of a
    /// second). A finished job cannot be cancelled.
    /// </summary>
    public async Task<Result<JobView>> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var note = JobNotes.CancelledAt.With(user.UserName, now);
        var reason = note.English;
        var problems = JobProblems.Write([JobProblems.Plain(note)]);
        // Conditional updates, not read-then-save: the node running the job writes its progress to the same row.
        var waiting = await db.Jobs.Where(j => j.Id == id && j.Owner == user.UserName && j.State == JobState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.Reason, reason)
                .SetProperty(j => j.Problems, problems)
                // An upload it carried is let go at once.
                .SetProperty(j => j.Parameters, j => JobKinds.UploadCarriers.Contains(j.Kind) ? JobKinds.ErasedParameters : j.Parameters), ct);
        if (waiting > 0) uploads.Delete(id);
        if (waiting == 0)
            await db.Jobs.Where(j => j.Id == id && j.Owner == user.UserName && j.State == JobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        var found = await FindAsync(id, ct);
        if (found.Value is not { } job) return found;
        if (job.State is JobState.Done or JobState.Failed)
            return Result<JobView>.Conflict(AllowedTexts.JobsNotCancellable.With(AllowedTexts.JobState[job.State]), job);
        return found;
    }
}
