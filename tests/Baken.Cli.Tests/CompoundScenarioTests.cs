using Baken.Application.Analysis;
using Baken.Application.Common;
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
        await using var db = database.Context(FixedUser.System);
        var latest = db.AnalysisRuns.OrderByDescending(r => r.RunAtUtc).First();
        var summary = RunSummary.Parse(latest.ResultsJson);
        summary.Count.ShouldBe(5);
        var compound = summary.Single(s => s.Id == "S-CMP");
        // Impacts add up or take the highest class, so the compound is never less serious than its most serious part.
        compound.ImpactValue.ShouldBeGreaterThanOrEqualTo(summary.Where(s => s.Id is "E-DROUGHT" or "E-ZOONOSE").Max(s => s.ImpactValue) - 1e-9);

        (await CliRun.Baken(database, "cascade", "compound", "E-DROUGHT")).ExitCode.ShouldBe(2);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRun_RescoresTheCompoundFromItsPartsCurrentAssessments_SoItNeverFallsBelowAPart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        async Task<CliOutcome> Ok(params string[] args)
        {
            var outcome = await CliRun.Baken(database, args);
            outcome.ExitCode.ShouldBe(0, $"{string.Join(' ', args)}: {outcome.Err}");
            return outcome;
        }
        await Ok("assessments", "import", SharedData.File("examples/assessments-example.csv"));
        await Ok("scenario", "add", "S-CMP", "--title", "Drought during a zoonosis outbreak", "--kind", "hazard", "--theme", "T1",
            "--components", "E-DROUGHT;E-ZOONOSE");
        var first = await Ok("analyse", "--iterations", "100", "--out", Directory.CreateTempSubdirectory("cmp-").FullName);
        first.Err.ShouldContain("Compound scenario S-CMP rescored from its parts' current assessments");

        // The analysts now judge the zoonosis catastrophic on every criterion; nobody runs 'cascade compound'.
        await using (var db = database.Context(FixedUser.System))
            foreach (var code in db.Assessments.Where(a => a.ScenarioCode == "E-ZOONOSE").Select(a => a.Code).ToList())
                await Ok("assessment", "edit", code, "--scores", "1.1=E;1.2=E;2.1=E;2.2=E;2.3=E;3.1=E;4.1=E;5.1=E;5.2=E;5.3=E");
        var second = await Ok("analyse", "--iterations", "100", "--out", Directory.CreateTempSubdirectory("cmp-").FullName);
        second.Err.ShouldContain("Compound scenario S-CMP rescored");

        await using var check = database.Context(FixedUser.System);
        var latest = check.AnalysisRuns.OrderByDescending(r => r.RunAtUtc).First();
        latest.Provenance!.ShouldContain("S-CMP rescored");
        var summary = RunSummary.Parse(latest.ResultsJson).ToDictionary(s => s.Id);
        summary["S-CMP"].ImpactValue.ShouldBeGreaterThanOrEqualTo(summary["E-ZOONOSE"].ImpactValue - 1e-9);
        summary["S-CMP"].Rank.ShouldBeLessThanOrEqualTo(summary["E-DROUGHT"].Rank);
        summary["S-CMP"].Consensus.Values.ShouldAllBe(c => c == "E");
    }
}
