using System.Globalization;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>The command-line contracts of the analysis tools, on the real data in tests/data.</summary>
public sealed class FileCommandsTests
{
    [Fact]
    public async Task Iim_Case12_WritesCumulativeImpactPerSector()
    {
        var output = Path.Combine(Path.GetTempPath(), $"iim-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await CliRun.WithoutDatabase("iim", "--case", SharedData.File("iim/test_case12.json"), "--out", output);
            result.ExitCode.ShouldBe(0, result.Err);
            var lines = await File.ReadAllLinesAsync(output);
            lines[0].ShouldBe("sector,q_final,q_cumulative");
            var s1 = lines.Single(l => l.StartsWith("Sector1,", StringComparison.Ordinal)).Split(',');
            double.Parse(s1[2], CultureInfo.InvariantCulture).ShouldBe(1.980144350, 1e-6);
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public async Task Iim_Trajectory_HasEveryStep_AndItsLastRowIsTheFinalInoperability()
    {
        var output = Path.Combine(Path.GetTempPath(), $"iim-{Guid.NewGuid():N}.csv");
        var path = Path.Combine(Path.GetTempPath(), $"iim-t-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await CliRun.WithoutDatabase("iim", "--case", SharedData.File("iim/test_case12.json"), "--out", output, "--trajectory", path);
            result.ExitCode.ShouldBe(0, result.Err);
            var rows = await File.ReadAllLinesAsync(path);
            var header = rows[0].Split(',');
            header[0].ShouldBe("t");
            var final = (await File.ReadAllLinesAsync(output)).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => double.Parse(c[1], CultureInfo.InvariantCulture));
            var last = rows[^1].Split(',');
            for (var i = 1; i < header.Length; i++)
                double.Parse(last[i], CultureInfo.InvariantCulture).ShouldBe(final[header[i]], 1e-12);
            rows.Length.ShouldBeGreaterThan(2);
            var staticCase = await CliRun.WithoutDatabase("iim", "--case", SharedData.File("iim/test_case1.json"), "--trajectory", path);
            staticCase.ExitCode.ShouldBe(2);
            staticCase.Err.ShouldContain("static case");
        }
        finally { File.Delete(output); File.Delete(path); }
    }

    [Fact]
    public async Task Iim_MissingCase_IsInvalidInput()
    {
        var result = await CliRun.WithoutDatabase("iim", "--case", "/nonexistent/case.json");
        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("case.json");
    }

    [Fact]
    public async Task DependenciesScreen_ExampleYear_FlagsTheDependentProducts()
    {
        var result = await CliRun.WithoutDatabase("dependencies", "screen", "--baci", SharedData.File("examples/baci-example-2022.csv"), "--year", "2022", "--importer", "EU27");
        result.ExitCode.ShouldBe(0, result.Err);
        var rows = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        rows["271111"][3].ShouldBe("true");
        rows["810890"][3].ShouldBe("true");
        rows["300490"][3].ShouldBe("false");
        double.Parse(rows["810890"][1], CultureInfo.InvariantCulture).ShouldBe(0.7888, 1e-4);
    }

    [Fact]
    public async Task InformCompute_2020_ReproducesThePublishedRisk()
    {
        var result = await CliRun.WithoutDatabase("inform", "compute", "--input", SharedData.File("inform/inform_gri_2020_v040.csv"));
        result.ExitCode.ShouldBe(0, result.Err);
        var header = result.Out.Split('\n')[0].Split(',');
        header[..3].ShouldBe(["iso3", "country", "risk"]);
        result.Out.Split('\n').Count(l => l.Length > 0).ShouldBe(192);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stix_ImportExport_KeepsEveryObject_AndMarkingsClassify(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var bundle = SharedData.File("stix/indicators-for-C2-with-COA.json");
        var import = await CliRun.Baken(database, "stix", "import", bundle);
        import.ExitCode.ShouldBe(0, import.Err);
        var output = Path.Combine(Path.GetTempPath(), $"stix-{Guid.NewGuid():N}.json");
        try
        {
            (await CliRun.Baken(database, "stix", "export", "--out", output)).ExitCode.ShouldBe(0);
            var original = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(bundle)).RootElement.GetProperty("objects");
            var exported = await File.ReadAllTextAsync(output);
            foreach (var o in original.EnumerateArray()) exported.ShouldContain(o.GetProperty("id").GetString()!);
            // The bundle is marked: x_baken_marking on the bundle and a first statement marking-definition saying the same.
            using (var written = System.Text.Json.JsonDocument.Parse(exported))
            {
                var marking = written.RootElement.GetProperty("x_baken_marking").GetString()!;
                Marking.TryParse(marking, out _).ShouldBeTrue(marking);
                written.RootElement.GetProperty("objects")[0].GetProperty("definition").GetProperty("statement").GetString().ShouldBe(marking);
            }
            var again = await CliRun.Baken(database, "stix", "import", bundle);
            again.Out.ShouldContain("0 new");
        }
        finally { File.Delete(output); }

        // A user without clearance for TLP:AMBER (Departementaal Vertrouwelijk) sees none of the amber-marked objects.
        var interop = await CliRun.Baken(database, "stix", "import", SharedData.File("stix/interop-objectmarking-test.json"));
        interop.ExitCode.ShouldBe(0, interop.Err);
        (await CliRun.Baken(database, "user", "add", "public", "--clearance", "Ongerubriceerd")).ExitCode.ShouldBe(0);
        var list = await CliRun.Baken(database, "stix-object", "list", "--format", "csv", "--user", "public");
        var all = await CliRun.Baken(database, "stix-object", "list", "--format", "csv");
        list.Out.Split('\n').Length.ShouldBeLessThan(all.Out.Split('\n').Length);
    }
}

public sealed class AnalyseCommandTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnalyseInput_WritesTheContractColumns_SameSeedSameBytes_AndShowsQuantityDerivations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var folder = Directory.CreateTempSubdirectory("analyse-").FullName;
        var input = Path.Combine(folder, "in.csv");
        var lines = (await File.ReadAllLinesAsync(SharedData.File("examples/assessments-example.csv"))).ToList();
        // One analyst gives deaths as a quantity instead of a class; the report must show how it became a class.
        var cells = lines[1].Split(',');
        cells[14] = "350 deaths";
        lines[1] = string.Join(',', cells);
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            var first = await CliRun.Baken(database, "analyse", "--input", input, "--seed", "3", "--iterations", "500", "--out", Path.Combine(folder, "a"));
            first.ExitCode.ShouldBe(0, first.Err);
            var second = await CliRun.Baken(database, "analyse", "--input", input, "--seed", "3", "--iterations", "500", "--out", Path.Combine(folder, "b"), "--format", "csv");
            second.ExitCode.ShouldBe(0, second.Err);
            var csv = await File.ReadAllBytesAsync(Path.Combine(folder, "a", "results.csv"));
            csv.ShouldBe(await File.ReadAllBytesAsync(Path.Combine(folder, "b", "results.csv")));
            File.Exists(Path.Combine(folder, "b", "report.html")).ShouldBeFalse();
            System.Text.Encoding.UTF8.GetString(csv).Split('\n')[0].ShouldStartWith("scenario_id,scenario_title,theme,likelihood,impact_value,impact_band,rank,p05,p50,p95,p_top5,p_top10");
            var report = await File.ReadAllTextAsync(Path.Combine(folder, "a", "report.html"));
            report.ShouldContain("350 doden valt in C"); // Dutch by default: the derivation in Dutch words, unit included
            File.Exists(Path.Combine(folder, "a", "report.docx")).ShouldBeTrue();
            (await File.ReadAllTextAsync(Path.Combine(folder, "a", "results.json"))).ShouldContain("\"scenarios\"");
            // The run's marking: first member of results.json, and beside results.csv.
            (await File.ReadAllTextAsync(Path.Combine(folder, "a", "results.json"))).ShouldStartWith("{\n  \"marking\": \"ONGERUBRICEERD\",");
            (await File.ReadAllTextAsync(Path.Combine(folder, "b", "results.csv.marking"))).ShouldBe("ONGERUBRICEERD\n");
            var runs = await CliRun.Baken(database, "analyse", "runs");
            runs.Out.Split('\n').Count(l => l.StartsWith("RUN-", StringComparison.Ordinal)).ShouldBe(2);
        }
        finally { Directory.Delete(folder, true); }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnalyseInput_WithABadCell_AnalysesNothing_AndNamesLineColumnAndValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var folder = Directory.CreateTempSubdirectory("analyse-").FullName;
        var input = Path.Combine(folder, "bad.csv");
        var lines = (await File.ReadAllLinesAsync(SharedData.File("examples/assessments-example.csv"))).ToList();
        lines[3] = lines[3].Replace(",Ongerubriceerd,", ",Geheimpje,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(input, lines);
        try
        {
            var result = await CliRun.Baken(database, "analyse", "--input", input, "--out", Path.Combine(folder, "out"));
            result.ExitCode.ShouldBe(2);
            result.Err.ShouldContain("line 4");
            result.Err.ShouldContain("Geheimpje");
            Directory.Exists(Path.Combine(folder, "out")).ShouldBeFalse();
            (await CliRun.Baken(database, "analyse", "--input", input, "--as-clearance", "Top")).ExitCode.ShouldBe(2);
        }
        finally { Directory.Delete(folder, true); }
    }
}

public sealed class CascadeCommandsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Critical_OnTheCatalogueNetwork_RanksElectricityOrTelecomFirst_AndSaysTheEdgesAreIndicative(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var result = await CliRun.Baken(database, "cascade", "critical", "--hours", "24", "--horizon", "72");
        result.ExitCode.ShouldBe(0, result.Err);
        result.Err.ShouldContain("indicative");
        var rows = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBe(28);
        new[] { "1", "2", "6", "7", "8" }.ShouldContain(rows[0][1]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Simulate_ElectricityOutage_FailsDependants_AndUnknownProcessIsInvalid(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var result = await CliRun.Baken(database, "cascade", "simulate", "--process", "1", "--hours", "12", "--horizon", "48");
        result.ExitCode.ShouldBe(0, result.Err);
        result.Out.ShouldContain("fails because 'Landelijk transport, distributie en productie elektriciteit' is inoperable");
        (await CliRun.Baken(database, "cascade", "simulate", "--process", "999")).ExitCode.ShouldBe(2);
        // The core's refusal in its own words: without the runtime's "(Parameter 'stepHours')" and "Actual value was".
        var badStep = await CliRun.Baken(database, "cascade", "simulate", "--process", "1", "--step", "0");
        badStep.ExitCode.ShouldBe(2);
        badStep.Err.Split('\n').ShouldContain("The time step must be a finite number of hours > 0.");
        badStep.Err.ShouldNotContain("Actual value");
    }
}

public sealed class BadFileTests
{
    [SkippableTheory]
    [InlineData("stix", "import")]
    [InlineData("inform", "compute", "--input")]
    [InlineData("analyse", "--no-store", "--input")]
    public async Task EmptyOrMalformedFiles_GiveInvalidInput_WithAMessage(params string[] command)
    {
        var empty = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.csv");
        var garbage = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(empty, "");
        await File.WriteAllTextAsync(garbage, "{ \"type\": \"bundle\", \"objects\": [ {\"id\": ");
        var home = Directory.CreateTempSubdirectory("baken-home-").FullName;
        try
        {
            foreach (var file in new[] { empty, garbage })
            {
                var result = await CliRun.WithoutDatabase([.. command, file, "--database", Path.Combine(home, "b.db")]);
                result.ExitCode.ShouldBe(ExitCodes.Invalid, $"{string.Join(' ', command)} {Path.GetFileName(file)}: {result.Err}");
                result.Err.Trim().ShouldNotBeEmpty();
                result.Err.ShouldNotContain("   at ");
            }
        }
        finally
        {
            File.Delete(empty);
            File.Delete(garbage);
            Directory.Delete(home, true);
        }
    }
}
