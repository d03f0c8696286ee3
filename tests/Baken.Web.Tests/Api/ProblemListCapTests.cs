using System.Net;
using System.Text;
using System.Text.Json;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// Issue 13: an import with a huge number of bad rows answered with 1.5 million error lines. A problem list names the
/// first 100 problems and counts the rest; nothing is written.
/// </summary>
public sealed class ProblemListCapTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportWithThousandsOfBadRows_ListsTheFirst100AndCountsTheRest(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider);
        var client = await app.ClientForAsync("coord", ClassificationLevel.Ongerubriceerd);
        var csv = new StringBuilder("code,title,kind\n");
        for (var i = 0; i < 250; i++) csv.Append("R-").Append(i).Append(",Risico,geen-soort\n");

        var response = await client.PostAsync("/api/register/risk/import?format=csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.ShouldBeLessThan(100_000);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        errors.EnumerateObject().Count().ShouldBe(101); // 100 problems and the line that counts the rest
        body.ShouldContain("more problem(s)");
        var problems = problem.RootElement.GetProperty("problems").GetInt32();
        problems.ShouldBeGreaterThan(100);
        problem.RootElement.GetProperty("omitted").GetInt32().ShouldBe(problems - 100);
        (await client.GetStringAsync("/api/register/risk")).ShouldNotContain("R-1");
    }
}
