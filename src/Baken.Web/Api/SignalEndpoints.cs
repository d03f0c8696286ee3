using System.Globalization;
using Baken.Methods.Signals;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static Baken.Web.Api.ResultResponses;
using static Baken.Web.Api.StrategyEndpoints;

namespace Baken.Web.Api;

public sealed record ReviewBody(string Decision, string? Into);

public sealed record SignalView(string Code, DateOnly Date, string Title, string? Summary, string? Source, string? Url, string? Reliability, string? Credibility,
    string? Tags, string? DuplicateOf, string Classification);

/// <param name="Marking">The finding's marking line: the high-water mark of its parts.</param>
public sealed record FindingView(string Target, double Pressure, IReadOnlyList<string> Sources, DateOnly From, DateOnly To, string Explanation, string Marking);

/// <summary>Early warning over HTTP: the review queue, signal files, alerts and stacked threats.</summary>
public static class SignalEndpoints
{
    public static IEndpointRouteBuilder MapSignalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Early warning").RequireAuthorization().RequireRateLimiting("api");
        api.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.JsonBodyBytes)); // file uploads below name their own

        api.MapGet("/signals/review", async (ReviewSignals review, CancellationToken ct) =>
                TypedResults.Ok((await review.QueueAsync(500, ct)).Select(s => new SignalView(s.Code, s.Date, s.Title, s.Summary, s.Source, s.Url, s.Reliability,
                    s.Credibility, s.Tags, s.DuplicateOf, Domain.Security.ClassificationLevels.DisplayName(s.ClassificationLevel))).ToList()))
            .WithSummary("The review queue: new signals with the signal each may duplicate");

        api.MapPost("/signals/{code}/review", async (string code, ReviewBody body, ReviewSignals review, CancellationToken ct) =>
            {
                SignalReviewDecision? decision = body.Decision?.ToLowerInvariant() switch { "accept" => SignalReviewDecision.Accept, "merge" => SignalReviewDecision.Merge, "reject" => SignalReviewDecision.Reject, _ => null };
                if (decision is null) return Invalid("decision", body.Decision, "accept, merge or reject");
                return (await review.DecideAsync(code, decision.Value, body.Into, ct)).ToResponse(v => TypedResults.Ok(v));
            })
            .WithSummary("Accept, merge (into the signal it duplicates) or reject a signal").ProducesProblem(404).ProducesValidationProblem();

        api.MapPost("/signals/import", async ([FromForm] IFormFile? file, SignalIntake intake, IOptions<FileLimits> limits, CancellationToken ct) =>
            {
                if (file is null) return Invalid("file", null, "a CSV, JSON, RSS or Atom file in the multipart field 'file'");
                var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
                if (extension is not (".csv" or ".json" or ".xml" or ".rss" or ".atom")) return Invalid("file", file.FileName, "a .csv, .json, .xml, .rss or .atom file");
                if (file.Length > SignalFileReader.MaxFileBytes) return Invalid("file", file.FileName, string.Create(CultureInfo.InvariantCulture, $"at most {SignalFileReader.MaxFileBytes:N0} bytes"));
                var path = Path.Combine(Path.GetTempPath(), $"baken-signals-{Guid.NewGuid():N}{extension}");
                try
                {
                    await using (var target = File.Create(path)) await file.CopyToAsync(target, ct);
                    var (signals, errors) = SignalSources.ReadFile(path, limits.Value);
                    if (errors.Count > 0) return Application.Common.Result<IntakeSummary>.Invalid(errors).ToResponse(_ => Results.Empty);
                    return (await intake.HandleAsync(signals, null, ct)).ToResponse(s => TypedResults.Ok(s));
                }
                finally { File.Delete(path); }
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SignalFileReader.MaxFileBytes + RequestLimits.FormOverheadBytes))
            .WithSummary("Take signals from a CSV, JSON, RSS or Atom file into the review queue (all or nothing)").ProducesValidationProblem();

        api.MapPost("/alerts/evaluate", async (string? since, EvaluateAlerts evaluate, TimeProvider clock, CancellationToken ct) =>
            {
                DateOnly? from = null;
                if (since is not null)
                {
                    if (!TryDate(since, clock, out var d)) return Invalid("since", since, "a date as yyyy-MM-dd");
                    from = d;
                }
                return (await evaluate.HandleAsync(from, ct)).ToResponse(list => TypedResults.Ok(list.Select(a => a.Code).ToList()));
            })
            .WithSummary("Turn new threshold crossings and jumps of the indicators you may see into alerts").ProducesValidationProblem();

        // POST /api/alerts/{code}/review opens likelihood reviews: WorkflowEndpoints.

        api.MapGet("/threats/stacked", async (string? asOf, int? windowDays, StackedThreatScan scan, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryDate(asOf, clock, out var today)) return Invalid("asOf", asOf, "a date as yyyy-MM-dd");
                if (windowDays is < 1 or > 3660) return Invalid("windowDays", windowDays.ToString(), "1 to 3660");
                var findings = await scan.HandleMarkedAsync(today, new StackSettings(windowDays ?? 180), ct);
                return TypedResults.Ok(findings.Select(m => new FindingView(m.Finding.Target, m.Finding.Pressure,
                    m.Finding.Parts.Select(p => p.SourceId).Distinct().ToList(), m.Finding.From, m.Finding.To, m.Finding.Explanation, m.Marking.Text)).ToList());
            })
            .WithSummary("Stacked threats: targets under pressure from many weak signals and indicator moves").ProducesValidationProblem();
        return app;
    }
}
