using Baken.Application.Comments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Baken.Web.Api;

/// <param name="Classification">Level (name, abbreviation or 0–4); empty: the scenario's (and the parent's).</param>
/// <param name="Compartments">Codes separated by ';'; absent: the scenario's (and the parent's).</param>
public sealed record AddCommentBody(string? Text, string? Criterion = null, string? ReplyTo = null, string? Classification = null, string? Compartments = null);

public sealed record EditCommentBody(string? Text, int? Version = null);

/// <summary>A comment as the reader sees it: <c>text</c> as written, <c>html</c> sanitised for showing, <c>depth</c> in its thread.</summary>
public sealed record CommentItemView(string Code, string Scenario, string? Criterion, string? ReplyTo, int Depth, string Author, string Text, string Html,
    string Classification, IReadOnlyList<string> Compartments, string Marking, int Version, DateTime CreatedAtUtc, DateTime UpdatedAtUtc)
{
    public static CommentItemView Of(CommentView c) => new(c.Code, c.Scenario, c.Criterion, c.ReplyTo, c.Depth, c.Author, c.Text,
        Security.RichText.ToHtml(c.Text), c.Marking.Level.ToString(), c.Marking.Compartments, c.Marking.Text, c.Version, c.CreatedAtUtc, c.UpdatedAtUtc);
}

/// <summary>The discussion of scenarios over HTTP (issue 15). Who may write is the use cases' question.</summary>
public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapCommentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Comments").RequireAuthorization().RequireRateLimiting("api");

        api.MapGet("/scenarios/{code}/comments", async (string code, ListComments list, CancellationToken ct) =>
                (await list.HandleAsync(code, ct)).ToResponse(items => TypedResults.Ok(items.Select(CommentItemView.Of).ToList())))
            .WithSummary("A scenario's comments in threads (oldest thread first, replies under what they answer), as far as you may see them")
            .Produces<List<CommentItemView>>().ProducesProblem(404);

        api.MapPost("/scenarios/{code}/comments", async (string code, AddCommentBody body, AddComment add, CancellationToken ct) =>
                (await add.HandleAsync(new AddCommentRequest(code, body.Text, body.Criterion, body.ReplyTo, body.Classification, body.Compartments), ct))
                .ToResponse(c => TypedResults.Created($"/api/comments/{Uri.EscapeDataString(c.Code)}", new
                {
                    c.Code, Scenario = c.ScenarioCode, Criterion = c.CriterionCode, c.ReplyTo, c.Author, Text = c.Body,
                    Html = Security.RichText.ToHtml(c.Body), Classification = c.ClassificationLevel.ToString(), c.Version,
                })))
            .WithSummary("Comment on a scenario, one of its criteria, or answer a comment; marked at least as high as what it discusses (analyst, coordinator)")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapPut("/comments/{code}", async (string code, EditCommentBody body, ChangeComment change, CancellationToken ct) =>
                (await change.EditAsync(new EditCommentRequest(code, body.Text, body.Version), ct))
                .ToResponse(c => TypedResults.Ok(new { c.Code, Text = c.Body, Html = Security.RichText.ToHtml(c.Body), c.Version })))
            .WithSummary("Change the text of your own comment; the history keeps the earlier version")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapDelete("/comments/{code}", async (string code, ChangeComment change, CancellationToken ct) =>
                (await change.DeleteAsync(code, ct)).ToResponse(_ => TypedResults.NoContent()))
            .WithSummary("Remove your own comment; its replies stay")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);
        return app;
    }
}
