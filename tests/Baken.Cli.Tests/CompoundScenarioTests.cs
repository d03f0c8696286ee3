using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>A compound scenario scored from its parts and placed in the next analysis like any other scenario.</summary>
public sealed class CompoundScenarioTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compound_IsScoredFromItsParts_AndRankedInTheNextRun(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "assessments", "import", SharedData.File("examples/assessments-example.csv"))).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "analyse", "--iterations", "200", "--out", Directory.CreateTempSubdirectory("cmp-").FullName)).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "scenario", "add", "S-CMP", "--title", "Drought during a zoonosis outbreak", "--kind", "hazard",
            "--components", "E-DROUGHT;E-ZOONOSE", "--dependence", "conditional 0.5")).ExitCode.ShouldBe(0);
        var noTheme = await CliRun.Baken(database, "cascade", "compound", "S-CMP");
        noTheme.ExitCode.ShouldBe(2);
        noTheme.Err.ShouldContain("theme");
        (await CliRun.Baken(database, "scenario", "edit", "S-CMP", "--theme", "T1")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "scenario", "add", "S-BAD", "--title", "x", "--kind", "hazard", "--dependence", "sometimes")).ExitCode.ShouldBe(2);

        var scored = await CliRun.Baken(database, "cascade", "compound", "S-CMP");
        scored.ExitCode.ShouldBe(0, scored.Err);
        scored.Out.ShouldContain("S-CMP: likelihood ");
        scored.Out.ShouldContain("2.1 ");
        scored.Err.ShouldContain("S-CMP-COMPOUND");

        var again = await CliRun.Baken(database, "analyse", "--iterations", "200", "--out", Directory.CreateTempSubdirectory("cmp-").FullName);
        again.ExitCode.ShouldBe(0, again.Err);
        await using var db = database.Context(Baken.Application.Common.FixedUser.System);
        var latest = db.AnalysisRuns.OrderByDescending(r => r.RunAtUtc).First();
        var summary = Baken.Application.Analysis.RunSummary.Parse(latest.ResultsJson);
        summary.Count.ShouldBe(5);
        var compound = summary.Single(s => s.Id == "S-CMP");
        // Impacts add up or take the highest class, so the compound is never less serious than its most serious part.
        compound.ImpactValue.ShouldBeGreaterThanOrEqualTo(summary.Where(s => s.Id is "E-DROUGHT" or "E-ZOONOSE").Max(s => s.ImpactValue) - 1e-9);

        (await CliRun.Baken(database, "cascade", "compound", "E-DROUGHT")).ExitCode.ShouldBe(2);
    }
}
