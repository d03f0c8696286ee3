using System.Globalization;
using Baken.Methods.Measures;
using Baken.Methods.Strategy;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Infrastructure.Releases;
using Baken.Infrastructure.Reports.Documents;
using Baken.Infrastructure.Reports.Progress;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Baken.Web.Api;

/// <summary>The strategy and its follow-up over HTTP: the tree, the gaps, the measures' appraisal, the portfolio and the progress report.</summary>
public static class StrategyEndpoints
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapStrategyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Strategy").RequireAuthorization().RequireRateLimiting("api");
        api.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.JsonBodyBytes)); // file uploads below name their own

        api.MapGet("/strategy/tree", async (LoadStrategy load, CancellationToken ct) => TypedResults.Ok(StrategyTree.From(await load.HandleAsync(null, ct))))
            .WithSummary("Pillars, goals, their measures and indicators with the latest reported progress");

        api.MapGet("/strategy/gaps", async (string? asOf, int? top, int? staleDays, string? format, LoadStrategy load, ReadMarkings markings, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryDate(asOf, clock, out var today)) return ResultResponses.Invalid("asOf", asOf, "a date as yyyy-MM-dd");
                if (top is < 0) return ResultResponses.Invalid("top", top.ToString(), "0 or more");
                if (staleDays is < 1) return ResultResponses.Invalid("staleDays", staleDays.ToString(), "1 or more");
                if (!TableDownload.TryFormat(format, out var f)) return ResultResponses.Invalid("format", format, TableDownload.Allowed);
                var snapshot = await load.HandleAsync(null, ct);
                var report = StrategyGaps.Find(snapshot, today, new GapSettings(top ?? 10, staleDays ?? 365));
                var gaps = GapView.From(report);
                // The marking of the gaps listed: their subjects' high-water mark, not the whole strategy's.
                var marking = await markings.LineAsync(snapshot.GapsClassification(report.Gaps), ct);
                if (f == "json") return TableDownload.Marked(TypedResults.Ok(gaps), marking);
                return TableDownload.File($"gaps-{today:yyyy-MM-dd}", ["kind", "subject", "code", "title", "since", "explanation", "reminder"],
                    gaps.Select(g => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
                    {
                        ["kind"] = g.Kind, ["subject"] = g.Subject, ["code"] = g.Code, ["title"] = g.Title, ["since"] = g.Since?.ToString("yyyy-MM-dd"),
                        ["explanation"] = g.Explanation, ["reminder"] = g.Reminder ? "true" : "false",
                    }), f, marking);
            })
            .WithSummary("Gap analysis: unaddressed high-ranked scenarios, goals without owner/measure/indicator, stale indicators, overdue milestones and actions (format=csv|xlsx for a table)")
            .Produces<IReadOnlyList<GapView>>().ProducesValidationProblem();

        api.MapGet("/portfolio", async (string budget, string? metric, int? draws, int? seed, MeasuresAnalysis analysis, CancellationToken ct) =>
            {
                if (!MeasuresAnalysis.TryParseEuros(budget, out var euros)) return ResultResponses.Invalid("budget", budget, "a non-negative amount in euros such as 500m, 1.2bn, 750k or 2500000");
                if (!TryMetric(metric, out var m)) return ResultResponses.Invalid("metric", metric, "ead or points");
                if (draws is < 0 or > 10_000) return ResultResponses.Invalid("draws", draws.ToString(), "0 to 10 000");
                var result = await analysis.PortfolioAsync(euros, m, draws ?? 200, seed ?? 1, ct: ct);
                return TypedResults.Ok(PortfolioView.From(result));
            })
            .WithSummary("The set of measures that removes the most risk within a budget (exact, CP-SAT), the efficient frontier and how often each measure is chosen under uncertainty")
            .Produces<PortfolioView>().ProducesValidationProblem();

        api.MapGet("/reports/progress", async (string? format, string? asClearance, bool? @public, string? lang, string? asOf,
                ProductDocuments products, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryDate(asOf, clock, out var today)) return ResultResponses.Invalid("asOf", asOf, "a date as yyyy-MM-dd");
                if ((lang ?? "nl") is not ("nl" or "en")) return ResultResponses.Invalid("lang", lang, "nl or en");
                if ((format ?? "docx") is not ("docx" or "html")) return ResultResponses.Invalid("format", format, "docx or html");
                // public=true is the public audience (Ongerubriceerd, no compartments, publishable only); asClearance narrows further.
                var audience = @public == true ? Audience.Public : Audience.Caller;
                if (asClearance is not null)
                {
                    if (!ClassificationLevels.TryParse(asClearance, out var l)) return ResultResponses.Invalid("asClearance", asClearance, ClassificationLevels.Allowed);
                    audience = audience.AtMost(l);
                }
                var product = await products.ProgressAsync(audience, today, lang ?? "nl", ct: ct);
                return Document(product.Document, format ?? "docx", $"progress-report-{today:yyyy-MM-dd}");
            })
            .WithSummary("The progress report on the strategy as DOCX or HTML; public=true gives the public version (Ongerubriceerd, publishable records only)")
            .ProducesValidationProblem();
        return app;
    }

    internal static IResult Document(ReportDocument document, string format, string name) => format == "html"
        ? Results.Content(HtmlDocumentWriter.Write(document), "text/html; charset=utf-8")
        : Results.File(DocxWriter.ToBytes(document), DocxType, name + ".docx");

    internal static bool TryDate(string? text, TimeProvider clock, out DateOnly date)
    {
        if (text is null) { date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime); return true; }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryMetric(string? text, out RiskMetric metric)
    {
        metric = text?.ToLowerInvariant() is "points" or "risk-points" ? RiskMetric.RiskPoints : RiskMetric.ExpectedAnnualDamage;
        return text is null || text.ToLowerInvariant() is "ead" or "points" or "risk-points";
    }
}
