using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// One error path (issue 18, item 5): every failure of the API, whichever feature answers and whether a use case or the
/// host refuses, is an RFC 9457 problem of one shape: status, title and detail, and for bad input an <c>errors</c> member
/// naming each field with the value given and what is allowed.
/// </summary>
public sealed class ProblemShapeSweepTests
{
    private sealed record Failure(string Name, HttpClient Client, HttpMethod Method, string Url, HttpStatusCode Status, string? Field = null, object? Body = null, string? RawBody = null);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FailuresOfEveryEndpointFamily_AreProblemsOfOneShape(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var coordinator = await app.ClientForAsync("coord", ClassificationLevel.DepartementaalVertrouwelijk, roles: "Coordinator");
        var analyst = await app.ClientForAsync("analyst", ClassificationLevel.DepartementaalVertrouwelijk, roles: "Analyst");
        var reader = await app.ClientForAsync("reader", ClassificationLevel.DepartementaalVertrouwelijk, roles: "Coordinator", scopes: "read");
        var theme = new { code = "T-SWEEP", values = new Dictionary<string, string> { ["name"] = "sweep" } };
        (await coordinator.PostAsJsonAsync("/api/register/theme", theme)).StatusCode.ShouldBe(HttpStatusCode.Created);

        Failure[] failures =
        [
            // Register
            new("list, bad classification", coordinator, HttpMethod.Get, "/api/register/risk?classification=TopSecret", HttpStatusCode.BadRequest, "classification"),
            new("export, bad format", coordinator, HttpMethod.Get, "/api/register/risk/export?format=pdf", HttpStatusCode.BadRequest, "format"),
            new("export, bad language", coordinator, HttpMethod.Get, "/api/register/risk/export?lang=fr", HttpStatusCode.BadRequest, "lang"),
            new("create, a rule broken", coordinator, HttpMethod.Post, "/api/register/risk", HttpStatusCode.BadRequest, "kind",
                new { code = "R-SWEEP", values = new Dictionary<string, string> { ["title"] = "x", ["kind"] = "hazzard" } }),
            new("create, existing code", coordinator, HttpMethod.Post, "/api/register/theme", HttpStatusCode.Conflict, Body: theme),
            new("missing record", coordinator, HttpMethod.Get, "/api/register/risk/R-NONE", HttpStatusCode.NotFound),
            // Analysis and jobs
            new("results, bad format", coordinator, HttpMethod.Get, "/api/analysis/runs/RUN-NONE/results?format=pdf", HttpStatusCode.BadRequest, "format"),
            new("report, bad language", coordinator, HttpMethod.Get, "/api/analysis/runs/RUN-NONE/report?lang=fr", HttpStatusCode.BadRequest, "lang"),
            new("run, bad clearance", coordinator, HttpMethod.Post, "/api/analysis/runs", HttpStatusCode.BadRequest, "asClearance", new { asClearance = "TopSecret" }),
            new("missing run", coordinator, HttpMethod.Get, "/api/analysis/runs/RUN-NONE/results", HttpStatusCode.NotFound),
            new("missing job", coordinator, HttpMethod.Get, $"/api/jobs/{Guid.NewGuid()}", HttpStatusCode.NotFound),
            // Strategy
            new("portfolio, bad budget", coordinator, HttpMethod.Get, "/api/portfolio?budget=lots", HttpStatusCode.BadRequest, "budget"),
            new("gaps, bad date", coordinator, HttpMethod.Get, "/api/strategy/gaps?asOf=tomorrow", HttpStatusCode.BadRequest, "asOf"),
            new("progress, bad clearance", coordinator, HttpMethod.Get, "/api/reports/progress?asClearance=TopSecret", HttpStatusCode.BadRequest, "asClearance"),
            // Councils
            new("coverage, reversed period", coordinator, HttpMethod.Get, "/api/councils/coverage?from=2026-12-01&to=2026-01-01", HttpStatusCode.BadRequest, "to"),
            new("missing meeting", coordinator, HttpMethod.Get, "/api/meetings/M-404/papers", HttpStatusCode.NotFound),
            // Early warning
            new("stacked threats, bad date", coordinator, HttpMethod.Get, "/api/threats/stacked?asOf=never", HttpStatusCode.BadRequest, "asOf"),
            // Workflow and comments
            new("cycle, bad due date", coordinator, HttpMethod.Post, "/api/cycles", HttpStatusCode.BadRequest, "due",
                new { code = "NRB-SWEEP", title = "sweep", scenarios = "E-NONE", due = "soon" }),
            new("cycle, not a coordinator", analyst, HttpMethod.Post, "/api/cycles", HttpStatusCode.Forbidden,
                Body: new { code = "NRB-SWEEP", title = "sweep", scenarios = "E-NONE", due = "2027-03-01" }),
            new("missing cycle", coordinator, HttpMethod.Get, "/api/cycles/NRB-NONE", HttpStatusCode.NotFound),
            new("comment on a missing scenario", analyst, HttpMethod.Post, "/api/scenarios/S-NONE/comments", HttpStatusCode.NotFound, Body: new { text = "x" }),
            // The host itself: no sign-in, a token outside its scope, an unknown address, a body it cannot read
            new("not signed in", app.Anonymous(), HttpMethod.Get, "/api/councils/agenda", HttpStatusCode.Unauthorized),
            new("outside the token's scope", reader, HttpMethod.Post, "/api/register/theme", HttpStatusCode.Forbidden, Body: theme),
            new("unknown address", coordinator, HttpMethod.Get, "/api/no-such-thing", HttpStatusCode.NotFound),
            new("unreadable body", coordinator, HttpMethod.Post, "/api/analysis/runs", HttpStatusCode.BadRequest, RawBody: "{ not json"),
        ];

        foreach (var f in failures)
        {
            using var request = new HttpRequestMessage(f.Method, f.Url);
            if (f.Body is not null) request.Content = JsonContent.Create(f.Body);
            if (f.RawBody is not null) request.Content = new StringContent(f.RawBody, Encoding.UTF8, "application/json");
            var response = await f.Client.SendAsync(request);

            response.StatusCode.ShouldBe(f.Status, f.Name);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", f.Name);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = problem.RootElement;
            root.GetProperty("status").GetInt32().ShouldBe((int)f.Status, f.Name);
            root.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace(f.Name);
            var detail = root.GetProperty("detail").GetString();
            detail.ShouldNotBeNullOrWhiteSpace(f.Name);
            if (f.Field is null)
            {
                root.TryGetProperty("errors", out _).ShouldBeFalse(f.Name);
                continue;
            }
            // Bad input: the field, the value given and what is allowed, in the errors and (the first problem) in the detail.
            root.GetProperty("title").GetString().ShouldBe("The input is not valid", f.Name);
            var messages = root.GetProperty("errors").GetProperty(f.Field);
            var message = messages[0].GetString()!;
            message.ShouldStartWith("'", customMessage: f.Name);
            (message.Contains("is not allowed; allowed: ", StringComparison.Ordinal) || message.Contains("' — ", StringComparison.Ordinal)).ShouldBeTrue($"{f.Name}: {message}");
            detail.ShouldStartWith($"{f.Field}: {message}", customMessage: f.Name);
        }
    }
}
