using Baken.Infrastructure.Cascades;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Cascades;

/// <summary>Malformed case files fail with a message naming the file, the field or line, and the value.</summary>
public sealed class IimCaseFileErrorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("baken-iim-bad-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Case(string diim, string perturbation = """{ "pinfra": ["S1"], "cvalue": [0.5] }""") =>
        Write("case.json", $$"""{ "DIIM": {{diim}}, "Perturbation": {{perturbation}} }""");

    private static IimCaseFileException Fails(string casePath) =>
        Should.Throw<IimCaseFileException>(() => IimCaseRunner.Run(casePath));

    [Fact]
    public void Run_MissingCaseFile_NamesFile()
    {
        var path = Path.Combine(folder, "nope.json");
        Fails(path).Message.ShouldContain("nope.json");
    }

    [Fact]
    public void Run_MissingMatrixFile_NamesMatrixFile()
    {
        var error = Fails(Case("""{ "amat_file": "absent.csv" }"""));
        error.FilePath.ShouldEndWith("absent.csv");
        error.Message.ShouldContain("not found");
    }

    [Fact]
    public void Run_NonSquareMatrix_SaysSquare()
    {
        Write("a.csv", "S1,S2\n0.1,0.2\n");
        var error = Fails(Case("""{ "amat_file": "a.csv" }"""));
        error.Message.ShouldContain("square");
        error.FilePath.ShouldEndWith("a.csv");
    }

    [Fact]
    public void Run_RowTooShort_NamesLine()
    {
        Write("a.csv", "S1,S2\n0.1,0.2\n0.3\n");
        Fails(Case("""{ "amat_file": "a.csv" }""")).Message.ShouldContain("line 3");
    }

    [Fact]
    public void Run_BadNumber_NamesLineColumnAndValue()
    {
        Write("a.csv", "S1,S2\n0.1,abc\n0.3,0.1\n");
        var message = Fails(Case("""{ "amat_file": "a.csv" }""")).Message;
        message.ShouldContain("line 2");
        message.ShouldContain("'S2'");
        message.ShouldContain("'abc'");
    }

    [Fact]
    public void Run_UnstableMatrix_ReportsDominantEigenvalue()
    {
        Write("a.csv", "S1,S2\n0.0,1.0\n1.0,0.0\n");
        var error = Fails(Case("""{ "amat_file": "a.csv" }"""));
        error.Message.ShouldContain("not stable");
        error.FilePath.ShouldEndWith("a.csv");
    }

    [Fact]
    public void Run_UnknownMatrixType_NamesFieldAndValue()
    {
        Write("a.csv", "S1\n0.1\n");
        var message = Fails(Case("""{ "amat_file": "a.csv", "amatrix_type": "leontief" }""")).Message;
        message.ShouldContain("DIIM.amatrix_type");
        message.ShouldContain("leontief");
    }

    [Fact]
    public void Run_PerturbedSectorNotInMatrix_NamesSector()
    {
        Write("a.csv", "S1,S2\n0.1,0.2\n0.3,0.1\n");
        Fails(Case("""{ "amat_file": "a.csv" }""", """{ "pinfra": ["Water"], "cvalue": [0.5] }"""))
            .Message.ShouldContain("Water");
    }

    [Fact]
    public void Run_PerturbationOutOfRange_NamesFieldAndValue()
    {
        Write("a.csv", "S1\n0.1\n");
        var message = Fails(Case("""{ "amat_file": "a.csv" }""", """{ "pinfra": ["S1"], "cvalue": [1.5] }""")).Message;
        message.ShouldContain("Perturbation.cvalue[0]");
        message.ShouldContain("1.5");
    }

    [Fact]
    public void Run_ResilienceOutsideUnitInterval_NamesKFile()
    {
        Write("a.csv", "S1\n0.1\n");
        Write("k.csv", "S1,1.2\n");
        var error = Fails(Case("""{ "amat_file": "a.csv", "kmat_file": "k.csv", "time_steps": 10 }"""));
        error.FilePath.ShouldEndWith("k.csv");
        error.Message.ShouldContain("1.2");
    }

    [Fact]
    public void Run_InputOutputTableWithoutOutputRow_SaysTotalOutputs()
    {
        Write("io.csv", "S1,S2\n1,2\n3,4\n");
        Fails(Case("""{ "amat_file": "io.csv", "amatrix_type": "input-output" }""")).Message.ShouldContain("total outputs");
    }

    [Fact]
    public void Run_SparseIndexOutOfRange_NamesLineAndIndex()
    {
        Write("s.csv", "S1,S2\n0,2,0.5\n");
        var message = Fails(Case("""{ "amat_file": "s.csv", "amatrix_type": "sparse_interdependency" }""")).Message;
        message.ShouldContain("line 2");
        message.ShouldContain("'2'");
    }

    [Fact]
    public void Run_InvalidJson_SaysNotValidJson()
    {
        Fails(Write("case.json", "{ \"DIIM\": ")).Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Run_DynamicCaseWithInitialStateAndNoPerturbation_Recovers()
    {
        // Reference case 11 of stigrs/diim (not among the copied cases): q0 = (0, 0.1), K = 0.2, recovery to 0.
        Write("a.csv", "Sector1,Sector2\n0.15,0.50\n0.10,0.05\n");
        Write("k.csv", "Sector1,0.2\nSector2,0.2\n");
        Write("q0.csv", "Sector1,0.0\nSector2,0.1\n");
        var path = Write("case.json", """{ "DIIM": { "amat_file": "a.csv", "kmat_file": "k.csv", "q0_file": "q0.csv", "time_steps": 100 } }""");

        var result = IimCaseRunner.Run(path);

        result.Trajectory!.At(0).ShouldBe([0.0, 0.1]);
        result.FinalInoperability.ShouldAllBe(q => q < 1e-6);
    }

    [Fact]
    public void Run_MatrixFileOutsideTheCaseFolder_IsRefusedWithoutReadingIt()
    {
        foreach (var escape in new[] { "../../etc/passwd", "/etc/passwd", "../outside.csv" })
        {
            var error = Fails(Case($$"""{ "amat_file": "{{escape}}" }"""));
            error.Message.ShouldContain("DIIM.amat_file");
            error.Message.ShouldContain("the case's own folder");
            error.Message.ShouldNotContain("root:");
        }
    }

    [Fact]
    public void Run_SectorsTimesStepsAboveTheBound_IsRefusedBeforeSimulating()
    {
        // 20 sectors × 1,000,000 steps = 20 million sector-steps, above the 10 million bound.
        var names = Enumerable.Range(1, 20).Select(i => $"S{i}").ToList();
        var rows = names.Select(_ => string.Join(",", names.Select(_ => "0.01")));
        Write("a.csv", string.Join(",", names) + "\n" + string.Join("\n", rows) + "\n");
        Write("k.csv", string.Join("\n", names.Select(n => $"{n},0.2")) + "\n");
        var path = Write("case.json", """{ "DIIM": { "amat_file": "a.csv", "kmat_file": "k.csv", "time_steps": 1000000 }, "Perturbation": { "pinfra": ["S1"], "cvalue": [0.5] } }""");

        var error = Fails(path);

        error.Message.ShouldContain("20 sectors × 1,000,000 time steps");
    }
}
