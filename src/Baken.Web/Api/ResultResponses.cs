using System.Globalization;
using Baken.Application.Common;
using Baken.Domain;
using Microsoft.AspNetCore.Http;

namespace Baken.Web.Api;

/// <summary>
/// The one place where a failure becomes an HTTP response: RFC 9457 problem details with a status, a title and a detail,
/// and for bad input an <c>errors</c> member naming each field with its value and what is allowed. A use case's outcome
/// goes through <see cref="ToResponse{T}"/>; what a host refuses before any use case runs (a query parameter it cannot
/// read, a token outside its scope, an unknown address) through <see cref="Invalid(string, string?, string)"/> and
/// <see cref="Problem"/>. "Not found" covers records above the caller's clearance too, so existence is never revealed.
/// </summary>
public static class ResultResponses
{
    public const string InvalidTitle = "The input is not valid";
    public const string ErrorTitle = "An error occurred while processing your request.";

    public static IResult ToResponse<T>(this Result<T> result, Func<T, IResult> ok) => result.Status switch
    {
        ResultStatus.Ok => ok(result.Value!),
        ResultStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", result.Message),
        ResultStatus.Invalid => Invalid(result.Errors),
        ResultStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", result.Message,
            result.Value is null ? null : new Dictionary<string, object?> { ["current"] = result.Value }),
        ResultStatus.Forbidden => Refused(result.Message),
        _ => Problem(StatusCodes.Status500InternalServerError, ErrorTitle, null),
    };

    /// <summary>A problem without field errors (status, title, detail), for a failure that is not bad input.</summary>
    public static IResult Problem(int status, string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    /// <summary>
    /// A validation problem for one value the host itself could not read, such as a query parameter. The API answers in
    /// English only, so its routes' own rules are English texts; what a page shows goes through the catalogue instead.
    /// </summary>
    public static IResult Invalid(string field, string? value, string allowed) => Invalid([new FieldError(field, value ?? "", ValidationMessage.Verbatim(allowed))]);

    /// <summary>
    /// A validation problem listing at most <see cref="ProblemList.MaxShown"/> problems, with the count of the rest. Each
    /// field's messages are <see cref="FieldProblem.ValueProblem"/>'s, the same words the command line prints.
    /// </summary>
    public static IResult Invalid(IReadOnlyList<FieldError> errors)
    {
        var (shown, omitted) = ProblemList.Cap(errors);
        var listed = shown.GroupBy(e => e.Line is { } l ? $"line {l}: {e.Field}" : e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => FieldProblem.ValueProblem(e.Value, e.Allowed)).ToArray());
        if (omitted > 0) listed["…"] = [ProblemList.OmittedText(omitted)];
        // The detail is the first problem in a sentence, so a client that shows only the detail still says what to fix.
        var detail = shown.Count == 0 ? null : shown[0].ToString() + (errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more; see errors)") : "");
        return Results.ValidationProblem(listed, detail: detail, title: InvalidTitle,
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
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", message).ExecuteAsync(httpContext);
        }
    }
}
