using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>baken cycle open|assign|status|close, assessments submit|return|validate, inbox and analyse --official, with their exit codes.</summary>
public sealed class WorkflowCommandsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cycle_FromOpeningToAnOfficialRun_WithTheExitCodesOfEachRefusal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        async Task<CliOutcome> Baken(int expected, params string[] args)
        {
            var r = await CliRun.Baken(database, args);
            r.ExitCode.ShouldBe(expected, $"{string.Join(' ', args)}: {r.Out} {r.Err}");
            return r;
        }
        await Baken(0, "user", "add", "coord", "--clearance", "Stg.G", "--roles", "Coordinator", "--organisation", "NCTV");
        await Baken(0, "user", "add", "analyst-wodc", "--clearance", "Stg.G", "--roles", "Analyst", "--organisation", "WODC");
        await Baken(0, "assessments", "import", SharedData.File("examples/assessments-example.csv"), "--user", "coord");

        await Baken(5, "cycle", "open", "NRB-2027", "--title", "NRB 2027", "--scenarios", "E-DROUGHT;E-RANSOM", "--due", "2027-03-01", "--user", "analyst-wodc");
        (await Baken(2, "cycle", "open", "NRB-2027", "--title", "NRB 2027", "--scenarios", "E-DROUGHT", "--due", "1 March", "--user", "coord")).Err.ShouldContain("--due: '1 March'");
        (await Baken(2, "cycle", "open", "NRB-2027", "--title", "NRB 2027", "--scenarios", "E-DROUGHT;E-NONE", "--due", "2027-03-01", "--user", "coord")).Err.ShouldContain("scenarios: 'E-NONE'");
        await Baken(0, "cycle", "open", "NRB-2027", "--title", "NRB 2027", "--scenarios", "E-DROUGHT;E-RANSOM", "--due", "2027-03-01", "--user", "coord");
        await Baken(4, "cycle", "open", "NRB-2027", "--title", "again", "--scenarios", "E-DROUGHT", "--due", "2027-03-01", "--user", "coord");
        (await Baken(0, "cycle", "assign", "NRB-2027", "--scenario", "E-DROUGHT", "--analysts", "analyst-wodc", "--user", "coord")).Out.ShouldContain("(WODC)");

        (await Baken(0, "inbox", "--user", "analyst-wodc")).Out.ShouldContain("assignment,NRB-2027.E-DROUGHT,NRB 2027: E-DROUGHT,2027-03-01,");
        await Baken(0, "assessments", "submit", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "analyst-wodc");
        await Baken(5, "assessments", "validate", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "analyst-wodc");
        (await Baken(2, "assessments", "return", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "coord")).Err.ShouldContain("reason");
        await Baken(0, "assessments", "return", "E-DROUGHT", "--analyst", "analyst-wodc", "--reason", "Name the source of 2.2", "--user", "coord");
        (await Baken(0, "inbox", "--user", "analyst-wodc")).Out.ShouldContain("returned,E-DROUGHT.analyst-wodc,E-DROUGHT,2027-03-01,no,Name the source of 2.2");
        await Baken(4, "assessments", "validate", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "coord");
        await Baken(3, "assessments", "submit", "E-NONE", "--analyst", "analyst-wodc", "--user", "analyst-wodc");
        await Baken(0, "assessments", "submit", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "analyst-wodc");
        (await Baken(0, "inbox", "--user", "coord")).Out.ShouldContain("to-validate,E-DROUGHT.analyst-wodc,");
        (await Baken(0, "assessments", "validate", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "coord")).Out.ShouldContain("is validated");

        var status = await Baken(0, "cycle", "status", "NRB-2027");
        status.Out.ShouldContain("E-DROUGHT,analyst-wodc,WODC,2027-03-01,validated,no,validated by coord");
        status.Out.ShouldContain("E-RANSOM,,,2027-03-01,unassigned,no,");
        await Baken(3, "cycle", "status", "NRB-NONE");

        var folder = Directory.CreateTempSubdirectory("baken-workflow-").FullName;
        try
        {
            (await Baken(0, "analyse", "--iterations", "0", "--format", "csv", "--out", folder, "--user", "coord")).Out.ShouldContain("Concept run");
            var official = await Baken(0, "analyse", "--official", "--iterations", "0", "--format", "csv", "--out", folder, "--user", "coord");
            official.Out.ShouldContain("Analysed 1 scenarios");
            official.Out.ShouldNotContain("Concept run");
        }
        finally { Directory.Delete(folder, true); }

        await Baken(5, "cycle", "close", "NRB-2027", "--user", "analyst-wodc");
        await Baken(0, "cycle", "close", "NRB-2027", "--user", "coord");
        await Baken(4, "cycle", "close", "NRB-2027", "--user", "coord");
        await Baken(4, "cycle", "assign", "NRB-2027", "--scenario", "E-RANSOM", "--analysts", "analyst-wodc", "--user", "coord");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CycleRound_BlindUntilSubmitted_ThenRoundTwoForEveryone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        async Task<CliOutcome> Baken(int expected, params string[] args)
        {
            var r = await CliRun.Baken(database, args);
            r.ExitCode.ShouldBe(expected, $"{string.Join(' ', args)}: {r.Out} {r.Err}");
            return r;
        }
        await Baken(0, "user", "add", "coord", "--clearance", "Stg.G", "--roles", "Coordinator", "--organisation", "NCTV");
        await Baken(0, "user", "add", "analyst-wodc", "--clearance", "Stg.G", "--roles", "Analyst", "--organisation", "WODC");
        await Baken(0, "assessments", "import", SharedData.File("examples/assessments-example.csv"), "--user", "coord");
        await Baken(0, "cycle", "open", "NRB-2027", "--title", "NRB 2027", "--scenarios", "E-DROUGHT", "--due", "2027-03-01", "--user", "coord");

        // Round 1 is blind: another analyst's assessment is not found, and the export leaves it out, until one's own is submitted.
        await Baken(3, "assessment", "show", "E-DROUGHT.analyst-aivd", "--user", "analyst-wodc");
        var export = await Baken(0, "export", "--kind", "assessment", "--format", "csv", "--user", "analyst-wodc");
        export.Out.ShouldContain("E-DROUGHT.analyst-wodc");
        export.Out.ShouldNotContain("E-DROUGHT.analyst-aivd");
        export.Out.ShouldContain("E-RANSOM.analyst-aivd");
        await Baken(0, "assessment", "show", "E-DROUGHT.analyst-aivd", "--user", "coord");
        await Baken(0, "assessments", "submit", "E-DROUGHT", "--analyst", "analyst-wodc", "--user", "analyst-wodc");
        await Baken(0, "assessment", "show", "E-DROUGHT.analyst-aivd", "--user", "analyst-wodc");

        await Baken(5, "cycle", "round", "NRB-2027", "2", "--user", "analyst-wodc");
        (await Baken(2, "cycle", "round", "NRB-2027", "3", "--user", "coord")).Err.ShouldContain("round");
        (await Baken(0, "cycle", "round", "NRB-2027", "2", "--user", "coord")).Out.ShouldContain("is in round 2");
        await Baken(4, "cycle", "round", "NRB-2027", "2", "--user", "coord");
        await Baken(3, "cycle", "round", "NRB-NONE", "2", "--user", "coord");
        (await Baken(0, "assessment", "show", "E-DROUGHT.analyst-aivd", "--user", "coord")).Out.ShouldContain("round1_scores");
    }
}
