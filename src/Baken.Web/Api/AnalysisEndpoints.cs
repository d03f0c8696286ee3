using System.Globalization;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Infrastructure.Reports.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Baken.Web.Api;

/// <param name="Official">Only validated assessments (an official run); otherwise every visible assessment and the run may be a concept.</param>
public sealed record StartAnalysisBody(string? Profile, double? Factor, int? Iterations, long? Seed, string? AsClearance, bool? Official = null);

/// <param name="Concept">The run used assessments that are not validated.</param>
public sealed record StartedAnalysis(string RunCode, string Classification, int Scenarios, bool Concept = false);

/// <summary>
/// A run computing in the background: its state (Waiting, Running, Done, Failed, Cancelled), how far its Monte Carlo is,
/// the run it stored, and why it failed, was cancelled or was started again on another node.
/// </summary>
public sealed record AnalysisJobView(Guid Id, string State, int Percent, string? RunCode, IReadOnlyList<string> Errors,
    DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc)
{
    public static AnalysisJobView From(Application.Jobs.JobView job) =>
        new(job.Id, job.State.ToString(), (int)Math.Floor(job.Progress * 100), job.ResultCode, job.Reasons, job.CreatedAtUtc, job.StartedAtUtc, job.FinishedAtUtc);
}

/// <summary>Analysis runs over HTTP: start one over the register, open its report and results, compare two.</summary>
public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analysis").WithTags("Analysis").RequireAuthorization().RequireRateLimiting("api");
        api.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.JsonBodyBytes)); // file uploads below name their own

        api.MapPost("/runs", async (StartAnalysisBody body, RunIntegratedAnalysis handler, CancellationToken ct) =>
            {
                if (!TryRequest(body, out var request, out var problem)) return problem!;
                var result = await handler.HandleAsync(request!, ct);
                return result.ToResponse(o => TypedResults.Created($"/api/analysis/runs/{o.RunCode}",
                    new StartedAnalysis(o.RunCode!, o.Classification.Level.DisplayName(), o.Result.Scenarios.Count, o.Concept)));
            })
            .WithSummary("Run the integrated analysis over the register you may see and store the run (waits until it is done)")
            .Produces<StartedAnalysis>(201).ProducesValidationProblem();

        api.MapPost("/jobs", async (StartAnalysisBody body, Application.Jobs.BackgroundJobs jobs, Hosting.JobWorker worker, CancellationToken ct) =>
            {
                if (!TryRequest(body, out var request, out var problem)) return problem!;
                var started = await jobs.StartAnalysisAsync(request!, ct);
                if (started.IsOk) worker.Wake();
                return started.ToResponse(job => Results.Accepted($"/api/analysis/jobs/{job.Id}", AnalysisJobView.From(job)));
            })
            .WithSummary("Queue the integrated analysis as a job that any node runs; follow it at the returned location (from any node)")
            .Produces<AnalysisJobView>(202).ProducesValidationProblem().ProducesProblem(403);

        api.MapGet("/jobs/{id:guid}", async (Guid id, Application.Jobs.BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.FindAsync(id, ct)).ToResponse(j => TypedResults.Ok(AnalysisJobView.From(j))))
            .WithSummary("A background analysis: Waiting, Running with its percentage, Done with its run code, or Failed or Cancelled with the reasons")
            .Produces<AnalysisJobView>().ProducesProblem(404);

        api.MapPost("/jobs/{id:guid}/cancel", async (Guid id, Application.Jobs.BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.CancelAsync(id, ct)).ToResponse(j => TypedResults.Ok(AnalysisJobView.From(j))))
            .WithSummary("Cancel a waiting or running analysis of yours (a running one stops within a second, on whichever node runs it)")
            .Produces<AnalysisJobView>().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/runs/{code}/report", async (string code, string? format, string? lang, ReproduceAnalysisRun handler, GatherReportDetails gather, ReadMarkings markings, ICurrentUser reader,
                CancellationToken ct) =>
            {
                // Without lang the report speaks the page's language (Dutch unless the user switched to English).
                var language = lang ?? (Localization.Ui.IsEnglish ? "en" : "nl");
                if (language is not ("nl" or "en")) return ResultResponses.Invalid("lang", lang, "nl or en");
                if ((format ?? "html") is not ("html" or "docx")) return ResultResponses.Invalid("format", format, "html or docx");
                var run = await handler.HandleAsync(code, ct: ct);
                if (!run.IsOk || run.Value!.Result is null)
                    return run.ToResponse(r => ResultResponses.Problem(StatusCodes.Status409Conflict, "Not reproducible", r.Note));
                var document = await Report(run.Value, gather, markings, reader, language, ct);
                return StrategyEndpoints.Document(document, format ?? "html", $"{code}-report");
            })
            .WithSummary("The run's full report (HTML or DOCX; lang nl or en, default the page's language), recomputed from its stored inputs and seed")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/runs/{code}/results", async (string code, string? format, ReproduceAnalysisRun handler, ReadMarkings markings, CancellationToken ct) =>
            {
                if (!TableDownload.TryFormat(format, out var f))
                    return ResultResponses.Invalid("format", format, TableDownload.Allowed);
                var run = await handler.HandleAsync(code, ct: ct);
                // The run's marking: the high-water mark of the assessment and scenario rows it used (stored on the run).
                var marking = run.IsOk ? await markings.LineAsync(run.Value!.Run.Classification, ct) : "";
                return run.ToResponse(r => f == "json" ? TableDownload.Marked(TypedResults.Ok(r.Stored), marking) : RankingFile(r.Run.Code, r.Stored, f, marking));
            })
            .WithSummary("The run's stored results per scenario, as JSON or as a CSV/XLSX table (format=csv|xlsx)")
            .Produces<IReadOnlyList<ScenarioSummary>>().Produces(200, contentType: "text/csv").Produces(200, contentType: TableDownload.XlsxType)
            .ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/compare", async (string before, string after, CompareAnalysisRuns handler, CancellationToken ct) =>
                (await handler.HandleAsync(before, after, ct)).ToResponse(c => TypedResults.Ok(c)))
            .WithSummary("What moved between two runs, and why").Produces<RunComparison>().ProducesProblem(404);
        return app;
    }

    /// <summary>The run request for a body, or a validation problem naming the field.</summary>
    private static bool TryRequest(StartAnalysisBody body, out RunIntegratedAnalysisRequest? request, out IResult? problem)
    {
        request = null;
        problem = null;
        ClassificationLevel? level = null;
        if (body.AsClearance is { } text)
        {
            if (!ClassificationLevels.TryParse(text, out var l))
            {
                problem = ResultResponses.Invalid("asClearance", text, ClassificationLevels.Allowed);
                return false;
            }
            level = l;
        }
        request = new RunIntegratedAnalysisRequest(null, null, body.Profile, body.Factor ?? 3, body.Iterations ?? 10_000, body.Seed ?? 1, level,
            CodeVersion: IntegratedAnalysisReport.CodeVersion, Official: body.Official ?? false);
        return true;
    }

    private static readonly string[] RankingColumns =
        ["rank", "scenario", "title", "theme", "likelihood", "impact_value", "impact_class", "p05", "p50", "p95", "p_top5", "p_top10", "medal_rank", "evamix_rank", "analysts"];

    private static IResult RankingFile(string runCode, IReadOnlyList<ScenarioSummary> rows, string format, string marking) =>
        TableDownload.File($"{runCode}-ranking", RankingColumns, rows.OrderBy(s => s.Rank).Select(s => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["rank"] = s.Rank.ToString(CultureInfo.InvariantCulture), ["scenario"] = s.Id, ["title"] = s.Title, ["theme"] = s.Theme,
            ["likelihood"] = s.Likelihood, ["impact_value"] = TableDownload.Number(s.ImpactValue), ["impact_class"] = s.ImpactBand,
            ["p05"] = TableDownload.Number(s.P05), ["p50"] = TableDownload.Number(s.P50), ["p95"] = TableDownload.Number(s.P95),
            ["p_top5"] = TableDownload.Number(s.PTop5), ["p_top10"] = TableDownload.Number(s.PTop10),
            ["medal_rank"] = s.MedalRank.ToString(CultureInfo.InvariantCulture), ["evamix_rank"] = s.EvamixRank.ToString(CultureInfo.InvariantCulture),
            ["analysts"] = s.AnalystCount.ToString(CultureInfo.InvariantCulture),
        }), format, marking);

    /// <summary>The report of a reproduced run, with what the register holds about its scenarios as the caller may see it.</summary>
    /// <remarks>The marking line is the run's high-water mark with its compartments (METHODS §10); a reader outside the
    /// internal classified audience sees analysts as A1…An (<see cref="AnalystNames"/>).</remarks>
    public static async Task<ReportDocument> Report(ReproducedRun r, GatherReportDetails gather, ReadMarkings markings, ICurrentUser reader,
        string language, CancellationToken ct)
    {
        var details = await gather.HandleAsync(r.Result!.Scenarios.Select(s => s.Id).ToList(), r.Run.Code, ct);
        var marking = await markings.LineAsync(r.Run.Classification, ct);
        return AnalysisReport.Compose(r.Result, IntegratedAnalysisReport.Options(r.Catalogue, r.Run.Code, r.Run.RunAtUtc, marking, r.Run.Concept,
            AnalystNames.Hidden(reader), r.Run.KnowledgeWidening), details, language);
    }
}
