using System.Text.Json;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Jobs;
using Baken.Application.Register;
using Baken.Domain.Jobs;
using Baken.Infrastructure.Reports.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Baken.Web.Api;

/// <summary>
/// A job of any kind as its owner follows it: state, percentage, what it stored (an analysis run's code), the file it made
/// (a built report, at <c>/api/jobs/{id}/output</c>), an import's counts, and why it failed, was cancelled or started again.
/// </summary>
public sealed record JobStatusView(Guid Id, string Kind, string State, int Percent, string? ResultCode, string? Output,
    AssessmentImportSummaryView? Imported, IReadOnlyList<string> Reasons, DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc)
{
    public static JobStatusView From(JobView job) => new(job.Id, job.Kind, job.State.ToString(), (int)Math.Floor(job.Progress * 100), job.ResultCode,
        job.OutputName is null ? null : $"/api/jobs/{job.Id}/output",
        job.ImportSummary is { } s ? new AssessmentImportSummaryView(s.ScenariosCreated, s.ScenariosUpdated, s.AssessmentsCreated, s.AssessmentsUpdated) : null,
        job.Reasons, job.CreatedAtUtc, job.StartedAtUtc, job.FinishedAtUtc);
}

/// <summary>A trade-screen upload as the page and the API take it.</summary>
public static class TradeScreenUpload
{
    /// <summary>The largest BACI file taken: 2 GB (a year of BACI is about 300 MB as CSV, 80 MB zipped).</summary>
    public const long MaxFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The settings of a form; a missing file or a year that is no whole number is named by the use case's answer.</summary>
    public static TradeScreenParameters Parameters(string? fileName, string? year, string? importer, string? criteria)
    {
        var isYear = int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y);
        return new(fileName ?? "", Path.GetExtension(fileName ?? "").ToLowerInvariant(), isYear ? y : 0,
            string.IsNullOrWhiteSpace(importer) ? "EU27" : importer.Trim(), string.IsNullOrWhiteSpace(criteria) ? "eu" : criteria.Trim().ToLowerInvariant())
        {
            YearAsGiven = isYear ? null : year ?? "",
        };
    }
}

public sealed record AssessmentImportSummaryView(int ScenariosCreated, int ScenariosUpdated, int AssessmentsCreated, int AssessmentsUpdated);

/// <summary>Jobs of every kind over HTTP: follow one, cancel it, take the file it made; and queue a report build.</summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization().RequireRateLimiting("api");

        api.MapGet("/{id:guid}", async (Guid id, BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.FindAsync(id, ct)).ToResponse(j => TypedResults.Ok(JobStatusView.From(j))))
            .WithSummary("A job of yours (analysis, assessment import, report build): state, percentage, result, reasons")
            .Produces<JobStatusView>().ProducesProblem(404);

        api.MapPost("/{id:guid}/cancel", async (Guid id, BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.CancelAsync(id, ct)).ToResponse(j => TypedResults.Ok(JobStatusView.From(j))))
            .WithSummary("Cancel a waiting or running job of yours (a running one stops within a second, on whichever node runs it)")
            .Produces<JobStatusView>().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/{id:guid}/output", async (Guid id, BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.OutputAsync(id, ct)).ToResponse(o => Path.GetExtension(o.Name) switch
                {
                    ".html" => Results.File(o.Content, "text/html; charset=utf-8"),
                    ".csv" => Results.File(o.Content, "text/csv; charset=utf-8", o.Name),
                    _ => Results.File(o.Content, StrategyEndpoints.DocxType, o.Name),
                }))
            .WithSummary("The file a finished job of yours made (a built report, HTML or DOCX; a trade screen's CSV)")
            .Produces(200, contentType: "text/html").Produces(200, contentType: StrategyEndpoints.DocxType).Produces(200, contentType: "text/csv").ProducesProblem(404);

        app.MapGroup("/api/analysis").WithTags("Analysis").RequireAuthorization().RequireRateLimiting("api")
            .MapPost("/runs/{code}/report/jobs", async (string code, string? format, string? lang, BackgroundJobs jobs, Hosting.JobWorker worker, CancellationToken ct) =>
            {
                var started = await jobs.StartAnalysisReportAsync(code, format, lang ?? (Localization.Ui.IsEnglish ? "en" : "nl"), ct);
                if (started.IsOk) worker.Wake();
                return started.ToResponse(j => TypedResults.Accepted($"/api/jobs/{j.Id}", JobStatusView.From(j)));
            })
            .WithSummary("Queue the build of the run's full report (HTML or DOCX; lang nl or en) as a job any node runs; take it from the job's output")
            .Produces<JobStatusView>(202).ProducesValidationProblem().ProducesProblem(404);

        app.MapGroup("/api/dependencies").WithTags("Dependencies").RequireAuthorization().RequireRateLimiting("api")
            .MapPost("/screen/jobs", async ([FromForm] IFormFile? file, [FromForm] string? year, [FromForm] string? importer, [FromForm] string? criteria,
                BackgroundJobs jobs, Hosting.JobWorker worker, CancellationToken ct) =>
            {
                await using var content = file?.OpenReadStream() ?? Stream.Null;
                var started = await jobs.StartTradeScreenAsync(TradeScreenUpload.Parameters(file?.FileName, year, importer, criteria), content, ct);
                if (started.IsOk) worker.Wake();
                return started.ToResponse(j => TypedResults.Accepted($"/api/jobs/{j.Id}", JobStatusView.From(j)));
            })
            .DisableAntiforgery() // API clients authenticate with a bearer token, not a cookie; the page posts through its own form
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TradeScreenUpload.MaxFileBytes + RequestLimits.FormOverheadBytes))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = TradeScreenUpload.MaxFileBytes + RequestLimits.FormOverheadBytes })
            .WithSummary("Queue the dependency screen of a BACI trade file (multipart: file, year, importer = EU27, criteria = eu|geodep|merics) as a job; its dependent products become dependency records, its CSV the job's output")
            .Produces<JobStatusView>(202).ProducesValidationProblem().ProducesProblem(403);
        return app;
    }
}

/// <summary>
/// Builds an analysis run's full report in the background: the same recomputation from the run's stored inputs and seed,
/// and the same composition, as <c>GET /api/analysis/runs/{code}/report</c>, as the job's owner may see the register now.
/// </summary>
public sealed class AnalysisReportJob(ReproduceAnalysisRun reproduce, GatherReportDetails gather, ReadMarkings markings, ICurrentUser owner) : IJobKind
{
    public string Kind => JobKinds.AnalysisReport;

    public async Task<JobOutcome> RunAsync(string parameters, IProgress<double> progress, CancellationToken ct)
    {
        var settings = JsonSerializer.Deserialize<AnalysisReportParameters>(parameters, BackgroundJobs.Json)!;
        progress.Report(0.05);
        var run = await reproduce.HandleAsync(settings.RunCode, ct: ct);
        if (!run.IsOk) return JobOutcome.Failed(run.Message ?? $"run: '{settings.RunCode}' cannot be read");
        if (run.Value!.Result is null) return JobOutcome.Failed($"run: '{settings.RunCode}' is not reproducible: {run.Value.Note}");
        progress.Report(0.7);
        var document = await AnalysisEndpoints.Report(run.Value, gather, markings, owner, settings.Language, ct);
        progress.Report(0.9);
        var content = settings.Format == "docx" ? DocxWriter.ToBytes(document) : System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(document));
        return new JobOutcome(JobState.Done, settings.RunCode, Output: content, OutputName: $"{settings.RunCode}-report.{settings.Format}");
    }
}
