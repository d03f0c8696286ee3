using Baken.Methods.Dependencies;
using Baken.Infrastructure.Dependencies;
using Baken.Testing;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Dependencies;

/// <summary>Bad BACI input fails with a message naming the file, line, column and value; nothing is screened.</summary>
public sealed class BaciMalformedFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("baken-baci-bad-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private string Write(string text)
    {
        var path = Path.Combine(folder, "baci.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static BaciFormatException Fails(string path, int year = 2022) =>
        Should.Throw<BaciFormatException>(() => DependencyScreen.Run(path, year, DependencyImporter.Eu27));

    [Fact]
    public void Run_EmptyFile_SaysEmpty()
    {
        var error = Fails(Write(""));
        error.Message.ShouldContain("empty");
        error.FilePath.ShouldEndWith("baci.csv");
    }

    [Fact]
    public void Run_HeaderOnly_SaysNoRows()
    {
        Fails(Write("t,i,j,k,v,q\n")).Message.ShouldContain("no rows");
    }

    [Fact]
    public void Run_MissingFile_SaysNotFound()
    {
        Fails(Path.Combine(folder, "absent.csv")).Message.ShouldContain("not found");
    }

    [Fact]
    public void Run_MissingValueColumn_NamesColumn()
    {
        Fails(Write("t,i,j,k,q\n2022,156,276,810890,1\n")).Message.ShouldContain("'v'");
    }

    [Fact]
    public void Run_BadValue_NamesLineColumnAndText()
    {
        var message = Fails(Write("t,i,j,k,v,q\n2022,156,276,810890,12.5,1\n2022,156,276,810890,abc,1\n")).Message;
        message.ShouldContain("line 3");
        message.ShouldContain("'v'");
        message.ShouldContain("'abc'");
    }

    [Fact]
    public void Run_NegativeValue_IsRejected()
    {
        Fails(Write("t,i,j,k,v,q\n2022,156,276,810890,-5,1\n")).Message.ShouldContain("'-5'");
    }

    [Fact]
    public void Run_BadCountryCode_NamesColumn()
    {
        var message = Fails(Write("t,i,j,k,v,q\n2022,CHN,276,810890,5,1\n")).Message;
        message.ShouldContain("'i'");
        message.ShouldContain("'CHN'");
    }

    [Fact]
    public void Run_BadQuantity_IsRejectedButNaIsMissing()
    {
        Fails(Write("t,i,j,k,v,q\n2022,156,276,810890,5,\"  x1 \"\n")).Message.ShouldContain("'q'");
        var ok = Write("t,i,j,k,v,q\n2022,156,276,810890,5,\"          NA\"\n");
        DependencyScreen.Run(ok, 2022, DependencyImporter.Eu27).Products.Single().ExtraImports.ShouldBe(5);
    }

    [Fact]
    public void Run_YearNotInFile_ListsYearsPresent()
    {
        var message = Fails(SharedData.File("examples/baci-example-2022.csv"), 2023).Message;
        message.ShouldContain("2023");
        message.ShouldContain("years present: 2022");
    }

    [Fact]
    public void Run_ZipWithoutCsv_SaysExactlyOne()
    {
        var zip = Path.Combine(folder, "empty.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
            archive.CreateEntry("readme.txt");
        Fails(zip).Message.ShouldContain("exactly one .csv");
    }

    [Fact]
    public void Run_UnbalancedQuote_IsMalformed()
    {
        Fails(Write("t,i,j,k,v,q\n2022,156,276,810890,5,\"  1.0\n2022,156,276,810890,5,1\n")).Message.ShouldContain("malformed");
    }
}
