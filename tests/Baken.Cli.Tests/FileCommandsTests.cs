using System.Globalization;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>The command-line contracts of the analysis tools, on the real data in shared/data.</summary>
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

    [Theory]
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
