using System.Globalization;
using Baken.Methods.Risk;
using Baken.Infrastructure.Assessments;
using Baken.Application.Assessments;
using Baken.Infrastructure.Reports.Analysis;
using Baken.Testing;
using Shouldly;

namespace Baken.Infrastructure.Tests.Assessments;

/// <summary>
/// The contract of issue 3: the shared example file, read and analysed with the default equal-per-criterion profile
/// and factor 3, gives the independently computed consensus likelihood and I(s), and the same seed gives the same
/// results.csv byte for byte.
/// </summary>
public sealed class AssessmentExampleContractTests
{
    private static AnalysisInput ReadExample()
    {
        var result = IndicativeNrbCriteria.CreateReader().Read(SharedData.File("examples/assessments-example.csv"));
        result.Errors.ShouldBeEmpty(string.Join("; ", result.Errors));
        return result.Input!;
    }

    private static AnalysisSettings DefaultSettings(AnalysisInput input, long seed = 2017) =>
        new(BuiltInProfiles.Create(input.Criteria)[0]) { Factor = 3, Iterations = 5_000, Seed = seed, DirichletConcentration = 100 };

    [Fact]
    public void Run_ExampleFileWithEqualWeightsFactor3_MatchesExpectedLikelihoodAndImpactValue()
    {
        var input = ReadExample();
        var result = IntegratedAnalysis.Run(input, DefaultSettings(input));

        var expected = File.ReadAllLines(SharedData.File("examples/assessments-example.expected.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        expected.Count.ShouldBe(4);
        foreach (var row in expected)
        {
            var scenario = result.Scenarios.Single(s => s.Id == row[0]);
            scenario.Likelihood.ToString().ShouldBe(row[1], $"likelihood of {row[0]}");
            scenario.ImpactValue.ShouldBe(double.Parse(row[2], CultureInfo.InvariantCulture), 1e-6, $"impact_value of {row[0]}");
        }
    }

    [Fact]
    public void Run_ExampleFile_ImpactValuesAreExactAndRankedHighestFirst()
    {
        var input = ReadExample();
        var result = IntegratedAnalysis.Run(input, DefaultSettings(input));

        // Single division keeps the hand values exact, not merely within 1e-6.
        result.Scenarios.Select(s => (s.Id, s.ImpactValue, s.Rank)).ShouldBe(
        [
            ("E-DROUGHT", 22.0, 1),
            ("E-ZOONOSE", 15.0, 2),
            ("E-RANSOM", 13.5, 3),
            ("E-SUBVERT", 12.0, 4),
        ]);
        // log3(22) = 2.81 → A + 2 = C; log3(12) = 2.26 → C.
        result.Scenarios.Select(s => s.ImpactBand).ShouldAllBe(b => b == ImpactClass.C);
    }

    [Fact]
    public void WriteResultsCsv_SameSeedTwice_IsByteIdentical()
    {
        var input = ReadExample();
        var first = ResultsCsvWriter.ToBytes(IntegratedAnalysis.Run(input, DefaultSettings(input, seed: 99)));
        var second = ResultsCsvWriter.ToBytes(IntegratedAnalysis.Run(input, DefaultSettings(input, seed: 99) with { MaxDegreeOfParallelism = 1 }));
        var otherSeed = ResultsCsvWriter.ToBytes(IntegratedAnalysis.Run(input, DefaultSettings(input, seed: 100)));

        second.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    [Fact]
    public void WriteResultsCsv_ExampleFile_HasContractColumnsAndInvariantNumbers()
    {
        var input = ReadExample();
        var text = System.Text.Encoding.UTF8.GetString(ResultsCsvWriter.ToBytes(IntegratedAnalysis.Run(input, DefaultSettings(input))));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldStartWith("scenario_id,scenario_title,theme,likelihood,impact_value,impact_band,rank,p05,p50,p95,p_top5,p_top10");
        lines.Length.ShouldBe(5);
        lines[1].ShouldStartWith("E-DROUGHT,Langdurige droogte en hitte,Klimaat en natuurrampen,D,22,C,1,");
        lines.ShouldContain(l => l.StartsWith("E-RANSOM,Ransomware-aanval op drinkwaterbedrijven,Cyberdreigingen,B,13.5,C,3,", StringComparison.Ordinal));
    }
}
