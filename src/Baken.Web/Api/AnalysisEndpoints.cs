using System.Globalization;
using Baken.Application.Analysis;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Analysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Baken.Web.Api;

public sealed record StartAnalysisBody(string? Profile, double? Factor, int? Iterations, long? Seed, string? AsClearance);

public sealed record StartedAnalysis(string RunCode, string Classification, int Scenarios);

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
                    new StartedAnalysis(o.RunCode!, o.Classification.Level.DisplayName(), o.Result.Scenarios.Count)));
            })
            .WithSummary("Run the integrated analysis over the register you may see and store the run (waits until it is done)")
            .Produces<StartedAnalysis>(201).ProducesValidationProblem();

        api.MapPost("/jobs", async (StartAnalysisBody body, Application.Jobs.BackgroundJobs jobs, Hosting.JobWorker worker, CancellationToken ct) =>
            {
                if (!TryRequest(body, out var request, out var problem)) return problem!;
                var job = await jobs.StartAnalysisAsync(request!, ct);
                worker.Wake();
                return Results.Accepted($"/api/analysis/jobs/{job.Id}", AnalysisJobView.From(job));
            })
            .WithSummary("Queue the integrated analysis as a job that any node runs; follow it at the returned location (from any node)")
            .Produces<AnalysisJobView>(202).ProducesValidationProblem();

        api.MapGet("/jobs/{id:guid}", async (Guid id, Application.Jobs.BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.FindAsync(id, ct)).ToResponse(j => TypedResults.Ok(AnalysisJobView.From(j))))
            .WithSummary("A background analysis: Waiting, Running with its percentage, Done with its run code, or Failed or Cancelled with the reasons")
            .Produces<AnalysisJobView>().ProducesProblem(404);

        api.MapPost("/jobs/{id:guid}/cancel", async (Guid id, Application.Jobs.BackgroundJobs jobs, CancellationToken ct) =>
                (await jobs.CancelAsync(id, ct)).ToResponse(j => TypedResults.Ok(AnalysisJobView.From(j))))
            .WithSummary("Cancel a waiting or running analysis of yours (a running one stops within a second, on whichever node runs it)")
            .Produces<AnalysisJobView>().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/runs/{code}/report", async (string code, ReproduceAnalysisRun handler, CancellationToken ct) =>
                (await handler.HandleAsync(code, ct: ct)).ToResponse(r => r.Result is null
                    ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not reproducible", detail: r.Note)
                    : Results.Content(Report(r), "text/html; charset=utf-8")))
            .WithSummary("The run's full HTML report, recomputed from its stored inputs and seed").ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/runs/{code}/results", async (string code, string? format, ReproduceAnalysisRun handler, CancellationToken ct) =>
            {
                if (!TableDownload.TryFormat(format, out var f))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"'{format}' is not allowed; allowed: {TableDownload.Allowed}"] });
                return (await handler.HandleAsync(code, ct: ct)).ToResponse(r => f == "json" ? TypedResults.Ok(r.Stored) : RankingFile(r.Run.Code, r.Stored, f));
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
                problem = Results.ValidationProblem(new Dictionary<string, string[]> { ["asClearance"] = [ClassificationLevels.Allowed] });
                return false;
            }
            level = l;
        }
        request = new RunIntegratedAnalysisRequest(null, null, body.Profile, body.Factor ?? 3, body.Iterations ?? 10_000, body.Seed ?? 1, level,
            CodeVersion: IntegratedAnalysisReport.CodeVersion);
        return true;
    }

    private static readonly string[] RankingColumns =
        ["rank", "scenario", "title", "theme", "likelihood", "impact_value", "impact_class", "p05", "p50", "p95", "p_top5", "p_top10", "medal_rank", "evamix_rank", "analysts"];

    private static IResult RankingFile(string runCode, IReadOnlyList<ScenarioSummary> rows, string format) =>
        TableDownload.File($"{runCode}-ranking", RankingColumns, rows.OrderBy(s => s.Rank).Select(s => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["rank"] = s.Rank.ToString(CultureInfo.InvariantCulture), ["scenario"] = s.Id, ["title"] = s.Title, ["theme"] = s.Theme,
            ["likelihood"] = s.Likelihood, ["impact_value"] = TableDownload.Number(s.ImpactValue), ["impact_class"] = s.ImpactBand,
            ["p05"] = TableDownload.Number(s.P05), ["p50"] = TableDownload.Number(s.P50), ["p95"] = TableDownload.Number(s.P95),
            ["p_top5"] = TableDownload.Number(s.PTop5), ["p_top10"] = TableDownload.Number(s.PTop10),
            ["medal_rank"] = s.MedalRank.ToString(CultureInfo.InvariantCulture), ["evamix_rank"] = s.EvamixRank.ToString(CultureInfo.InvariantCulture),
            ["analysts"] = s.AnalystCount.ToString(CultureInfo.InvariantCulture),
        }), format);

    public static string Report(ReproducedRun r) =>
        HtmlReportWriter.Render(r.Result!, IntegratedAnalysisReport.Options(r.Catalogue,
            $"{r.Run.Code} · {r.Run.RunAtUtc:yyyy-MM-dd HH:mm} UTC · code {r.Run.CodeVersion}", r.Run.ClassificationLevel.DisplayName()));
}
