using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Baken.Web.Api;

/// <param name="Values">Each field as text; a list of choices (a dependency's options) may also be a JSON array of objects.</param>
public sealed record CreateRecordBody(string Code, Dictionary<string, System.Text.Json.JsonElement> Values)
{
    public Dictionary<string, string?> Texts() => RegisterEndpoints.Texts(Values);
}

public sealed record UpdateRecordBody(Dictionary<string, System.Text.Json.JsonElement> Values, int? Version)
{
    public Dictionary<string, string?> Texts() => RegisterEndpoints.Texts(Values);
}

public sealed record RecordKindView(string Name, string Plural, string DisplayNl, string DisplayEn, IReadOnlyList<RecordFieldView> Fields);

public sealed record RecordFieldView(string Name, string Description, string Allowed, bool Required, string? References);

/// <summary>The register over HTTP: list, read, create, edit, delete, history, import and export for every kind of record.</summary>
public static class RegisterEndpoints
{
    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/register").WithTags("Register").RequireAuthorization().RequireRateLimiting("api");
        api.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.JsonBodyBytes)); // file uploads below name their own

        api.MapGet("/", () => TypedResults.Ok(RecordKinds.All.Select(k => new RecordKindView(k.Name, k.Plural, k.DisplayNl, k.DisplayEn,
                k.Fields.Select(f => new RecordFieldView(f.Name, f.Description, f.Allowed, f.Required, f.References)).ToList())).ToList()))
            .WithSummary("The kinds of register record and their fields");

        api.MapGet("/{kind}", async (string kind, string? search, int? page, int? pageSize, string? sort, bool? desc, string? classification,
                HttpRequest request, ListRecords handler, CancellationToken ct) =>
            {
                ClassificationLevel? level = null;
                if (classification is not null)
                {
                    if (!ClassificationLevels.TryParse(classification, out var l))
                        return ResultResponses.Invalid("classification", classification, ClassificationLevels.Allowed);
                    level = l;
                }
                // Any query parameter "filter.<field>=value" filters on that field.
                var filters = request.Query.Where(q => q.Key.StartsWith("filter.", StringComparison.Ordinal))
                    .ToDictionary(q => q.Key["filter.".Length..], q => q.Value.ToString());
                var result = await handler.HandleAsync(new ListRecordsRequest(kind, search, filters, level, page ?? 1, pageSize ?? 50, sort, desc ?? false), ct);
                return result.ToResponse(p => TypedResults.Ok(p));
            })
            .WithSummary("List records of one kind, paged, searched and filtered (filter.<field>=value)")
            .Produces<RecordPage>().ProducesValidationProblem();

        api.MapGet("/{kind}/{code}", async (string kind, string code, HttpContext http, GetRecord handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(kind, code, ct);
                return result.ToResponse(r => { http.Response.Headers.ETag = ETagFor(r.Version); return TypedResults.Ok(r); });
            })
            .WithSummary("One record; its ETag is its version").Produces<RecordView>().ProducesProblem(404);

        api.MapPost("/{kind}", async (string kind, CreateRecordBody body, SaveRecord handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new SaveRecordRequest(kind, body.Code, body.Texts(), SaveMode.Create), ct);
                return result.ToResponse(r => TypedResults.Created($"/api/register/{r.Kind}/{r.Code}", r));
            })
            .WithSummary("Create a record").Produces<RecordView>(201).ProducesValidationProblem().ProducesProblem(409);

        api.MapPut("/{kind}/{code}", async (string kind, string code, UpdateRecordBody body, HttpContext http, SaveRecord handler, CancellationToken ct) =>
            {
                var expected = body.Version ?? VersionFromIfMatch(http.Request);
                var result = await handler.HandleAsync(new SaveRecordRequest(kind, code, body.Texts(), SaveMode.Update, expected), ct);
                return result.ToResponse(r => { http.Response.Headers.ETag = ETagFor(r.Version); return TypedResults.Ok(r); });
            })
            .WithSummary("Edit a record. Send the version you read (body 'version' or If-Match); a stale version gives 409 with the current record")
            .Produces<RecordView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        api.MapDelete("/{kind}/{code}", async (string kind, string code, bool? cascade, HttpContext http, DeleteRecord handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new DeleteRecordRequest(kind, code, VersionFromIfMatch(http.Request), cascade ?? false), ct);
                return result.ToResponse(_ => TypedResults.NoContent());
            })
            .WithSummary("Delete a record (its history is kept). A record others refer to gives 409 naming them, unless ?cascade=true, which also removes the references (and deletes records that need it)").Produces(204).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/{kind}/{code}/history", async (string kind, string code, GetHistory handler, CancellationToken ct) =>
                (await handler.HandleAsync(kind, code, ct)).ToResponse(h => TypedResults.Ok(h)))
            .WithSummary("Every version of a record with who changed what").Produces<IReadOnlyList<HistoryView>>().ProducesProblem(404);

        api.MapGet("/{kind}/export", async (string kind, string? format, string? lang, ExportRecords handler, HttpContext http, CancellationToken ct) =>
            {
                if (!RegisterFileFormats.TryFromName(format ?? "csv", out var f))
                    return ResultResponses.Invalid("format", format, RegisterFileFormats.Allowed);
                if (lang is not (null or "nl" or "en"))
                    return ResultResponses.Invalid("lang", lang, "nl or en");
                var result = await handler.HandleAsync(kind, ct);
                var marking = result.IsOk ? (await handler.MarkingAsync(result.Value!, ct)).Text : "";
                return result.ToResponse(rows =>
                {
                    var ms = new MemoryStream();
                    var k = RecordKinds.Find(kind)!;
                    // With a language, lists of choices (a dependency's options) are written in its words; the import reads those too.
                    RegisterFileWriter.Write(ms, k, lang is null ? rows : rows.Select(r => Infrastructure.Reports.Dependencies.DependencyOptionLabels.Localise(r, k, lang)).ToList(), f, marking);
                    http.Response.Headers[MarkedFiles.Header] = marking;
                    ms.Position = 0;
                    var (type, ext) = f switch
                    {
                        RegisterFileFormat.Csv => ("text/csv", "csv"),
                        RegisterFileFormat.Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
                        _ => ("application/json", "json"),
                    };
                    return Results.File(ms, type, $"{RecordKinds.Find(kind)!.Plural}.{ext}");
                });
            })
            .WithSummary("Export every record of a kind you may see as CSV, XLSX or JSON (lang=nl|en writes lists of choices, such as a dependency's options, in that language); the marking of the exported rows is in the X-Baken-Marking header (and inside an XLSX or JSON file)").ProducesValidationProblem();

        api.MapPost("/{kind}/import", async (string kind, string? format, HttpRequest request, ImportRecords handler, IOptions<FileLimits> limits, CancellationToken ct) =>
            {
                IFormFile? file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.FirstOrDefault() : null;
                var name = file?.FileName ?? format ?? "csv";
                if (!RegisterFileFormats.TryFromName(format ?? Path.GetExtension(name), out var f) && !RegisterFileFormats.TryFromName(name, out f))
                    return ResultResponses.Invalid("format", format ?? name, RegisterFileFormats.Allowed);
                await using var body = new MemoryStream();
                await (file?.OpenReadStream() ?? request.Body).CopyToAsync(body, ct);
                body.Position = 0;
                var content = RegisterFileReader.Read(body, f, limits.Value);
                if (content.Errors.Count > 0)
                    return Application.Common.Result<ImportSummary>.Invalid(content.Errors).ToResponse(s => TypedResults.Ok(s));
                var result = await handler.HandleAsync(new ImportRecordsRequest(kind, content.Rows), ct);
                return result.ToResponse(s => TypedResults.Ok(s));
            })
            .WithSummary("Import a CSV, XLSX or JSON file: all rows or none, with every bad row reported")
            .Produces<ImportSummary>().ProducesValidationProblem().DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RegisterFileReader.MaxFileBytes + RequestLimits.FormOverheadBytes));

        return app;
    }

    /// <summary>A body's values as the register's text: strings as they are, null as empty, arrays, objects, numbers and booleans as their JSON.</summary>
    internal static Dictionary<string, string?> Texts(Dictionary<string, System.Text.Json.JsonElement>? values) =>
        (values ?? []).ToDictionary(v => v.Key, v => v.Value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => v.Value.GetString(),
            System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => null,
            _ => v.Value.GetRawText(),
        });

    private static string ETagFor(int version) => new EntityTagHeaderValue($"\"{version}\"", isWeak: true).ToString();

    private static int? VersionFromIfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0) return null;
        value = value.Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
