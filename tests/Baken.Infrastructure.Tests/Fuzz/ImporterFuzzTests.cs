using System.Text;
using Baken.Infrastructure.Assessments;
using Baken.Infrastructure.CountryRisk;
using Baken.Infrastructure.Files;
using Baken.Infrastructure.Signals;
using Baken.Infrastructure.Stix;
using Baken.Testing;

namespace Baken.Infrastructure.Tests.Fuzz;

/// <summary>
/// Fuzzing of the importers: random bytes and seeded mutations of real files (bytes flipped, cut, repeated, inserted)
/// never crash a reader. Each either reads the input or reports it as invalid in the way its contract says
/// (a result with errors, or the one exception type it documents for unreadable files).
/// </summary>
public sealed class ImporterFuzzTests
{
    private const int Rounds = 250;

    // The characters that delimit, quote or nest in CSV, JSON and XML.
    private static readonly byte[] Specials = Encoding.ASCII.GetBytes("\",;\n\r{}[]<>&\0:");

    private static IEnumerable<byte[]> Inputs(byte[] seed, int randomSeed)
    {
        var random = new Random(randomSeed);
        for (var i = 0; i < Rounds; i++)
        {
            if (i % 5 == 0)
            {
                var noise = new byte[random.Next(0, 2000)];
                random.NextBytes(noise);
                yield return noise;
                continue;
            }
            var bytes = seed.ToList();
            for (var m = random.Next(1, 12); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at)); break;
                    case 2: bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 64)).ToList()); break;
                    case 3: bytes.Insert(at, Specials[random.Next(Specials.Length)]); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break; // truncated file
                }
            }
            yield return bytes.ToArray();
        }
    }

    private static void Survives(IEnumerable<byte[]> inputs, Action<byte[]> read, params Type[] documented)
    {
        var i = 0;
        foreach (var input in inputs)
        {
            try { read(input); }
            catch (Exception e) when (documented.Contains(e.GetType()))
            {
                e.Message.ShouldNotBeNullOrWhiteSpace();
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"input {i} ({input.Length} bytes) crashed the reader with {e.GetType().Name}: {e.Message}", e);
            }
            i++;
        }
    }

    [Fact]
    public void StixBundleReader_RandomAndMutatedBundles_NeverCrash() =>
        Survives(Inputs(File.ReadAllBytes(SharedData.File("stix/indicators-for-C2-with-COA.json")), 1), b =>
        {
            var result = StixBundleReader.Read(new MemoryStream(b));
            result.ShouldNotBeNull();
        });

    [Fact]
    public void InformCountryFileReader_RandomAndMutatedFiles_NeverCrash() =>
        Survives(Inputs(File.ReadAllBytes(SharedData.File("inform/INFORM-2016.csv")).Take(40_000).ToArray(), 2),
            b => InformCompute.Run(InformCountryFileReader.Read(b)), typeof(InvalidDataException));

    [Fact]
    public void FeedReader_RandomAndMutatedFeeds_NeverCrash()
    {
        var feed = Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>A &amp; B</title><link>https://x.org/a</link><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate><description>&lt;b&gt;x&lt;/b&gt;</description></item>
            <item><title>C</title><guid>c</guid><pubDate>2026-11-03T10:00:00+01:00</pubDate></item></channel></rss>
            """);
        Survives(Inputs(feed, 3), b => FeedReader.Parse(new MemoryStream(b), "fuzz").ShouldNotBeNull());
    }

    [Fact]
    public void SignalFileReader_RandomAndMutatedCsvAndJson_NeverCrash()
    {
        var csv = Encoding.UTF8.GetBytes("date,title,summary,source,url,reliability,credibility,classification,tags\n2026-11-01,\"A, b\",x,NOS,https://x/1,B,2,,interest:1;sector:energy\n");
        var json = Encoding.UTF8.GetBytes("""[{"date":"2026-11-01","title":"A","source":"NOS","tags":"interest:1","reliability":"B","credibility":"2"}]""");
        Survives(Inputs(csv, 4), b => SignalFileReader.ReadCsv(new MemoryStream(b)).ShouldNotBeNull());
        Survives(Inputs(json, 5), b => SignalFileReader.ReadJson(new MemoryStream(b)).ShouldNotBeNull());
    }

    [Fact]
    public void RegisterFileReader_RandomAndMutatedCsvJsonAndXlsx_NeverCrash()
    {
        var csv = Encoding.UTF8.GetBytes("code,title,kind,classification\nR-1,\"Flood, coast\",hazard,Ongerubriceerd\nR-2,=cmd,threat,Dep.V\n");
        var json = Encoding.UTF8.GetBytes("""[{"code":"R-1","title":"Flood","kind":"hazard"},{"code":"R-2","title":null}]""");
        Survives(Inputs(csv, 6), b => RegisterFileReader.Read(new MemoryStream(b), RegisterFileFormat.Csv).ShouldNotBeNull());
        Survives(Inputs(json, 7), b => RegisterFileReader.Read(new MemoryStream(b), RegisterFileFormat.Json).ShouldNotBeNull());
        var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[] { new Dictionary<string, object> { ["code"] = "R-1", ["title"] = "Flood" } });
        Survives(Inputs(xlsx.ToArray(), 8), b => RegisterFileReader.Read(new MemoryStream(b), RegisterFileFormat.Xlsx).ShouldNotBeNull());
    }

    [Fact]
    public void UcdpReader_MutatedFiles_NeverCrash() =>
        Survives(Inputs(File.ReadAllBytes(SharedData.File("ucdp/ucdpbrds_country_year_1946_2022.csv")).Take(20_000).ToArray(), 9),
            b => UcdpReader.ReadCountryYears(new MemoryStream(b)), typeof(UcdpFormatException));

    [Fact]
    public void AssessmentFileReader_MutatedCsvAndXlsx_NeverCrash()
    {
        var csv = File.ReadAllBytes(SharedData.File("examples/assessments-example.csv"));
        var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[] { new Dictionary<string, object> { ["scenario_id"] = "S-1", ["analyst"] = "a", ["2.1"] = "C" } });
        foreach (var (seed, extension, n) in new[] { (csv, ".csv", 10), (xlsx.ToArray(), ".xlsx", 11) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"fuzz-{n}{extension}");
            try
            {
                Survives(Inputs(seed, n), b =>
                {
                    File.WriteAllBytes(path, b);
                    // Rows (possibly none, which the analysis refuses with its own message) or an error message, never an exception.
                    _ = AssessmentFileReader.ReadRows(path, out _);
                });
            }
            finally { File.Delete(path); }
        }
    }
}
