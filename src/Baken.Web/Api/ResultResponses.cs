using Baken.Application.Common;
using Microsoft.AspNetCore.Http;

namespace Baken.Web.Api;

/// <summary>
/// The one place where a use case's outcome becomes an HTTP response: RFC 9457 problem details for every
/// failure. "Not found" covers records above the caller's clearance too, so existence is never revealed.
/// </summary>
public static class ResultResponses
{
    public static IResult ToResponse<T>(this Result<T> result, Func<T, IResult> ok) => result.Status switch
    {
        ResultStatus.Ok => ok(result.Value!),
        ResultStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Message),
        ResultStatus.Invalid => Invalid(result.Errors),
        ResultStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: result.Message,
            extensions: result.Value is null ? null : new Dictionary<string, object?> { ["current"] = result.Value }),
        ResultStatus.Forbidden => Refused(result.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    /// <summary>A validation problem listing at most <see cref="ProblemList.MaxShown"/> problems, with the count of the rest.</summary>
    private static IResult Invalid(IReadOnlyList<FieldError> errors)
    {
        var (shown, omitted) = ProblemList.Cap(errors);
        var listed = shown.GroupBy(e => e.Line is { } l ? $"line {l}: {e.Field}" : e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => $"'{Domain.DomainValidationException.Shorten(e.Value)}' is not allowed; allowed: {e.Allowed}").ToArray());
        if (omitted > 0) listed["…"] = [ProblemList.OmittedText(omitted)];
        return Results.ValidationProblem(listed, title: "The input is not valid",
            extensions: omitted > 0 ? new Dictionary<string, object?> { ["problems"] = errors.Count, ["omitted"] = omitted } : null);
    }

    private static IResult Refused(string? message) => new RefusedResult(message);

    /// <summary>A 403 problem that counts and logs the refusal with who asked and the route's template (never its values, which may be codes).</summary>
    private sealed class RefusedResult(string? message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            BakenTelemetry.Refusal("api");
            var route = (httpContext.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? "(unrouted)";
            SecurityEvents.Log.Refused(httpContext.User.Identity?.Name ?? "(anonymous)", "api", httpContext.Request.Method, route);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: message).ExecuteAsync(httpContext);
        }
    }
}
