using System.Text.Json.Nodes;
using Baken.Methods.Dependencies;
using Baken.Application.Dependencies;
using Baken.Infrastructure.Dependencies;
using Baken.Testing;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Dependencies;

/// <summary>Named products: the HS6 names shipped inside the program, the screen's product column, and the domain of every flagged product.</summary>
public sealed class ProductNamesTests
{
    private static readonly string Subset = SharedData.File("baci/BACI_HS92_Y2021_subset_exporters_ZAF_AFG.zip");

    [Fact]
    public void Bundled_HoldsBothBaciDictionaries_WithTheirOwnWording()
    {
        var names = HsProductNames.Bundled;
        names.Count(HsNomenclature.Hs92).ShouldBe(5_021);
        names.Count(HsNomenclature.Hs17).ShouldBe(5_384);
        names.Name(10111, HsNomenclature.Hs92).ShouldBe("Horses: live, pure-bred breeding animals");
        names.Name(294110, HsNomenclature.Hs17)!.ShouldStartWith("Antibiotics");
        // 010111 exists in HS92 only (HS2017 split it into 010121/010129): asking in HS2017 falls back to HS92.
        names.Name(10111, HsNomenclature.Hs17).ShouldBe("Horses: live, pure-bred breeding animals");
        names.Name(123).ShouldBeNull(); // 000123 is no HS6 code
    }

    [Theory]
    [InlineData("BACI_HS92_Y2021_V202301.csv", HsNomenclature.Hs92)]
    [InlineData("/data/BACI_HS17_Y2022_V202401.zip", HsNomenclature.Hs17)]
    [InlineData("trade-2022.csv", null)]
    public void EditionOf_ReadsTheEditionFromTheFileName(string path, HsNomenclature? expected) =>
        HsProductNames.EditionOf(path).ShouldBe(expected);

    [Fact]
    public void Screen_OfTheBundledHs92Subset_NamesEveryProduct_AndQuotesNamesWithCommas()
    {
        var result = DependencyScreen.Run(Subset, 2021, DependencyImporter.Eu27);
        result.Products.Count.ShouldBe(2_846); // the products the EU imports from the two exporters
        result.Products.ShouldAllBe(p => HsProductNames.Bundled.Name(p.Hs6, HsNomenclature.Hs92) != null);

        using var writer = new StringWriter();
        DependencyScreenCsv.Write(result, writer, productName: code => HsProductNames.Bundled.Name(code, HsNomenclature.Hs92));
        var lines = writer.ToString().Split('\n');
        lines[0].Split(',').Last().ShouldBe("product");
        lines.Single(l => l.StartsWith("010111,", StringComparison.Ordinal)).ShouldEndWith(",\"Horses: live, pure-bred breeding animals\"");
    }

    [Fact]
    public void ProductDomains_CoverEveryProductTheScreenFlagsInTheBundledTradeData()
    {
        var catalogue = JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.CatalogueFolder, "product_domains.json")))!;
        var domains = JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.CatalogueFolder, "dependency_domains.json")))!["items"]!.AsArray()
            .Select(d => (string)d!["code"]!).ToHashSet();
        var mapping = catalogue["items"]!.AsArray()
            .Select(i => new ProductDomain((string)i!["prefix"]!, (string)i["domain"]!, null)).ToList();
        mapping.ShouldAllBe(m => domains.Contains(m.Domain));

        var screen = DependencyScreen.Run(Subset, 2021, DependencyImporter.Eu27);
        screen.Products.Count(p => p.Dependent).ShouldBeGreaterThan(2_000);
        var rows = DependencyRecords.Rows(screen, null, mapping, c => HsProductNames.Bundled.Name(c, HsNomenclature.Hs92));
        rows.Where(r => !r.Values.ContainsKey("domain")).Select(r => r.Values["hs6"]).ShouldBeEmpty();
        rows.Single(r => r.Values["hs6"] == "10111").Values["title"].ShouldBe("Horses: live, pure-bred breeding animals (HS 010111), imported by EU27");
    }
}
