using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>baken capabilities gaps and the English report from the command line.</summary>
public sealed class CapabilityCommandsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CapabilitiesGaps_Csv_ListsTheMostRiskRelevantShortfallFirst_AndBadInputWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        (await CliRun.Baken(database, "assessments", "import", SharedData.File("examples/assessments-example.csv"))).ExitCode.ShouldBe(0);
        var folder = Directory.CreateTempSubdirectory("caps-").FullName;
        try
        {
            (await CliRun.Baken(database, "analyse", "--iterations", "0", "--out", folder, "--format", "html,docx", "--lang", "en")).ExitCode.ShouldBe(0);
            var english = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
            english.ShouldContain("<html lang=\"en\">");
            english.ShouldContain("Summary for the council");
            File.Exists(Path.Combine(folder, "report.docx")).ShouldBeTrue();
        }
        finally { Directory.Delete(folder, true); }

        (await CliRun.Baken(database, "scenario", "edit", "E-ZOONOSE", "--capabilities", "CAP-MED@response=4")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "scenario", "edit", "E-SUBVERT", "--capabilities", "CAP-COMM=2")).ExitCode.ShouldBe(0);
        (await CliRun.Baken(database, "organisation", "edit", "RIVM", "--capabilities", "CAP-MED=1; CAP-COMM=1")).ExitCode.ShouldBe(0);
        var bad = await CliRun.Baken(database, "scenario", "edit", "E-DROUGHT", "--capabilities", "CAP-NONE=2");
        bad.ExitCode.ShouldBe(2);
        bad.Err.ShouldContain("CAP-NONE");
        bad.Err.ShouldContain("the code of an existing capability");

        var gaps = await CliRun.Baken(database, "capabilities", "gaps", "--format", "csv");

        gaps.ExitCode.ShouldBe(0, gaps.Err);
        var lines = gaps.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("capability,name,indicative,available,after_planned,scenarios_needing,scenarios_short,largest_shortfall,risk_at_stake,best_rank,short_for");
        // E-ZOONOSE (D, I = 15: 27 × 15 = 405) lacks 3 levels of medical surge; E-SUBVERT (C, I = 12: 9 × 12 = 108) 1 of communication.
        lines[1].ShouldBe("CAP-MED,Medical surge,true,1,1,1,1,3,405,2,E-ZOONOSE");
        lines[2].ShouldBe("CAP-COMM,Crisis communication,true,1,1,1,1,1,108,4,E-SUBVERT");
        var perScenario = await CliRun.Baken(database, "capabilities", "gaps", "--per-scenario", "--format", "csv");
        perScenario.Out.ShouldContain("E-ZOONOSE,CAP-MED,response,4,1,3,1,3,2,405");
        (await CliRun.Baken(database, "capabilities", "gaps", "--format", "pdf")).ExitCode.ShouldBe(2);
    }
}
