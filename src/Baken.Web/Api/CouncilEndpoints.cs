using System.Globalization;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Infrastructure.Reports.Councils;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Baken.Web.Api.ResultResponses;
using static Baken.Web.Api.StrategyEndpoints;

namespace Baken.Web.Api;

/// <summary>Council steering over HTTP: the forward agenda, actions, coverage, meeting papers and uploaded papers.</summary>
public static class CouncilEndpoints
{
    public static IEndpointRouteBuilder MapCouncilApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Councils").RequireAuthorization().RequireRateLimiting("api");
        api.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.JsonBodyBytes)); // file uploads below name their own

        api.MapGet("/councils/agenda", async (string? asOf, string? council, int? windowDays, ForwardAgenda agenda, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryDate(asOf, clock, out var today)) return Invalid("asOf", asOf, "a date as yyyy-MM-dd");
                if (windowDays is < 0 or > 3660) return Invalid("windowDays", windowDays.ToString(), "0 to 3660");
                return TypedResults.Ok(ForwardAgendaResponse.From(await agenda.HandleAsync(today, council, windowDays ?? 90, ct)));
            })
            .WithSummary("The forward agenda across all councils, with overlap warnings and overdue actions returning to the next meeting")
            .Produces<ForwardAgendaResponse>().ProducesValidationProblem();

        api.MapGet("/councils/actions", async (string? asOf, string? council, bool? overdue, ForwardAgenda agenda, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryDate(asOf, clock, out var today)) return Invalid("asOf", asOf, "a date as yyyy-MM-dd");
                var actions = (await agenda.ActionsAsync(today, council, ct)).Select(a => ActionViews.Of(a, today));
                return TypedResults.Ok(actions.Where(a => overdue != true || a.Overdue).ToList());
            })
            .WithSummary("Follow-up actions of council decisions; overdue=true for the open ones past their deadline")
            .Produces<List<ActionView>>().ProducesValidationProblem();

        api.MapGet("/councils/coverage", async (string from, string? to, ForwardAgenda agenda, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryDate(from, clock, out var first)) return Invalid("from", from, "a date as yyyy-MM-dd");
                if (!TryDate(to, clock, out var last) || last < first) return Invalid("to", to, "a date as yyyy-MM-dd, not before from");
                return TypedResults.Ok(CoverageResponse.Of(await agenda.CoverageAsync(first, last, ct)));
            })
            .WithSummary("Which goals of the strategy the councils discussed in a cycle").Produces<CoverageResponse>().ProducesValidationProblem();

        api.MapGet("/meetings/{code}/papers", async (string code, string? kind, string? format, string? lang, MeetingPapers papers, CancellationToken ct) =>
            {
                if ((kind ?? "agenda") is not ("agenda" or "minutes" or "public")) return Invalid("kind", kind, "agenda, minutes or public");
                if ((format ?? "docx") is not ("docx" or "html")) return Invalid("format", format, "docx or html");
                if ((lang ?? "nl") is not ("nl" or "en")) return Invalid("lang", lang, "nl or en");
                var audience = kind == "public" ? Audience.Public : Audience.Caller;
                return (await papers.HandleAsync(code, audience, ct)).ToResponse(view => Document(
                    kind is "minutes" or "public" ? MeetingDocuments.Minutes(view, lang ?? "nl") : MeetingDocuments.Agenda(view, lang ?? "nl"),
                    format ?? "docx", $"{view.Meeting.Code}-{kind ?? "agenda"}"));
            })
            .WithSummary("A meeting's agenda and papers pack, minutes, or public summary (by redaction) as DOCX or HTML")
            .ProducesProblem(404).ProducesValidationProblem();

        api.MapGet("/meetings/{code}/pack", async (string code, string? lang, MeetingPapers papers, StorePaper store, ReadMarkings markings, CancellationToken ct) =>
            {
                if ((lang ?? "nl") is not ("nl" or "en")) return Invalid("lang", lang, "nl or en");
                var result = await papers.HandleAsync(code, Audience.Caller, ct);
                if (!result.IsOk) return result.ToResponse(_ => Results.Empty);
                var directory = await markings.DirectoryAsync(ct);
                var zip = await PapersPack.BuildAsync(result.Value!, async (c, t) => (await store.OpenAsync(c, t)).Value?.Content, lang ?? "nl", ct, c => directory.Marking(c).Text);
                return TableDownload.Marked(Results.File(zip, "application/zip", $"{code}-papers.zip"), result.Value!.Marking.Text);
            })
            .WithSummary("A meeting's papers pack: the agenda and every paper you may see, as one ZIP file").ProducesProblem(404).ProducesValidationProblem();

        api.MapPost("/agenda-items/{code}/papers", async (string code, [FromForm] PaperUpload upload, StorePaper store, CancellationToken ct) =>
            {
                if (upload.File is null) return Invalid("file", null, "a file in the multipart field 'file'");
                if (upload.File.Length > StorePaper.MaximumBytes) return Invalid("file", string.Create(CultureInfo.InvariantCulture, $"{upload.File.FileName} ({upload.File.Length:N0} bytes)"), string.Create(CultureInfo.InvariantCulture, $"a file of at most {StorePaper.MaximumBytes:N0} bytes"));
                using var buffer = new MemoryStream();
                await upload.File.CopyToAsync(buffer, ct);
                var result = await store.HandleAsync(new StorePaperRequest(code, upload.Title ?? upload.File.FileName, upload.File.FileName, upload.File.ContentType,
                    buffer.ToArray(), upload.Classification, upload.Compartments, upload.Code), ct);
                return result.ToResponse(p => TypedResults.Created($"/api/papers/{p.Code}/content", p));
            })
            .DisableAntiforgery() // API clients authenticate with a bearer token, not a cookie; the pages post through their own form
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(StorePaper.MaximumBytes + RequestLimits.FormOverheadBytes))
            .WithSummary("Upload a paper for an agenda item, stored with its own classification (at least the item's)")
            .Produces<PaperView>(201).ProducesProblem(404).ProducesValidationProblem();

        api.MapGet("/papers/{code}/content", async (string code, StorePaper store, CancellationToken ct) =>
                (await store.OpenAsync(code, ct)).ToResponse(d => Results.File(d.Content, d.ContentType, d.FileName)))
            .WithSummary("Download a paper, if your clearance allows").ProducesProblem(404);
        return app;
    }
}

public sealed class PaperUpload
{
    public IFormFile? File { get; set; }
    public string? Title { get; set; }
    public string? Classification { get; set; }
    public string? Compartments { get; set; }
    public string? Code { get; set; }
}
