using Baken.Application.Workflow;
using Baken.Domain.Assessments;
using Baken.Domain.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Baken.Web.Api.ResultResponses;
using static Baken.Web.Api.StrategyEndpoints;

namespace Baken.Web.Api;

public sealed record OpenCycleBody(string Code, string Title, string Scenarios, string Due, string? Panel = null);
public sealed record AssignCycleBody(string Scenario, string Analysts, string? Organisations = null, string? Due = null);
public sealed record StatusBody(string? Reason = null);
public sealed record CloseReviewBody(string Decision, string? Assessment = null, string? Note = null);

public sealed record CycleView(string Code, string Title, IReadOnlyList<string> Scenarios, string Due, string Status, string? Panel, string Classification, int Round)
{
    public static CycleView Of(AssessmentCycle c) => new(c.Code, c.Title, c.Scenarios, c.Due.ToString("yyyy-MM-dd"),
        c.Status.ToString().ToLowerInvariant(), c.Panel, c.ClassificationLevel.ToString(), c.Round);
}

public sealed record RoundBody(int Round);

/// <summary>Per criterion (or "likelihood"): analysts per point class now and at the end of round 1 (counts only, no names).</summary>
public sealed record CriterionRoundsView(string Criterion, IReadOnlyDictionary<string, int> Now, int? SpreadNow,
    IReadOnlyDictionary<string, int>? Round1, int? SpreadRound1, bool Narrowed, int MovedUp, int MovedDown, int Unchanged);

public sealed record ScenarioRoundsResponse(string Scenario, string? Cycle, int? Round, int Assessments, bool HasRound1, IReadOnlyList<CriterionRoundsView> Criteria);

public sealed record CycleTaskView(string Scenario, string Analyst, string? Organisation, string Due, string Status, bool Overdue, string? Note);

public sealed record CycleStatusResponse(CycleView Cycle, IReadOnlyList<CycleTaskView> Tasks, IReadOnlyList<string> Unassigned);

public sealed record AssessmentStatusView(string Code, string Scenario, string Analyst, string Status, string? Note, int Version)
{
    public static AssessmentStatusView Of(Assessment a) => new(a.Code, a.ScenarioCode, a.Analyst, AssessmentStatuses.Name(a.Status), a.StatusNote, a.Version);
}

public sealed record InboxItemView(string Kind, string Code, string Title, string? Due, bool Overdue, string? Note, string Link);

/// <summary>The analyst network's work over HTTP: cycles, assessment status, likelihood reviews and the inbox. Roles are checked in the use cases.</summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Workflow").RequireAuthorization().RequireRateLimiting("api");

        api.MapPost("/cycles", async (OpenCycleBody body, OpenCycle open, CancellationToken ct) =>
            {
                if (!TryDate(body.Due ?? "", null!, out var due)) return Invalid("due", body.Due, "a date as yyyy-MM-dd");
                return (await open.HandleAsync(new OpenCycleRequest(body.Code ?? "", body.Title ?? "", WorkflowRoles.Split(body.Scenarios), due, body.Panel), ct))
                    .ToResponse(c => TypedResults.Created($"/api/cycles/{Uri.EscapeDataString(c.Code)}", CycleView.Of(c)));
            })
            .WithSummary("Open an assessment cycle for a set of scenarios (coordinator)").Produces<CycleView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);

        api.MapGet("/cycles/{code}", async (string code, GetCycleStatus status, CancellationToken ct) =>
                (await status.HandleAsync(code, ct)).ToResponse(v => TypedResults.Ok(new CycleStatusResponse(CycleView.Of(v.Cycle),
                    v.Tasks.Select(t => new CycleTaskView(t.Scenario, t.Analyst, t.Organisation, t.Due.ToString("yyyy-MM-dd"),
                        t.Status is { } s ? AssessmentStatuses.Name(s) : "not-started", t.Overdue, t.Note)).ToList(), v.Unassigned))))
            .WithSummary("A cycle's status: per scenario and analyst the assessment's status, deadline and whether it is overdue").Produces<CycleStatusResponse>().ProducesProblem(404);

        api.MapPost("/cycles/{code}/assign", async (string code, AssignCycleBody body, AssignCycle assign, CancellationToken ct) =>
            {
                DateOnly? due = null;
                if (body.Due is { } text)
                {
                    if (!TryDate(text, null!, out var d)) return Invalid("due", text, "a date as yyyy-MM-dd");
                    due = d;
                }
                return (await assign.HandleAsync(new AssignCycleRequest(code, body.Scenario ?? "", WorkflowRoles.Split(body.Analysts), WorkflowRoles.Split(body.Organisations), due), ct))
                    .ToResponse(a => TypedResults.Ok(new { a.Code, Cycle = a.CycleCode, Scenario = a.ScenarioCode, a.Analysts, Organisations = a.Organisations.Count == 0 ? null : string.Join(';', a.Organisations), Due = a.Due.ToString("yyyy-MM-dd") }));
            })
            .WithSummary("Assign a scenario of an open cycle to named analysts (coordinator)").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/cycles/{code}/round", async (string code, RoundBody body, ChangeCycleRound change, CancellationToken ct) =>
                (await change.HandleAsync(code, body.Round, ct)).ToResponse(c => TypedResults.Ok(CycleView.Of(c))))
            .WithSummary("Move a cycle to the convergence round 2 (coordinator); records each assessment's round-1 scores")
            .Produces<CycleView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/scenarios/{code}/rounds", async (string code, DelphiRounds rounds, CancellationToken ct) =>
                (await rounds.HandleAsync(code, ct)).ToResponse(v => TypedResults.Ok(new ScenarioRoundsResponse(v.Scenario, v.Cycle, v.Round, v.AnalystCount, v.HasRound1,
                    v.Criteria.Select(c => new CriterionRoundsView(c.Criterion, c.Now.ToDictionary(k => k.Key.ToString(), k => k.Value), c.NowRange,
                        c.Round1?.ToDictionary(k => k.Key.ToString(), k => k.Value), c.Round1Range, c.Narrowed, c.MovedUp, c.MovedDown, c.Unchanged)).ToList()))))
            .WithSummary("The Delphi view of a scenario: analysts per class per criterion (no names), now and at the end of the blind round, and whether the spread narrowed")
            .Produces<ScenarioRoundsResponse>().ProducesProblem(404);

        api.MapPost("/cycles/{code}/close", async (string code, CloseCycle close, CancellationToken ct) =>
                (await close.HandleAsync(code, ct)).ToResponse(c => TypedResults.Ok(CycleView.Of(c))))
            .WithSummary("Close a cycle (coordinator)").Produces<CycleView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        foreach (var (action, name) in new[] { (StatusAction.Submit, "submit"), (StatusAction.Return, "return"), (StatusAction.Validate, "validate") })
            api.MapPost($"/assessments/{{scenario}}/{{analyst}}/{name}", async (string scenario, string analyst, StatusBody? body, ChangeAssessmentStatus change, CancellationToken ct) =>
                    (await change.HandleAsync(new ChangeAssessmentStatusRequest(scenario, analyst, action, body?.Reason), ct)).ToResponse(a => TypedResults.Ok(AssessmentStatusView.Of(a))))
                .WithName($"assessment-{name}")
                .WithSummary(action switch
                {
                    StatusAction.Submit => "Submit an assessment (its analyst, or a coordinator on their behalf); it is frozen until returned",
                    StatusAction.Return => "Return a submitted assessment with comments (coordinator; reason required)",
                    _ => "Validate a submitted assessment (coordinator)",
                })
                .Produces<AssessmentStatusView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/alerts/{code}/review", async (string code, LikelihoodReviews reviews, CancellationToken ct) =>
                (await reviews.OpenAsync(code, ct)).ToResponse(list => TypedResults.Ok(list.Select(r => new { r.Code, Scenario = r.ScenarioCode, r.Analysts, Due = r.Due.ToString("yyyy-MM-dd") }).ToList())))
            .WithSummary("Open a likelihood review of each scenario the alert names, assigned to the scenario's analysts").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/likelihood-reviews/{code}/close", async (string code, CloseReviewBody body, LikelihoodReviews reviews, CancellationToken ct) =>
            {
                var decision = body.Decision?.Trim().ToLowerInvariant() switch { "no-change" => ReviewDecision.NoChange, "revised" => ReviewDecision.Revised, _ => ReviewDecision.None };
                if (decision == ReviewDecision.None) return Invalid("decision", body.Decision, "no-change, revised");
                return (await reviews.CloseAsync(new CloseReviewRequest(code, decision, body.Assessment, body.Note), ct))
                    .ToResponse(r => TypedResults.Ok(new { r.Code, Status = r.Status.ToString().ToLowerInvariant(), Decision = r.Decision.ToString(), r.RevisedAssessment }));
            })
            .WithSummary("Close a likelihood review with a decision: no-change, or revised with the revised assessment").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/inbox", async (Inbox inbox, CancellationToken ct) =>
                TypedResults.Ok((await inbox.HandleAsync(ct)).Select(i => new InboxItemView(Kebab(i.Kind), i.Code, i.Title, i.Due?.ToString("yyyy-MM-dd"), i.Overdue, i.Note, i.Link)).ToList()))
            .WithSummary("What is asked of you: assignments, returned assessments, assessments to validate, likelihood reviews, council actions; overdue first")
            .Produces<List<InboxItemView>>();
        return app;
    }

    public static string Kebab(InboxKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
