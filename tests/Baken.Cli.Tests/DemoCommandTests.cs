using System.Text.Json;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>baken demo: the fictional picture across the chain, loaded once, marked fictional, and refused a second time.</summary>
public sealed class DemoCommandTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_LoadsEveryPartOfTheChain_MarkedFictional_AndRefusesASecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var demo = await CliRun.Baken(database, "demo", "--analyst-password", "Demo-analist-2026!");
        demo.ExitCode.ShouldBe(0, demo.Err);
        demo.Out.ShouldContain("FICTIEF / FICTIONAL");
        // No progress bar when the output is not a terminal: only the summary lines.
        (demo.Out + demo.Err).ShouldNotContain("\u001b[");

        var scenarios = await CliRun.Baken(database, "scenario", "list", "--format", "csv");
        var rows = scenarios.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Count.ShouldBe(20);
        rows.ShouldAllBe(r => r.StartsWith("DEMO-", StringComparison.Ordinal) && r.Contains("FICTIEF / FICTIONAL"));
        var json = JsonDocument.Parse((await CliRun.Baken(database, "scenario", "list", "--format", "json")).Out).RootElement;
        json.EnumerateArray().Select(s => s.GetProperty("Fields").GetProperty("theme").GetString()).Distinct().Order()
            .ShouldBe(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);

        // Every part of the chain holds something.
        foreach (var kind in new[] { "risk", "assessment", "signal", "warning-indicator", "observation", "alert", "dependency", "measure", "indicator",
                     "progress-update", "meeting", "agenda-item", "decision", "action", "analysis-run", "source", "actor" })
        {
            var list = await CliRun.Baken(database, kind, "list", "--format", "csv");
            list.ExitCode.ShouldBe(0, list.Err);
            list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(1, $"no {kind} after the demo");
        }
        // Three analysts with different clearances; the Dep.V analyst cannot see the Stg.G scenario.
        var users = await CliRun.Baken(database, "user", "list");
        foreach (var name in new[] { "analist-wodc", "analist-nctv", "analist-aivd" }) users.Out.ShouldContain(name);
        var asWodc = await CliRun.Baken(database, "scenario", "list", "--format", "csv", "--user", "analist-wodc");
        asWodc.Out.ShouldNotContain("DEMO-T6-HYBRID");
        asWodc.Out.ShouldContain("DEMO-T1-FLOOD");
        // An overdue action and an alert for the steering pages; measures valued against the demo's run.
        (await CliRun.Baken(database, "council", "actions", "--overdue")).Out.ShouldContain("DEMO-ACT-1");
        (await CliRun.Baken(database, "alert", "list", "--format", "csv")).Out.ShouldContain("ALERT-DEMO-WI-RANSOM");
        (await CliRun.Baken(database, "measures", "--format", "csv")).Out.ShouldContain("DEMO-M-CYBER");

        var again = await CliRun.Baken(database, "demo");
        again.ExitCode.ShouldBe(ExitCodes.Conflict);
        again.Err.ShouldContain("empty register");
        (await CliRun.Baken(database, "scenario", "list", "--format", "csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(21);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EmptyRegister_AnalyseSaysWhatToDoNext(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var folder = Directory.CreateTempSubdirectory("baken-empty-").FullName;
        try
        {
            var run = await CliRun.Baken(database, "analyse", "--out", folder);
            run.ExitCode.ShouldBe(ExitCodes.Invalid);
            run.Err.ShouldContain("nothing to analyse yet");
            run.Err.ShouldContain("baken assessments import");
            run.Err.ShouldContain("baken demo");
        }
        finally { Directory.Delete(folder, true); }
    }
}
