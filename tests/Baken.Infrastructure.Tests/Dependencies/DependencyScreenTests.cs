using System.Globalization;
using System.IO.Compression;
using Baken.Methods.Dependencies;
using Baken.Infrastructure.Dependencies;
using Baken.Testing;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Dependencies;

public sealed class DependencyScreenTests
{
    private static readonly string Example = SharedData.File("examples/baci-example-2022.csv");
    private static readonly string Subset = SharedData.File("baci/BACI_HS92_Y2021_subset_exporters_ZAF_AFG.zip");

    [Fact]
    public void Run_ExampleYearEu27_MatchesExpectedFile()
    {
        var result = DependencyScreen.Run(Example, 2022, DependencyImporter.Eu27);

        var expected = File.ReadAllLines(SharedData.File("examples/baci-example-2022.expected.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture));
        result.Products.Select(p => p.Hs6).ShouldBe(expected.Keys.Order());
        foreach (var p in result.Products)
        {
            var e = expected[p.Hs6];
            p.SupplierHhi!.Value.ShouldBe(double.Parse(e[1], CultureInfo.InvariantCulture), 1e-4);
            p.ExtraShare!.Value.ShouldBe(double.Parse(e[2], CultureInfo.InvariantCulture), 1e-4);
            p.Dependent.ShouldBe(bool.Parse(e[3]), $"product {p.Hs6}");
        }
    }

    [Fact]
    public void Run_ExampleYearEu27_IntraEuTradeCountsAsImportsAndExportsButNotAsSupplier()
    {
        var crude = DependencyScreen.Run(Example, 2022, DependencyImporter.Eu27).Products.Single(p => p.Hs6 == 271111);

        // Extra-EU: NOR 700, USA 200, QAT 100 into EU members; intra-EU: NLD → DEU 600.
        crude.ExtraImports.ShouldBe(1000, 1e-9);
        crude.TotalImports.ShouldBe(1600, 1e-9);
        crude.Exports.ShouldBe(600, 1e-9);
        crude.TopSupplier.ShouldBe(579);
        crude.TopSupplierShare!.Value.ShouldBe(0.7, 1e-12);
        crude.SupplierCount.ShouldBe(3);
        crude.ImportExportRatio!.Value.ShouldBe(1000.0 / 600.0, 1e-12);
    }

    [Fact]
    public void Run_ExampleYearNetherlands_UsesOnlyDutchFlows()
    {
        var importer = DependencyImporterParser.Parse("NLD");
        var crude = DependencyScreen.Run(Example, 2022, importer).Products.Single(p => p.Hs6 == 271111);

        // Into 528: NOR 700 + USA 200, all extra-EU; out of 528: 600 to DEU.
        crude.TotalImports.ShouldBe(900, 1e-9);
        crude.ExtraShare!.Value.ShouldBe(1.0, 1e-12);
        crude.SupplierHhi!.Value.ShouldBe((7.0 / 9) * (7.0 / 9) + (2.0 / 9) * (2.0 / 9), 1e-12);
        crude.Exports.ShouldBe(600, 1e-9);
        crude.CbsBand.ShouldBe(ConcentrationBand.High);
    }

    [Fact]
    public void Write_ExampleYear_HasContractColumnsAndSixDigitCodes()
    {
        var writer = new StringWriter();
        DependencyScreenCsv.Write(DependencyScreen.Run(Example, 2022, DependencyImporter.Eu27), writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("hs6,supplier_hhi,extra_share,dependent,import_export_ratio");
        lines.Length.ShouldBe(5);
        var molybdenum = lines.Single(l => l.StartsWith("810890,", StringComparison.Ordinal)).Split(',');
        double.Parse(molybdenum[1], CultureInfo.InvariantCulture).ShouldBe(0.7888, 1e-12);
        molybdenum[3].ShouldBe("true");
    }

    [Fact]
    public void Write_SmallCode_PadsToSixDigits()
    {
        var product = new ProductDependency(10121, 2022, 1, 1, null, 5, 5, 0, 1, 4, 1, 1, true, true, true, true, true, ConcentrationBand.High);
        var writer = new StringWriter();
        DependencyScreenCsv.Write([product], writer);

        var row = writer.ToString().Split('\n')[1].Split(',');
        row[0].ShouldBe("010121");
        row[4].ShouldBe(""); // no exports: the ratio is undefined
    }

    [Fact]
    public void Run_RealSubsetEu27_TotalsMatchIndependentAwkSums()
    {
        // Reference values computed with awk over the same file (EU-27 in BACI codes, plus 58):
        //   awk -F, 'NR>1 && ($3 in eu){v+=$5; k[$4]=1}' → 11,156 rows into the EU, v = 11,442,514.216, 2,846 products.
        // Every exporter in the file (ZAF 710, AFG 4) is outside the EU, so all of it is extra-EU.
        var result = DependencyScreen.Run(Subset, 2021, DependencyImporter.Eu27);

        result.FlowsRead.ShouldBe(71_192);
        result.Products.Count.ShouldBe(2_846);
        result.Products.Sum(p => p.ExtraImports).ShouldBe(11_442_514.216, 1e-3);
        result.Products.Sum(p => p.TotalImports).ShouldBe(11_442_514.216, 1e-3);
        result.Products.ShouldAllBe(p => Math.Abs(p.ExtraShare!.Value - 1.0) < 1e-12);
        // Coal 270112 comes to the EU only from South Africa: awk finds 3 rows into EU members, Σv = 178,097.787.
        var coal = result.Products.Single(p => p.Hs6 == 270112);
        coal.ExtraImports.ShouldBe(178_097.787, 1e-3);
        coal.SupplierHhi.ShouldBe(1.0);
        coal.TopSupplier.ShouldBe(710);
    }

    [Fact]
    public void ReadFlows_RealSubset_RowCountsValuesAndMissingQuantities()
    {
        // awk over the file: 71,192 rows, all t = 2021; ZAF 68,122 rows, AFG 3,070; Σv = 69,369,988.138;
        // 4,422 distinct HS6 codes; 2,306 rows with q = "NA" (padded inside quotes).
        long rows = 0, zaf = 0, afg = 0, missingQuantity = 0;
        var value = 0.0;
        var products = new HashSet<int>();
        foreach (var flow in BaciTradeFlowReader.ReadFlows(Subset))
        {
            rows++;
            flow.Year.ShouldBe(2021);
            if (flow.Exporter == 710) zaf++;
            if (flow.Exporter == 4) afg++;
            if (flow.Quantity is null) missingQuantity++;
            value += flow.Value;
            products.Add(flow.Hs6);
        }

        rows.ShouldBe(71_192);
        zaf.ShouldBe(68_122);
        afg.ShouldBe(3_070);
        value.ShouldBe(69_369_988.138, 1e-2);
        products.Count.ShouldBe(4_422);
        missingQuantity.ShouldBe(2_306);
    }

    [Fact]
    public void ReadFlows_PaddedQuotedQuantity_IsParsed()
    {
        var first = BaciTradeFlowReader.ReadFlows(Subset).First();

        first.ShouldBe(new BaciTradeFlow(2021, 4, 24, 382390, 52.051, 13.235));
    }

    [Fact]
    public void Run_ZippedExample_EqualsUnzipped()
    {
        var folder = Directory.CreateTempSubdirectory("baken-baci-zip-").FullName;
        try
        {
            var zip = Path.Combine(folder, "BACI_2022.zip");
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                archive.CreateEntryFromFile(Example, "BACI_HS17_Y2022_V202401.csv");

            var zipped = DependencyScreen.Run(zip, 2022, DependencyImporter.Eu27).Products;

            zipped.ShouldBe(DependencyScreen.Run(Example, 2022, DependencyImporter.Eu27).Products);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void RunPersistent_GeoDepTwoOfThreeYears_FlagsOnlyPersistentProducts()
    {
        var folder = Directory.CreateTempSubdirectory("baken-baci-years-").FullName;
        try
        {
            // Molybdenum (810890) from China alone in 2020 and 2022; in 2021 spread over four suppliers.
            // Wine 220421 from three equal suppliers (HHI 1/3) in 2020 and 2021, from one in 2022. World exports are the same flows, so world HHI follows.
            var path = Path.Combine(folder, "years.csv");
            File.WriteAllText(path, string.Join('\n',
                "t,i,j,k,v,q",
                "2020,156,276,810890,900,1", "2020,842,276,810890,100,1",
                "2021,156,276,810890,250,1", "2021,842,276,810890,250,1", "2021,643,276,810890,250,1", "2021,124,276,810890,250,1",
                "2022,156,276,810890,950,1", "2022,842,276,810890,50,1",
                "2020,32,276,220421,500,1", "2020,152,276,220421,500,1", "2020,710,276,220421,500,1",
                "2021,32,276,220421,500,1", "2021,152,276,220421,500,1", "2021,710,276,220421,500,1",
                "2022,32,276,220421,1000,1"));

            var results = DependencyScreen.RunPersistent([path], 2022, DependencyImporter.Eu27, DependencyCriteria.GeoDep);

            var molybdenum = results.Single(r => r.Hs6 == 810890);
            molybdenum.YearsDependent.ShouldBe([2020, 2022]);
            molybdenum.Dependent.ShouldBeTrue();
            var wine = results.Single(r => r.Hs6 == 220421);
            wine.YearsDependent.ShouldBe([2022]);
            wine.Dependent.ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
