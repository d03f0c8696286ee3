using System.Text.Json;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>Horizon scanning (issue 20): drivers, trends and wildcards, scenario frames with four worlds, a world made a register scenario, and the marked export.</summary>
public sealed class ForesightCommandsTests
{
    private static string[] Frame(string code, string level, string horizon = "15") =>
    [
        "scenario-frame", "add", code, "--title", "Nederland in 2040", "--horizon-years", horizon, "--drivers", "TR-GEO",
        "--uncertainty-a", "Internationale orde", "--a-low", "versplinterd", "--a-high", "hersteld",
        "--uncertainty-b", "Technologische afhankelijkheid", "--b-low", "autonoom", "--b-high", "afhankelijk",
        "--world-4", "Een herstelde orde waarin Europa afhankelijk blijft van chips uit Azië.", "--classification", level,
    ];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Foresight_FramesBecomeScenarios_OnlyByCoordinators_AndTheExportCarriesTheHighWaterMark(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "trend", "add", "TR-GEO", "--name", "Geopolitieke rivaliteit", "--kind", "driver", "--horizon-years", "15")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "trend", "add", "TR-ZON", "--name", "Zonnestorm", "--kind", "wildcard")).ExitCode.ShouldBe(0);
        var wrongKind = await CliRun.Baken(database, "trend", "add", "TR-X", "--name", "X", "--kind", "trendje");
        wrongKind.ExitCode.ShouldBe(2);
        wrongKind.Err.ShouldContain("trend, driver, wildcard");
        var tooNear = await CliRun.Baken(database, Frame("SF-NEAR", "Ongerubriceerd", "3"));
        tooNear.ExitCode.ShouldBe(2);
        tooNear.Err.ShouldContain("horizon_years");
        (await CliRun.Baken(database, Frame("SF-2040", "Dep.V"))).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, Frame("SF-GEHEIM", "Stg.G"))).ExitCode.ShouldBe(0);

        // An analyst may not make register scenarios: refused, and nothing is written.
        (await CliRun.Baken(database, "user", "add", "ana", "--clearance", "Stg.G", "--roles", "Analyst")).ExitCode.ShouldBe(0);
        var refused = await CliRun.Baken(database, "foresight", "promote", "SF-2040", "--world", "4", "--user", "ana");
        refused.ExitCode.ShouldBe(5, refused.Err);
        (await CliRun.Baken(database, "scenario", "show", "SF-2040-W4")).ExitCode.ShouldBe(3);

        var made = await CliRun.Baken(database, "foresight", "promote", "SF-2040", "--world", "4");
        made.ExitCode.ShouldBe(0, made.Err);
        var scenario = await CliRun.Baken(database, "scenario", "show", "SF-2040-W4", "--format", "json");
        scenario.Out.ShouldContain("Nederland in 2040: hersteld / afhankelijk");
        scenario.Out.ShouldContain("Departementaal Vertrouwelijk"); // the frame's marking: a copy never lowers it
        scenario.Out.ShouldContain("chips uit Azi"); // (JSON escapes the ë)
        var again = await CliRun.Baken(database, "foresight", "promote", "SF-2040", "--world", "4");
        again.ExitCode.ShouldBe(2);
        again.Err.ShouldContain("SF-2040-W4");
        (await CliRun.Baken(database, "foresight", "promote", "SF-2040", "--world", "5")).ExitCode.ShouldBe(2);

        var all = JsonDocument.Parse((await CliRun.Baken(database, "foresight", "export")).Out).RootElement;
        all.GetProperty("marking").GetString().ShouldBe("STG. GEHEIM");
        all.GetProperty("drivers").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["TR-GEO"]);
        all.GetProperty("wildcards").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["TR-ZON"]);
        var frame = all.GetProperty("frames").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "SF-2040");
        frame.GetProperty("worlds")[3].GetProperty("scenario").GetString().ShouldBe("SF-2040-W4");
        frame.GetProperty("worlds")[0].GetProperty("poleA").GetString().ShouldBe("versplinterd");

        var nowhere = await CliRun.Baken(database, "foresight", "export", "--out", "/nonexistent-folder/scan.json");
        nowhere.ExitCode.ShouldBe(2);
        nowhere.Err.ShouldContain("--out");

        (await CliRun.Baken(database, "user", "add", "lezer", "--clearance", "Dep.V", "--roles", "Analyst")).ExitCode.ShouldBe(0);
        var lower = await CliRun.Baken(database, "foresight", "export", "--user", "lezer");
        lower.Out.ShouldNotContain("SF-GEHEIM");
        JsonDocument.Parse(lower.Out).RootElement.GetProperty("marking").GetString().ShouldBe("DEP. VERTROUWELIJK");
    }
}
