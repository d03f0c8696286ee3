using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Releases;
using Baken.Domain.Releases;
using Baken.Infrastructure.Releases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Baken.Web.Api.ResultResponses;
using static Baken.Web.Api.StrategyEndpoints;

namespace Baken.Web.Api;

/// <summary>A release as the API lists it (the file itself through <c>/api/releases/{code}/file</c>).</summary>
public sealed record ReleaseView(string Code, string Product, string Subject, string Title, string Audience, int Version, string Marking,
    string ReleasedBy, DateTime ReleasedAtUtc, string Sha256, string FileName, string ContentType, long Size)
{
    public static ReleaseView From(Release r) => new(r.Code, r.ProductKind, r.Subject, r.Title, r.Audience, r.ReleaseNumber, r.Marking,
        r.ReleasedBy, r.ReleasedAtUtc, r.Sha256, r.FileName, r.ContentType, r.Size);
}

/// <param name="Product">A run code, or progress, dependencies, agenda, minutes, summary.</param>
/// <param name="Subject">The meeting code for agenda, minutes and summary.</param>
public sealed record ReleaseBody(string Product, string? Subject, string Audience, string? Format, string? Lang, string? AsOf);

/// <summary>Released products over HTTP: list and download (the Public role sees what was released to the public), and release.</summary>
public static class ReleaseEndpoints
{
    public static IEndpointRouteBuilder MapReleaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/releases").WithTags("Releases").RequireAuthorization().RequireRateLimiting("api");

        api.MapGet("", async (ListReleases list, CancellationToken ct) => TypedResults.Ok((await list.HandleAsync(ct)).Select(ReleaseView.From).ToList()))
            .WithSummary("The released products you may see, newest first");

        api.MapGet("/{code}/file", async (string code, ListReleases list, CancellationToken ct) =>
                (await list.GetAsync(code, ct)).ToResponse(r => Results.File(r.Content, r.ContentType, r.FileName)))
            .WithSummary("The stored file of a release, exactly as released (its SHA-256 is in the listing)").ProducesProblem(404);

        api.MapPost("", async (ReleaseBody body, ProductDocuments products, ReleaseProduct release, ReadMarkings markings, TimeProvider clock, CancellationToken ct) =>
            {
                if ((body.Format ?? "docx") is not ("docx" or "html")) return Invalid("format", body.Format, "docx or html");
                if ((body.Lang ?? "nl") is not ("nl" or "en")) return Invalid("lang", body.Lang, "nl or en");
                if (!TryDate(body.AsOf, clock, out var today)) return Invalid("asOf", body.AsOf, "a date as yyyy-MM-dd");
                var read = await markings.AudienceAsync(body.Audience, ct);
                if (!read.IsOk) return read.ToResponse(_ => Results.Empty);
                var audience = read.Value!;
                var lang = body.Lang ?? "nl";
                var what = body.Product ?? "";
                Result<AudienceProduct> made = what.ToLowerInvariant() switch
                {
                    "progress" => Result<AudienceProduct>.Ok(await products.ProgressAsync(audience, today, lang, ct: ct)),
                    "dependencies" => Result<AudienceProduct>.Ok(await products.DependenciesAsync(audience, lang, ct)),
                    "agenda" or "minutes" or "summary" when body.Subject is not null => await products.MeetingAsync(what.ToLowerInvariant(), body.Subject, audience, lang, ct),
                    "analysis" when body.Subject is not null => await products.AnalysisAsync(body.Subject, audience, lang, ct),
                    _ when what.StartsWith("RUN-", StringComparison.OrdinalIgnoreCase) => await products.AnalysisAsync(what, audience, lang, ct),
                    _ => Result<AudienceProduct>.Invalid(new FieldError("product", what, ReleaseRules.ProductKindsWithSubject)),
                };
                if (!made.IsOk) return Result<ReleaseView>.Failed(made).ToResponse(_ => Results.Empty);
                return (await ReleaseFiles.ReleaseAsync(release, made.Value!, audience, body.Format ?? "docx", ct))
                    .ToResponse(r => Results.Created($"/api/releases/{r.Code}", ReleaseView.From(r)));
            })
            .WithSummary("Release a product to an audience (coordinators and administrators): rendered for it, refused when it holds anything the audience may not see")
            .Produces<ReleaseView>(201).ProducesProblem(403).ProducesProblem(404).ProducesValidationProblem();
        return app;
    }
}
