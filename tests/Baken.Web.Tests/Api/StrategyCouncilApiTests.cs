using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Baken.Web.Tests.Api;

/// <summary>The strategy, portfolio, report and council routes: their answers, their documents and their validation problems.</summary>
public sealed class StrategyCouncilApiTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Routes_AnswerOnTheDefaultCatalogue_AndRefuseBadInputWithProblemDetails(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var client = await app.ClientForAsync("owner", ClassificationLevel.DepartementaalVertrouwelijk, roles: "PolicyOwner");

        var gaps = await client.GetFromJsonAsync<List<GapView>>("/api/strategy/gaps?asOf=2026-11-23");
        gaps!.Count(g => g.Kind == "GoalWithoutOwner").ShouldBe(13);
        var gapsResponse = await client.GetAsync("/api/strategy/gaps?asOf=2026-11-23&format=csv");
        // The catalogue's goals are unclassified: so is the list of their gaps.
        gapsResponse.Headers.GetValues(MarkedFiles.Header).Single().ShouldBe("ONGERUBRICEERD");
        var gapsCsv = await gapsResponse.Content.ReadAsStringAsync();
        gapsCsv.Split('\n')[0].ShouldBe("kind,subject,code,title,since,explanation,reminder");
        gapsCsv.Split('\n').Count(l => l.StartsWith("GoalWithoutOwner,Goal,", StringComparison.Ordinal)).ShouldBe(13);
        // The gap list speaks the page's language, goal titles included.
        (await client.GetStringAsync("/strategy/gaps?culture=en&ui-culture=en")).ShouldContain("Conflict prevention around Europe and the Kingdom");
        (await client.GetStringAsync("/strategy/gaps")).ShouldContain("Conflictpreventie rond Europa &amp; het Koninkrijk");
        var tree = await client.GetFromJsonAsync<StrategyTree>("/api/strategy/tree");
        tree!.Pillars.Sum(p => p.Goals.Count).ShouldBe(13);

        var portfolio = await client.GetFromJsonAsync<PortfolioView>("/api/portfolio?budget=500m");
        portfolio!.BudgetEuros.ShouldBe(500e6);
        portfolio.Notes.ShouldContain(n => n.Contains("No analysis run"));

        var docx = await client.GetAsync("/api/reports/progress?format=docx&lang=en&asOf=2026-11-23");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).ShouldBeEmpty();

        foreach (var (url, field) in new[]
                 {
                     ("/api/portfolio?budget=lots", "budget"), ("/api/portfolio?budget=1m&metric=votes", "metric"),
                     ("/api/strategy/gaps?asOf=tomorrow", "asOf"), ("/api/reports/progress?asClearance=TopSecret", "asClearance"),
                     ("/api/councils/coverage?from=2026-12-01&to=2026-01-01", "to"), ("/api/meetings/M-1/papers?kind=gossip", "kind"),
                 })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(url);
            messages[0].GetString()!.ShouldContain("allowed");
        }
        (await client.GetAsync("/api/meetings/M-404/papers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync("/api/councils/agenda")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CascadesPage_DrawsTheNetwork_AndSimulatesAnOutageOfElectricity(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        var client = await app.ClientForAsync("analyst", ClassificationLevel.Ongerubriceerd);
        var plain = await client.GetStringAsync("/cascades");
        plain.ShouldContain("<svg");
        plain.Split("href=\"/register/vital-process/").Length.ShouldBe(29); // 28 processes, each a link
        // The timeline in the page's language (#17): the simulation's keyed sentences, Dutch by default, the CLI's English on an English page.
        var run = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/cascades?process=1&hours=24"));
        run.ShouldContain("is verstoord (ernst 1) tot t=24h");
        run.ShouldContain("valt uit nadat zijn back-up voor");
        run.ShouldNotContain("is disrupted");
        run.ShouldNotContain("bridges the loss");
        var english = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/cascades?process=1&hours=24&culture=en&ui-culture=en"));
        english.ShouldContain("fails after");
        english.ShouldContain("is disrupted (severity 1) until t=24h");
        (await client.GetStringAsync("/cascades?process=99")).ShouldContain("alert error");
    }
}
