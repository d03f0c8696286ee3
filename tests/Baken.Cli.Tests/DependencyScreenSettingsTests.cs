using System.Globalization;
using Baken.Testing;

namespace Baken.Cli.Tests;

/// <summary>Thresholds and the persistence window of the dependency screen as settings on the command line.</summary>
public sealed class DependencyScreenSettingsTests
{
    private static Dictionary<string, string> Dependent(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[4]);

    [Fact]
    public async Task Thresholds_AndA2Of3YearWindow_ChangeWhatIsDependent()
    {
        var example = SharedData.File("examples/baci-example-2022.csv");
        var lines = await File.ReadAllLinesAsync(example);
        var header = File.ReadLines(example).First();
        var folder = Directory.CreateTempSubdirectory("baci-window-").FullName;
        try
        {
            // The same trade in 2020 and 2021, except that LNG (271111) was not imported then.
            foreach (var y in new[] { "2020", "2021" })
                await File.WriteAllLinesAsync(Path.Combine(folder, $"{y}.csv"),
                    new[] { header }.Concat(lines.Skip(1).Where(l => l.Split(',')[3] != "271111").Select(l => y + l[4..])));

            var oneYear = await CliRun.WithoutDatabase("dependencies", "screen", "--baci", example, "--year", "2022", "--importer", "EU27");
            oneYear.ExitCode.ShouldBe(0, oneYear.Err);
            var header0 = oneYear.Out.Split('\n')[0].Split(',');
            var dependentColumn = Array.IndexOf(header0, "dependent");
            string DependentOf(string output, string hs6) => output.Split('\n').Single(l => l.StartsWith(hs6 + ",", StringComparison.Ordinal)).Split(',')[dependentColumn];
            DependentOf(oneYear.Out, "271111").ShouldBe("true");

            var strict = await CliRun.WithoutDatabase("dependencies", "screen", "--baci", example, "--year", "2022", "--importer", "EU27", "--hhi", "0.999");
            strict.ExitCode.ShouldBe(0, strict.Err);
            DependentOf(strict.Out, "271111").ShouldBe("false");

            var window = await CliRun.WithoutDatabase("dependencies", "screen", "--baci", example, Path.Combine(folder, "2020.csv"), Path.Combine(folder, "2021.csv"),
                "--year", "2022", "--importer", "EU27", "--window", "2/3");
            window.ExitCode.ShouldBe(0, window.Err);
            DependentOf(window.Out, "271111").ShouldBe("false"); // dependent in 1 of the 3 years only

            var missingYear = await CliRun.WithoutDatabase("dependencies", "screen", "--baci", example, "--year", "2022", "--importer", "EU27", "--window", "2/3");
            missingYear.ExitCode.ShouldBe(2);
            missingYear.Err.ShouldContain("2020");
            (await CliRun.WithoutDatabase("dependencies", "screen", "--baci", example, "--year", "2022", "--window", "two")).ExitCode.ShouldBe(2);
        }
        finally { Directory.Delete(folder, true); }
    }
}
