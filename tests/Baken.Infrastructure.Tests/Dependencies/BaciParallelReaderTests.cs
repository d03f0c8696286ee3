using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Baken.Methods.Dependencies;
using Baken.Infrastructure.Dependencies;
using Baken.Testing;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Dependencies;

/// <summary>
/// The parallel BACI reader (issue 20, item 7) gives exactly the one-thread reader's flows, in the same order, for any
/// range size and number of threads; lines it does not handle itself go to the one-thread reader, errors included.
/// </summary>
public sealed class BaciParallelReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("baken-baci-parallel-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The bundled real BACI subset (quoted header, CRLF, quantities quoted and padded inside the quotes) as a plain CSV.</summary>
    private string BundledCsv()
    {
        var path = Path.Combine(folder, "subset.csv");
        using var archive = ZipFile.OpenRead(SharedData.File("baci/BACI_HS92_Y2021_subset_exporters_ZAF_AFG.zip"));
        archive.Entries.Single().ExtractToFile(path);
        return path;
    }

    /// <summary>A synthetic year in the shapes BACI files come in: bare and quoted fields, padding, NA and empty quantities, exponents.</summary>
    private string Generated(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("t,i,j,k,v,q\n");
        var eu = DependencyImporter.Eu27.Members.Members.ToArray();
        for (var r = 0; r < rows; r++)
        {
            var exporter = random.Next(3) == 0 ? eu[random.Next(eu.Length)] : random.Next(4, 900);
            var importer = random.Next(2) == 0 ? eu[random.Next(eu.Length)] : random.Next(4, 900);
            var product = random.Next(20) == 0 ? 10121 + random.Next(50) : 100000 + random.Next(2000) * 37;
            var value = random.Next(6) switch
            {
                0 => random.Next(1, 100000).ToString(CultureInfo.InvariantCulture),
                1 => (random.NextDouble() * 1e6).ToString("F3", CultureInfo.InvariantCulture),
                2 => "  " + (random.NextDouble() * 100).ToString("F6", CultureInfo.InvariantCulture),
                3 => (random.NextDouble() * 10).ToString("E4", CultureInfo.InvariantCulture),
                4 => "\"" + (random.NextDouble() * 5000).ToString("F3", CultureInfo.InvariantCulture) + "\"",
                _ => (random.NextDouble() * 1e12).ToString("R", CultureInfo.InvariantCulture),
            };
            var quantity = random.Next(5) switch
            {
                0 => "NA",
                1 => "",
                2 => "\"      " + (random.NextDouble() * 50).ToString("F3", CultureInfo.InvariantCulture) + "\"",
                _ => (random.NextDouble() * 9000).ToString("F3", CultureInfo.InvariantCulture),
            };
            var k = random.Next(4) == 0 ? $"\"{product:D6}\"" : product.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"2022,{exporter},{importer},{k},{value},{quantity}\n");
        }
        return Write($"generated-{seed}.csv", text.ToString());
    }

    private static string ScreenCsv(IEnumerable<BaciTradeFlow> flows, int year)
    {
        var writer = new StringWriter();
        DependencyScreenCsv.Write(DependencyScreen.Run(flows, "test", year, DependencyImporter.Eu27), writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData(4096, 1)]
    [InlineData(4096, 2)]
    [InlineData(65536, 3)]
    [InlineData(1 << 20, 2)]
    public void ReadCsvParallel_BundledBaciSubset_SameFlowsAndScreenAsOneThread(int chunkBytes, int workers)
    {
        var path = BundledCsv();
        var sequential = BaciTradeFlowReader.ReadCsvSequential(path).ToList();
        var handOvers = BaciTradeFlowReader.HandOvers;

        var parallel = BaciTradeFlowReader.ReadCsvParallel(path, chunkBytes, workers).ToList();

        BaciTradeFlowReader.HandOvers.ShouldBe(handOvers, "the fast path must read real BACI rows itself");
        sequential.Count.ShouldBeGreaterThan(50_000);
        parallel.ShouldBe(sequential);
        ScreenCsv(parallel, 2021).ShouldBe(ScreenCsv(sequential, 2021));
    }

    [Theory]
    [InlineData(257, 2)]
    [InlineData(4096, 4)]
    [InlineData(100_000, 2)]
    public void ReadCsvParallel_GeneratedYear_SameFlowsAndScreenAsOneThread(int chunkBytes, int workers)
    {
        var path = Generated(20_000, seed: chunkBytes);
        var sequential = BaciTradeFlowReader.ReadCsvSequential(path).ToList();
        var handOvers = BaciTradeFlowReader.HandOvers;

        var parallel = BaciTradeFlowReader.ReadCsvParallel(path, chunkBytes, workers).ToList();

        BaciTradeFlowReader.HandOvers.ShouldBe(handOvers, "exponents and padding are read by the fast path's number parsers");
        parallel.ShouldBe(sequential);
        var screen = ScreenCsv(parallel, 2022);
        screen.ShouldBe(ScreenCsv(sequential, 2022));
        screen.Split('\n').Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Run_FileLargerThanOneRange_ScreensInParallelWithTheSameResult()
    {
        // Above the range size, DependencyScreen.Run on a path takes the parallel reader.
        var path = Generated(80_000, seed: 5);
        new FileInfo(path).Length.ShouldBeGreaterThan(BaciTradeFlowReader.ParallelChunkBytes);

        var writer = new StringWriter();
        DependencyScreenCsv.Write(DependencyScreen.Run(path, 2022, DependencyImporter.Eu27), writer);

        writer.ToString().ShouldBe(ScreenCsv(BaciTradeFlowReader.ReadCsvSequential(path), 2022));
    }

    [Fact]
    public void ReadCsvParallel_QuotedLineBreakInAnExtraColumn_HandsOverToOneThreadReader()
    {
        // Valid CSV the fast path does not take: a note column with a line break inside quotes, in the middle of the file.
        var text = new StringBuilder("t,i,j,k,v,q,note\n");
        for (var r = 0; r < 2000; r++)
            text.Append(CultureInfo.InvariantCulture, $"2022,{4 + r % 50},{251 + r % 3},{100000 + r % 97},{r}.5,1.0,{(r == 1234 ? "\"two\nlines\"" : "x")}\n");
        var path = Write("note.csv", text.ToString());
        var sequential = BaciTradeFlowReader.ReadCsvSequential(path).ToList();
        var handOvers = BaciTradeFlowReader.HandOvers;

        var parallel = BaciTradeFlowReader.ReadCsvParallel(path, 1000, 2).ToList();

        BaciTradeFlowReader.HandOvers.ShouldBe(handOvers + 1);
        sequential.Count.ShouldBe(2000);
        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void ReadCsvParallel_BadValueLate_SameMessageAndLineAsOneThreadReader()
    {
        var text = new StringBuilder("t,i,j,k,v,q\n");
        for (var r = 0; r < 3000; r++) text.Append(CultureInfo.InvariantCulture, $"2022,{4 + r % 50},251,100000,{(r == 2500 ? "12x" : "7.25")},1\n");
        var path = Write("bad.csv", text.ToString());
        var expected = Should.Throw<BaciFormatException>(() => BaciTradeFlowReader.ReadCsvSequential(path).Count()).Message;

        var parallel = new List<BaciTradeFlow>();
        var error = Should.Throw<BaciFormatException>(() =>
        {
            foreach (var flow in BaciTradeFlowReader.ReadCsvParallel(path, 512, 2)) parallel.Add(flow);
        });

        error.Message.ShouldBe(expected);
        error.Message.ShouldContain("line 2502");
        parallel.Count.ShouldBe(2500);
    }

    [Fact]
    public void ReadCsvParallel_StoppedEarly_ReleasesTheFile()
    {
        var path = Generated(20_000, seed: 9);

        BaciTradeFlowReader.ReadCsvParallel(path, 1024, 2).Take(10).Count().ShouldBe(10);

        // The workers are done and the handle closed: the file can be opened for writing and deleted.
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
        File.Delete(path);
    }

    [Fact]
    public void ReadCsvParallel_HeaderOnlyOrNoLineEnd_SameAsOneThreadReader()
    {
        BaciTradeFlowReader.ReadCsvParallel(Write("h1.csv", "t,i,j,k,v,q\n"), 64, 2).ShouldBeEmpty();
        BaciTradeFlowReader.ReadCsvParallel(Write("h2.csv", "t,i,j,k,v,q"), 64, 2).ShouldBeEmpty();
        var last = Write("h3.csv", "t,i,j,k,v,q\r\n2022,4,251,100000,1.5,NA");
        BaciTradeFlowReader.ReadCsvParallel(last, 64, 2).ShouldBe(BaciTradeFlowReader.ReadCsvSequential(last).ToList());
    }

    [Fact]
    public void TryNumber_PlainDecimals_BitForBitWhatUtf8ParserGives()
    {
        // The fast decimal path must give the correctly rounded double, as the one-thread reader's Utf8Parser does:
        // 200,000 seeded strings of 1–15 digits with 0–15 decimals, plus the edges of the fast path.
        var random = new Random(20);
        var texts = new List<string> { "0", "0.0", "999999999999999", "0.000000000000001", "9007199254740.993", "0.1", "2.675", "1.005" };
        for (var c = 0; c < 200_000; c++)
        {
            var length = random.Next(1, 16);
            var digits = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
            var decimals = random.Next(0, length);
            texts.Add(decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..]);
        }
        foreach (var text in texts)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            Utf8Parser.TryParse(bytes, out double expected, out _).ShouldBeTrue();
            BaciTradeFlowReader.TryNumber(bytes, out var actual).ShouldBeTrue(text);
            if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
                throw new ShouldAssertException($"'{text}': fast path {actual:R}, Utf8Parser {expected:R}");
            actual.ShouldBe(double.Parse(text, CultureInfo.InvariantCulture), text);
        }
    }
}
