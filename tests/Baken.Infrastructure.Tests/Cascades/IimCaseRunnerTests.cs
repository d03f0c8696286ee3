using System.Globalization;
using Baken.Infrastructure.Cascades;
using Baken.Testing;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Cascades;

/// <summary>
/// The reference cases of tests/data/iim (expected_results.csv), run through the case-file reader as the CLI
/// does. Expected values and tolerances are those of expected_results.csv.
/// </summary>
public sealed class IimCaseRunnerTests
{
    private static IimCaseResult RunCase(string name) => IimCaseRunner.Run(SharedData.File($"iim/{name}.json"));

    private static void ShouldMatch(IReadOnlyList<double> actual, double[] expected, double tolerance)
    {
        actual.Count.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
            actual[i].ShouldBe(expected[i], tolerance, $"entry {i}");
    }

    [Theory]
    [InlineData("test_case1")] // dense A*
    [InlineData("test_case2")] // the same A* in sparse (i, j, value) form
    public void Run_Case1And2HaimesJiang_ReproducesWorkedExample(string name)
    {
        var result = RunCase(name);

        result.Sectors.ShouldBe(["Sector1", "Sector2"]);
        result.IsDynamic.ShouldBeFalse();
        ShouldMatch(result.FinalInoperability, [0.571, 0.714], 0.001);
        result.CumulativeInoperability.ShouldBeNull();
    }

    [Fact]
    public void Run_Case3_CapsAtOneAndReportsUncapped()
    {
        var result = RunCase("test_case3");

        ShouldMatch(result.FinalInoperability, [0.70, 0.78, 1.0, 1.0], 0.01);
        // expected_results.csv: "uncapped solve gives 0.703;0.781;1.328;1.406".
        ShouldMatch(result.UncappedInoperability!, [0.703, 0.781, 1.328, 1.406], 0.001);
    }

    [Fact]
    public void Run_Case4_ReproducesDirectSolve()
    {
        var result = RunCase("test_case4");

        result.Sectors.ShouldBe(["SectorA", "SectorB", "SectorC"]);
        ShouldMatch(result.FinalInoperability, [0.04, 0.02, 0.14], 0.01);
        ShouldMatch(result.FinalInoperability, [0.041, 0.017, 0.138], 0.001);
    }

    [Fact]
    public void Run_Case5_TechnicalCoefficientsMatchXuEq31()
    {
        var result = RunCase("test_case5");

        double[] expected = [0.14, 0.17, 0.26, 0.14, 0.11, 0.20, 0.32, 0.28, 0.20, 0.10, 0.26, 0.14, 0.14, 0.17, 0.10, 0.28];
        ShouldMatch(result.TechnicalCoefficients!.ToRowMajorArray(), expected, 0.015);
        // Exact: a_12 = z_12 / x_2 = 280 / 1610.
        result.TechnicalCoefficients![0, 1].ShouldBe(280.0 / 1610.0, 1e-15);
    }

    [Fact]
    public void Run_Case6_SupplySideMatrixMatchesXuEq34()
    {
        var result = RunCase("test_case6");

        double[] expected = [0.14, 0.11, 0.20, 0.14, 0.17, 0.20, 0.10, 0.17, 0.26, 0.32, 0.26, 0.10, 0.14, 0.28, 0.14, 0.28];
        ShouldMatch(result.InterdependencyMatrix.ToMatrix().ToRowMajorArray(), expected, 0.015);
        // No perturbation in the case: nothing is inoperable.
        result.FinalInoperability.ShouldAllBe(q => q == 0);
    }

    [Fact]
    public void Run_Case10_DynamicConvergesToStaticSolution()
    {
        var result = RunCase("test_case10");

        result.IsDynamic.ShouldBeTrue();
        result.Trajectory!.TimeSteps.ShouldBe(100);
        // Lian & Haimes (2006) / case 7: q = (0.066, 0.112); the static solve of the same A* and c* is
        // (I − A*)⁻¹ (0, 0.1) = (0.0660066, 0.1122112), which q(99) reaches to 1e-6.
        ShouldMatch(result.FinalInoperability, [0.066, 0.112], 0.001);
        ShouldMatch(result.FinalInoperability, [0.05 / 0.7575, 0.085 / 0.7575], 1e-6);
    }

    [Fact]
    public void Run_Case12_CumulativeIsTrapezoidIntegral()
    {
        var result = RunCase("test_case12");

        // expected_results.csv, tolerance 1e-6. A plain sum of q(t) gives 1.9801482 and 3.3663188, off by ~4e-6.
        ShouldMatch(result.CumulativeInoperability!, [1.980144350, 3.366317449], 1e-6);
        // After the window (t ≤ 30) the system recovers towards zero.
        result.FinalInoperability.ShouldAllBe(q => q < 1e-4);
    }

    [Fact]
    public void Write_StaticCase_HasExactColumnsAndEmptyCumulative()
    {
        var writer = new StringWriter();
        IimResultCsv.Write(RunCase("test_case1"), writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("sector,q_final,q_cumulative");
        lines.Length.ShouldBe(3);
        var cells = lines[1].Split(',');
        cells[0].ShouldBe("Sector1");
        // q1 = 0.8 q2 and q2 = 0.2 q1 + 0.6, so q1 = 0.48 / 0.84.
        double.Parse(cells[1], CultureInfo.InvariantCulture).ShouldBe(0.48 / 0.84, 1e-12);
        cells[2].ShouldBe("");
    }

    [Fact]
    public void Write_DynamicCase_WritesCumulativeWithFullPrecision()
    {
        var writer = new StringWriter();
        var result = RunCase("test_case12");
        IimResultCsv.Write(result, writer);

        var row = writer.ToString().Split('\n')[2].Split(',');
        row[0].ShouldBe("Sector2");
        double.Parse(row[2], CultureInfo.InvariantCulture).ShouldBe(result.CumulativeInoperability![1]);
    }

    [Fact]
    public void WriteMatrix_InputOutputCase_WritesDerivedMatrixRereadableAsCase()
    {
        var result = RunCase("test_case6");
        var folder = Directory.CreateTempSubdirectory("baken-iim-").FullName;
        try
        {
            using (var writer = new StreamWriter(Path.Combine(folder, "astar.csv")))
                IimResultCsv.WriteMatrix(result, writer);
            File.WriteAllText(Path.Combine(folder, "case.json"),
                """{ "DIIM": { "amat_file": "astar.csv" }, "Perturbation": { "pinfra": ["Water"], "cvalue": [0.2] } }""");

            var reread = IimCaseRunner.Run(Path.Combine(folder, "case.json"));

            reread.Sectors.ShouldBe(["Electric", "Rail", "Water", "Gas"]);
            reread.InterdependencyMatrix.ToMatrix().ToRowMajorArray()
                .ShouldBe(result.InterdependencyMatrix.ToMatrix().ToRowMajorArray());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void WriteMatrix_TechnicalCoefficientsOfInputOutputCase_MatchXuEq31()
    {
        var writer = new StringWriter();
        IimResultCsv.WriteMatrix(RunCase("test_case5"), writer, IimMatrixKind.TechnicalCoefficients);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Electric,Rail,Water,Gas");
        lines[1].Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()
            .ShouldBe([0.14, 0.17, 0.26, 0.14], 0.015);
    }

    [Fact]
    public void WriteMatrix_TechnicalCoefficientsOfGivenAStar_Throws()
    {
        Should.Throw<InvalidOperationException>(() =>
            IimResultCsv.WriteMatrix(RunCase("test_case1"), new StringWriter(), IimMatrixKind.TechnicalCoefficients));
    }

    [Fact]
    public void DynamicCase150_MatchesDenseImplementationExactly()
    {
        // 150 sectors: above the order where the spectral radius comes from the dense eigenvalues, so this runs the
        // Perron–Frobenius bounds as well as the sparse steps. The expected file is the dense implementation's output.
        var result = IimCaseRunner.Run(SharedData.File("iim/dynamic150/case.json"));
        var expected = File.ReadAllLines(SharedData.File("iim/dynamic150/expected-before-sparse.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToList();

        result.IsDynamic.ShouldBeTrue();
        result.Trajectory!.TimeSteps.ShouldBe(60);
        result.Sectors.ShouldBe(expected.Select(f => f[0]).ToList());
        for (var i = 0; i < expected.Count; i++)
        {
            // Bit for bit: the sparse sums add the same non-zero terms in the same order as the dense ones.
            result.FinalInoperability[i].ShouldBe(double.Parse(expected[i][1], CultureInfo.InvariantCulture), $"q_final of {expected[i][0]}");
            result.CumulativeInoperability![i].ShouldBe(double.Parse(expected[i][2], CultureInfo.InvariantCulture), $"q_cumulative of {expected[i][0]}");
        }
        result.FinalInoperability.Max().ShouldBeGreaterThan(1e-4, "the case must leave some inoperability, or the comparison proves little");
    }
}
