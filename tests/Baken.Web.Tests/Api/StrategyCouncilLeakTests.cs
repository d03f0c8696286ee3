using System.Net;
using System.Net.Http.Headers;
using Baken.Application.Common;
using Baken.Application.Councils;
using Baken.Application.Register;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Web.Tests.Api;

/// <summary>
/// The leak sweep over the strategy and council routes and pages: measures, indicators, agenda items, decisions,
/// actions and papers at every level and in a compartment, read by users of lower clearance through every view that
/// combines them (tree, gaps, portfolio, progress report, forward agenda, actions, coverage, meeting papers).
/// </summary>
public sealed class StrategyCouncilLeakTests
{
    private static string Marker(ClassificationLevel level, string compartment) => $"STRAT-L{(int)level}-{compartment}";

    public static IEnumerable<object[]> Cases() =>
        from p in TestDatabase.Providers()
        from level in new[] { ClassificationLevel.Ongerubriceerd, ClassificationLevel.StaatsgeheimConfidentieel }
        from compartments in new[] { "", "NUC" }
        select new object[] { p[0], level, compartments };

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
        await db.SaveChangesAsync();
        var save = new SaveRecord(db, FixedUser.System);
        async Task Add(string kind, string code, Dictionary<string, string?> values)
        {
            var result = await save.HandleAsync(new SaveRecordRequest(kind, code, values, SaveMode.Create));
            if (!result.IsOk) throw new InvalidOperationException($"{kind} {code}: " + string.Join("; ", result.Errors) + result.Message);
        }
        await Add("meeting", "M-ZG", new() { ["council"] = "MCEV", ["title"] = "All levels", ["date"] = "2026-12-01", ["security_level"] = "Stg.ZG" });
        var measures = new List<string>();
        foreach (var level in Enum.GetValues<ClassificationLevel>())
        foreach (var compartment in new[] { "NONE", "NUC" })
        {
            var m = Marker(level, compartment);
            var classification = new Dictionary<string, string?> { ["classification"] = level.DisplayName(), ["compartments"] = compartment == "NONE" ? "" : compartment };
            Dictionary<string, string?> With(params (string, string?)[] values) => values.ToDictionary(v => v.Item1, v => v.Item2).Concat(classification).ToDictionary();
            await Add("measure", m + "-M", With(("title", m + " measure"), ("one_off_cost", "1000000"), ("due", "2020-01-01")));
            measures.Add(m + "-M");
            await Add("indicator", m + "-I", With(("title", m + " indicator"), ("goal", "GOAL-01"), ("target", "5"), ("deadline", "2020-01-01")));
            await Add("agenda-item", m + "-A", With(("title", m + " item"), ("council", "MCEV"), ("meeting", "M-ZG"), ("links", "goal:GOAL-02")));
            await Add("decision", m + "-D", With(("agenda_item", m + "-A"), ("title", m + " decision")));
            await Add("action", m + "-X", With(("decision", m + "-D"), ("title", m + " action"), ("deadline", "2026-01-01")));
            await Add("dependency", m + "-DEP", With(("title", m + " dependency"), ("hs6", "271111"), ("importer", "EU27"), ("year", "2022"), ("domain", "dependency_domains.ENERGY")));
            await Add("signal", m + "-S", With(("title", m + " signal"), ("date", "2026-11-01"), ("tags", "vital-process:1"), ("source", m + "-src")));
            await Add("warning-indicator", m + "-W", With(("title", m + " indicator"), ("amber", "5"), ("tags", "vital-process:1")));
            await Add("observation", m + "-W1", With(("indicator", m + "-W"), ("date", "2026-10-01"), ("value", "1")));
            await Add("observation", m + "-W2", With(("indicator", m + "-W"), ("date", "2026-11-01"), ("value", "9")));
            var paper = await new StorePaper(db, FixedUser.System).HandleAsync(new StorePaperRequest(m + "-A", m + " paper", "paper.txt", "text/plain",
                System.Text.Encoding.UTF8.GetBytes(m + " paper content"), level.DisplayName(), compartment == "NONE" ? null : compartment, m + "-P"));
            if (!paper.IsOk) throw new InvalidOperationException(string.Join("; ", paper.Errors) + paper.Message);
        }
    }

    private static async Task EvaluateAlertsAsync(TestDatabase database)
    {
        await using var db = database.Context(FixedUser.System);
        var made = await new EvaluateAlerts(db, new ImportRecords(db, FixedUser.System)).HandleAsync();
        if (!made.IsOk || made.Value!.Count != 10) throw new InvalidOperationException("expected one alert per indicator");
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task NoStrategyOrCouncilRouteOrPage_RevealsARecordAboveTheCallersClearance(DatabaseProvider provider, ClassificationLevel clearance, string compartments)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await SeedAsync(app.Database);
        await EvaluateAlertsAsync(app.Database);
        var client = await app.ClientForAsync("reader", clearance, compartments, roles: "Secretariat");
        var held = compartments == "NUC" ? ClassifiedFixture.Nuc : 0;
        var all = (from level in Enum.GetValues<ClassificationLevel>() from c in new[] { ("NONE", 0L), ("NUC", ClassifiedFixture.Nuc) } select (level, c.Item1, c.Item2)).ToList();
        var visible = all.Where(r => new Classification(r.level, r.Item3).IsVisibleTo(clearance, held)).Select(r => Marker(r.level, r.Item2)).ToList();
        var hidden = all.Select(r => Marker(r.level, r.Item2)).Except(visible).ToList();

        var bodies = new List<string>();
        foreach (var url in new[]
                 {
                     "/api/strategy/tree", "/api/strategy/gaps?asOf=2026-11-23", "/api/portfolio?budget=1bn&draws=5", "/api/reports/progress?format=html",
                     "/api/councils/agenda?asOf=2026-11-23", "/api/councils/actions?asOf=2026-11-23", "/api/councils/coverage?from=2026-01-01&to=2026-12-31",
                     "/api/meetings/M-ZG/papers?kind=agenda&format=html", "/api/meetings/M-ZG/papers?kind=minutes&format=html",
                     "/strategy", "/strategy/gaps", "/measures/portfolio?budget=1000", "/councils", "/councils/coverage?from=2026-01-01&to=2026-12-31",
                     "/councils/meetings/M-ZG", "/",
                     "/api/signals/review", "/api/threats/stacked?asOf=2026-11-23", "/api/register/alert?pageSize=500", "/signals", "/alerts", "/threats", "/dependencies", "/countries",
                 })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            bodies.Add(url + "\n" + await response.Content.ReadAsStringAsync());
        }
        foreach (var marker in hidden)
        {
            var paper = await client.GetAsync($"/api/papers/{marker}-P/content");
            paper.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            // The answer repeats only the code the caller asked for; the same answer as for a paper that does not exist.
            var problem = await paper.Content.ReadAsStringAsync();
            problem.ShouldNotContain("paper content");
            problem.ShouldNotContain(marker + " paper");
            (await client.GetAsync($"/api/papers/{marker}-NOPE/content")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        foreach (var marker in visible)
            (await client.GetStringAsync($"/api/papers/{marker}-P/content")).ShouldBe(marker + " paper content");

        foreach (var body in bodies)
        foreach (var marker in hidden)
            body.ShouldNotContain(marker, customMessage: $"{marker} leaked to {clearance}/{compartments} in {body.Split('\n')[0]}: " +
                body.Substring(Math.Max(0, body.IndexOf(marker, StringComparison.OrdinalIgnoreCase) - 200), Math.Min(300, body.Length - Math.Max(0, body.IndexOf(marker, StringComparison.OrdinalIgnoreCase) - 200))));
        var text = string.Join("\n", bodies);
        foreach (var marker in visible)
        {
            text.ShouldContain(marker + " measure");
            text.ShouldContain(marker + " item");
            text.ShouldContain(marker + " action");
            text.ShouldContain(marker + " signal");
            text.ShouldContain(marker + "-DEP");
            text.ShouldContain($"ALERT-{marker}-W-20261101-amber");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaperUpload_BelowTheItemsClassification_IsRefused_AndAboveTheUploadersClearance_Too(DatabaseProvider provider)
    {
        await using var app = await RunningApp.StartAsync(provider, catalogue: true);
        await SeedAsync(app.Database);
        var client = await app.ClientForAsync("secretary", ClassificationLevel.StaatsgeheimGeheim, roles: "Secretariat");
        async Task<HttpResponseMessage> Upload(string item, string level)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent("hello"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", "note.txt");
            form.Add(new StringContent("A note"), "title");
            form.Add(new StringContent(level), "classification");
            return await client.PostAsync($"/api/agenda-items/{item}/papers", form);
        }
        var below = await Upload(Marker(ClassificationLevel.StaatsgeheimConfidentieel, "NONE") + "-A", "Ongerubriceerd");
        below.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await below.Content.ReadAsStringAsync()).ShouldContain("classification");
        var above = await Upload(Marker(ClassificationLevel.Ongerubriceerd, "NONE") + "-A", "Stg.ZG");
        above.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ok = await Upload(Marker(ClassificationLevel.Ongerubriceerd, "NONE") + "-A", "Stg.C");
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var hiddenItem = await Upload(Marker(ClassificationLevel.StaatsgeheimZeerGeheim, "NONE") + "-A", "Stg.ZG");
        hiddenItem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hiddenItem.Content.ReadAsStringAsync()).ShouldNotContain(Marker(ClassificationLevel.StaatsgeheimZeerGeheim, "NONE") + " item");
    }
}
