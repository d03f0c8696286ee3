using System.Collections.Concurrent;
using Baken.Application.Common;
using Baken.Application.Signals;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baken.Cli.Tests;

/// <summary>Feeds polled from a server on loopback, signal files, UCDP indicators with alerts and a webhook.</summary>
[Collection(AloneCollection.Name)]
public sealed class SignalCommandsTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test feed</title>
          <item><title>Storing bij netbeheerder treft drie provincies</title><link>https://example.org/a</link><guid>a-1</guid><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate><description>&lt;p&gt;Stroom weg&lt;/p&gt;</description></item>
          <item><title>Kabelbreuk in de Noordzee onderzocht</title><link>https://example.org/b</link><guid>b-1</guid><pubDate>Tue, 03 Nov 2026 09:30:00 +0100</pubDate></item>
        </channel></rss>
        """;

    /// <summary>A real HTTP server on 127.0.0.1: serves the feed and records what the webhook receives.</summary>
    private static async Task<(WebApplication App, string Url, ConcurrentBag<string> Posts)> ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var posts = new ConcurrentBag<string>();
        app.MapGet("/feed.xml", () => Results.Text(Rss, "application/rss+xml"));
        app.MapGet("/redirect.xml", () => Results.Redirect("/feed.xml"));
        // A body without a length, far beyond the cap: the poller must stop reading, not buffer it first.
        app.MapGet("/endless.xml", async (HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = "application/rss+xml";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            await response.Body.WriteAsync("<rss><channel>"u8.ToArray(), ct);
            try
            {
                for (var i = 0; i < 16 * 1024 && !ct.IsCancellationRequested; i++) // up to 1 GB
                {
                    await response.Body.WriteAsync(chunk, ct);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException) { }
        });
        app.MapPost("/hook", async (HttpRequest request) => { posts.Add(await new StreamReader(request.Body).ReadToEndAsync()); return Results.Ok(); });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, url, posts);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedOnLoopback_IsPolled_IntoTheReviewQueue_AndPollingAgainAddsNothing(DatabaseProvider provider)
    {
        var (server, url, _) = await ServeAsync();
        await using var _ = server;
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "feed", "add", "F-1", "--title", "Test feed", "--url", url + "/feed.xml", "--tags", "vital-process:1", "--reliability", "B")).ExitCode.ShouldBe(0);

        var poll = await CliRun.Baken(database, "feeds", "poll", "--config", LoopbackAllowed());
        poll.ExitCode.ShouldBe(0, poll.Err);
        poll.Out.ShouldContain("F-1: 2 new, 0 known");
        var again = await CliRun.Baken(database, "feeds", "poll", "--feed", "F-1", "--config", LoopbackAllowed());
        again.Out.ShouldContain("F-1: 0 new, 2 known");

        var queue = await CliRun.Baken(database, "signals", "review");
        var rows = queue.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Contains("Storing bij netbeheerder treft drie provincies") && r.Contains(",2026-11-02,") && r.Contains(",B,") && r.Contains("vital-process:1"));
        var code = rows[0].Split(',')[0];
        (await CliRun.Baken(database, "signals", "reject", code)).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "signals", "review")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);

        (await CliRun.Baken(database, "feed", "add", "F-BAD", "--title", "Gone", "--url", url + "/missing.xml")).ExitCode.ShouldBe(0);
        var bad = await CliRun.Baken(database, "feeds", "poll", "--feed", "F-BAD", "--config", LoopbackAllowed());
        bad.ExitCode.ShouldBe(2);
        bad.Out.ShouldContain("F-BAD: cannot read");
    }

    /// <summary>A configuration file that allows feeds from 127.0.0.1 (the test server), as an operator would for an internal feed.</summary>
    private static string AlertSettings(string webhook)
    {
        var path = Path.Combine(Path.GetTempPath(), $"baken-alerts-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "Alerts": { "WebhookUrl": "{{webhook}}" } }""");
        return path;
    }

    private static string LoopbackAllowed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"baken-feeds-{Environment.ProcessId}.json");
        File.WriteAllText(path, """{ "Feeds": { "AllowedHosts": [ "127.0.0.0/8" ], "TimeoutSeconds": 20 } }""");
        return path;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Feeds_AreReadOverHttpFromPublicAddressesOnly_AfterRedirectsToo_AndTheSizeCapHoldsWhileStreaming(DatabaseProvider provider)
    {
        var (server, url, _) = await ServeAsync();
        await using var _ = server;
        await using var database = await TestDatabase.CreateAsync(provider);

        foreach (var local in new[] { "/etc/shadow", "file:///etc/passwd", "/dev/zero", "ftp://example.org/feed.xml" })
        {
            var add = await CliRun.Baken(database, "feed", "add", "F-LOCAL", "--title", "Local", "--url", local);
            add.ExitCode.ShouldBe(2, local);
            add.Err.ShouldContain("url");
        }

        // Loopback, directly and behind a public-looking redirect, is refused without an allow-list entry.
        (await CliRun.Baken(database, "feed", "add", "F-LOOP", "--title", "Loopback", "--url", url + "/redirect.xml")).ExitCode.ShouldBe(0);
        var refused = await CliRun.Baken(database, "feeds", "poll", "--feed", "F-LOOP");
        refused.ExitCode.ShouldBe(2);
        refused.Out.ShouldContain("loopback, link-local or private address");
        (await CliRun.Baken(database, "signals", "review")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        var followed = await CliRun.Baken(database, "feeds", "poll", "--feed", "F-LOOP", "--config", LoopbackAllowed());
        followed.Out.ShouldContain("F-LOOP: 2 new");

        // A chunked body of up to 1 GB stops at the 20 MB cap; the process does not grow by the body's size.
        (await CliRun.Baken(database, "feed", "add", "F-HUGE", "--title", "Endless", "--url", url + "/endless.xml")).ExitCode.ShouldBe(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var huge = await CliRun.Baken(database, "feeds", "poll", "--feed", "F-HUGE", "--config", LoopbackAllowed());
        huge.Out.ShouldContain("larger than 20,971,520 bytes");
        // Buffering the body before checking it would allocate well over the 1 GB offered; the streaming cap stops near
        // 20 MB. (Kestrel turns writes after the client hung up into no-ops, so the server's count says nothing.)
        (GC.GetTotalAllocatedBytes(precise: true) - allocated).ShouldBeLessThan(600L * 1024 * 1024);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ucdp_BecomesIndicators_UkraineEscalates_AndTheWebhookReceivesTheNewAlerts(DatabaseProvider provider)
    {
        var (server, url, posts) = await ServeAsync();
        await using var _ = server;
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var import = await CliRun.Baken(database, "ucdp", "import", SharedData.File("ucdp/ucdpbrds_country_year_1946_2022.csv"));
        import.ExitCode.ShouldBe(0, import.Err);

        // A webhook URL that is not http(s) is refused, naming the setting; nothing is evaluated.
        var bad = await CliRun.Baken(database, "alerts", "--evaluate", "--config", AlertSettings("ftp://example.org/hook"));
        bad.ExitCode.ShouldBe(2, bad.Err);
        bad.Err.ShouldContain("Alerts:WebhookUrl: 'ftp://example.org/hook' is not allowed; allowed: an absolute http or https URL");

        // The setting Alerts:WebhookUrl is where the new alerts go (the command line's --webhook overrides it below).
        var alerts = await CliRun.Baken(database, "alerts", "--evaluate", "--since", "2014-01-01", "--config", AlertSettings(url + "/hook"));
        alerts.ExitCode.ShouldBe(0, alerts.Err);
        alerts.Err.ShouldContain("sent, 0 withheld");
        alerts.Out.ShouldContain("ALERT-UCDP-UKR-20141231-red,UCDP-UKR,2014-12-31,4888,green,red,open");
        alerts.Out.ShouldContain("ALERT-UCDP-UKR-20221231-jump");
        posts.ShouldHaveSingleItem().ShouldContain("ALERT-UCDP-UKR-20141231-red");

        var twice = await CliRun.Baken(database, "alerts", "--evaluate", "--since", "2014-01-01", "--webhook", url + "/hook");
        twice.Err.ShouldContain("0 new alert(s)");
        posts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SignalFile_WithABadRow_TakesNothingIn_AndNamesTheLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        var path = Path.Combine(Path.GetTempPath(), $"signals-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, "date,title,summary,source,url,reliability,credibility,classification,tags\n" +
                                               "2026-11-01,Good row,,NOS,https://x/1,B,2,,interest:1\n" +
                                               "2026-13-45,Bad date,,NOS,,,,,\n");
            var result = await CliRun.Baken(database, "signals", "import", path);
            result.ExitCode.ShouldBe(2);
            result.Err.ShouldContain("line 3");
            result.Err.ShouldContain("2026-13-45");
            (await CliRun.Baken(database, "signals", "review")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        }
        finally { File.Delete(path); }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InformReleases_BecomeCountrySeries_RankedWithTheirTrend(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        foreach (var (file, year) in new[] { ("inform/INFORM-2016.csv", "2016"), ("inform/inform_gri_2020_v040.csv", "2020") })
        {
            var result = await CliRun.Baken(database, "inform", "import", "--input", SharedData.File(file), "--year", year);
            result.ExitCode.ShouldBe(0, result.Err);
        }
        await using var db = database.Context(FixedUser.System);
        var rows = await new CountryRiskTable(db).HandleAsync("around-europe");
        rows.Count.ShouldBeGreaterThan(20);
        rows.Select(r => r.InformRisk ?? -1).ShouldBeInOrder(SortDirection.Descending);
        var syria = rows.Single(r => r.Iso3 == "SYR");
        syria.InformYear.ShouldBe(2020);
        syria.PreviousInformRisk.ShouldNotBeNull();
        syria.InformClass.ShouldBe("very high");
        syria.Change!.Value.ShouldBe(syria.InformRisk!.Value - syria.PreviousInformRisk!.Value, 1e-9);
        (await CliRun.Baken(database, "inform", "import", "--input", SharedData.File("inform/SOURCE.txt"), "--year", "2020")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task SignalsFromXlsxAndFromStixIndicators_EnterTheReviewQueue()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        var path = Path.Combine(Path.GetTempPath(), $"signals-{Guid.NewGuid():N}.xlsx");
        try
        {
            MiniExcelLibs.MiniExcel.SaveAs(path, new[]
            {
                new Dictionary<string, object> { ["date"] = "2026-11-05", ["title"] = "Spreadsheet signal, with comma", ["source"] = "AIVD", ["reliability"] = "B", ["credibility"] = "2", ["tags"] = "actor:A-1" },
            });
            var imported = await CliRun.Baken(database, "signals", "import", path);
            imported.ExitCode.ShouldBe(0, imported.Err);
            imported.Out.ShouldContain("1 new signal(s)");
        }
        finally { File.Delete(path); }

        var stix = await CliRun.Baken(database, "stix", "import", SharedData.File("stix/indicators-for-C2-with-COA.json"));
        stix.ExitCode.ShouldBe(0, stix.Err);
        stix.Out.ShouldContain("new signal(s) for review");
        var again = await CliRun.Baken(database, "stix", "import", SharedData.File("stix/indicators-for-C2-with-COA.json"));
        again.Out.ShouldNotContain("new signal(s) for review");

        var queue = (await CliRun.Baken(database, "signals", "review")).Out;
        queue.ShouldContain("\"Spreadsheet signal, with comma\",AIVD,B,2,actor:A-1");
        queue.ShouldContain("indicator: ");
    }

    [Fact]
    public async Task StixMarkingTable_IsCatalogueData_AndAnEditedLevelClassifiesTheNextImport()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, initialise: true);
        var edit = await CliRun.Baken(database, "catalogue-entry", "edit", "stix_markings.tlp-red", "--attributes", "{\"tlp\":\"red\",\"level\":\"Stg.ZG\"}");
        edit.ExitCode.ShouldBe(0, edit.Err);
        (await CliRun.Baken(database, "stix", "import", SharedData.File("stix/interop-objectmarking-test.json"))).ExitCode.ShouldBe(0);
        await using var db = database.Context(FixedUser.System);
        var campaign = db.StixObjects.Single(o => o.Code == "campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
        campaign.ClassificationLevel.ShouldBe(ClassificationLevel.StaatsgeheimZeerGeheim);

        var broken = await CliRun.Baken(database, "catalogue-entry", "edit", "stix_markings.tlp-red", "--attributes", "{\"tlp\":\"red\",\"level\":\"Top Secret\"}");
        broken.ExitCode.ShouldBe(0);
        var refused = await CliRun.Baken(database, "stix", "import", SharedData.File("stix/interop-objectmarking-test.json"));
        refused.ExitCode.ShouldBe(2);
        refused.Err.ShouldContain("Top Secret");
    }
}

/// <summary>
/// Tests that count the process's allocations (the feed's streaming cap) run alone: other tests running beside them
/// allocate in the same process, and once pushed the count past its bound (763 MB against 600 MB in a CI run).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Runs alone (counts the process's allocations)";
}
