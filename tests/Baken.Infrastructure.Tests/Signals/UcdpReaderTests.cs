using Baken.Methods.Signals;
using Baken.Infrastructure.Signals;
using Baken.Testing;

namespace Baken.Infrastructure.Tests.Signals;

public class UcdpReaderTests
{
    private const int Ukraine = 369;
    private static readonly Lazy<IReadOnlyList<CountryYearDeaths>> Rows =
        new(() => UcdpReader.ReadCountryYears(SharedData.File("ucdp/ucdpbrds_country_year_1946_2022.csv")));

    [Fact]
    public void ReadCountryYears_RealFile_ReadsEveryRow()
    {
        // SOURCE.txt: 12,902 rows, 1946–2022.
        Rows.Value.Count.ShouldBe(12_902);
        Rows.Value.Min(r => r.Year).ShouldBe(1946);
        Rows.Value.Max(r => r.Year).ShouldBe(2022);
        var ukraine2022 = Rows.Value.Single(r => r.GwCode == Ukraine && r.Year == 2022);
        ukraine2022.ShouldBe(new CountryYearDeaths(Ukraine, "Ukraine", 2022, 57695, 81497, 160762));
    }

    [Fact]
    public void Escalation_Ukraine_Flags2014AsJumpAndConflictAnd2022AsWar()
    {
        var series = UcdpReader.BestSeries(Rows.Value, Ukraine);

        var findings = Escalation.Detect(series, EscalationSettings.Default);

        // 2014: 4,888 best-estimate deaths after 2011–2013 with none.
        var y2014 = findings.Single(f => f.Year == 2014);
        y2014.Deaths.ShouldBe(4888);
        y2014.Kind.ShouldBe(EscalationKind.Jump | EscalationKind.ArmedConflictThreshold | EscalationKind.WarThreshold);
        // 2022: 81,497 against mean(311, 196, 208) = 238.33 for 2019–2021, ratio ≈ 342.
        var y2022 = findings.Single(f => f.Year == 2022);
        y2022.Deaths.ShouldBeGreaterThanOrEqualTo(1000);
        y2022.Kind.ShouldBe(EscalationKind.Jump | EscalationKind.WarThreshold);
        y2022.Baseline.ShouldBe(715.0 / 3, 1e-9);
        findings.Select(f => f.Year).ShouldBe([2014, 2022]);
    }

    [Fact]
    public void ReadCountryYears_BadNumber_NamesLineAndColumn()
    {
        var csv = "\"gwcode\",\"country_name\",\"year\",\"low\",\"high\",\"best\"\n369,\"Ukraine\",2014,1,x,2\n";

        var e = Should.Throw<UcdpFormatException>(() => UcdpReader.ReadCountryYears(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "test.csv"));

        e.Message.ShouldContain("line 2");
        e.Message.ShouldContain("column high");
        e.Message.ShouldContain("'x'");
    }

    [Fact]
    public void CountriesCatalogue_EveryCodeAndNameMatchesTheUcdpFile()
    {
        var countries = UcdpReader.ReadCountries(CatalogueFile("ucdp_countries.json"));
        var names = Rows.Value.GroupBy(r => r.GwCode).ToDictionary(g => g.Key, g => g.Select(r => r.Country).ToHashSet());

        countries.Count.ShouldBeGreaterThan(40);
        foreach (var c in countries)
        {
            names.ShouldContainKey(c.GwCode, $"{c.Name} ({c.GwCode}) is not in the UCDP file");
            names[c.GwCode].ShouldContain(c.UcdpName, $"{c.Name} ({c.GwCode})");
        }
        countries.Select(c => c.Iso3).ShouldBeUnique();
        countries.Select(c => c.GwCode).ShouldBeUnique();
        countries.Single(c => c.Iso3 == "UKR").GwCode.ShouldBe(Ukraine);
        countries.Single(c => c.Iso3 == "VEN").Region.ShouldBe("caribbean");
        countries.Single(c => c.Iso3 == "RUS").Region.ShouldBe("around-europe");
    }

    private static string CatalogueFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "catalog", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"catalog/{name} not found above {AppContext.BaseDirectory}.");
    }
}
