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

/// <summary>Analysis runs over HTTP: start one over the register, open its report and results, compare two.</summary>
public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analysis").WithTags("Analysis").RequireAuthorization().RequireRateLimiting("api");

        api.MapPost("/runs", async (StartAnalysisBody body, RunIntegratedAnalysis handler, CancellationToken ct) =>
            {
                ClassificationLevel? level = null;
                if (body.AsClearance is { } text)
                {
                    if (!ClassificationLevels.TryParse(text, out var l))
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["asClearance"] = [ClassificationLevels.Allowed] });
                    level = l;
                }
                var result = await handler.HandleAsync(new RunIntegratedAnalysisRequest(null, null, body.Profile, body.Factor ?? 3,
                    body.Iterations ?? 10_000, body.Seed ?? 1, level, CodeVersion: IntegratedAnalysisReport.CodeVersion), ct);
                return result.ToResponse(o => TypedResults.Created($"/api/analysis/runs/{o.RunCode}",
                    new StartedAnalysis(o.RunCode!, o.Classification.Level.DisplayName(), o.Result.Scenarios.Count)));
            })
            .WithSummary("Run the integrated analysis over the register you may see and store the run")
            .Produces<StartedAnalysis>(201).ProducesValidationProblem();

        api.MapGet("/runs/{code}/report", async (string code, ReproduceAnalysisRun handler, CancellationToken ct) =>
                (await handler.HandleAsync(code, ct: ct)).ToResponse(r => r.Result is null
                    ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not reproducible", detail: r.Note)
                    : Results.Content(Report(r), "text/html; charset=utf-8")))
            .WithSummary("The run's full HTML report, recomputed from its stored inputs and seed").ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/runs/{code}/results", async (string code, ReproduceAnalysisRun handler, CancellationToken ct) =>
                (await handler.HandleAsync(code, ct: ct)).ToResponse(r => TypedResults.Ok(r.Stored)))
            .WithSummary("The run's stored results per scenario").Produces<IReadOnlyList<ScenarioSummary>>().ProducesProblem(404);

        api.MapGet("/compare", async (string before, string after, CompareAnalysisRuns handler, CancellationToken ct) =>
                (await handler.HandleAsync(before, after, ct)).ToResponse(c => TypedResults.Ok(c)))
            .WithSummary("What moved between two runs, and why").Produces<RunComparison>().ProducesProblem(404);
        return app;
    }

    public static string Report(ReproducedRun r) =>
        HtmlReportWriter.Render(r.Result!, IntegratedAnalysisReport.Options(r.Catalogue,
            $"{r.Run.Code} · {r.Run.RunAtUtc:yyyy-MM-dd HH:mm} UTC · code {r.Run.CodeVersion}", r.Run.ClassificationLevel.DisplayName()));
}
