using Baken.Methods.Dependencies;
using Baken.Infrastructure.Dependencies;
using Baken.Testing;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Dependencies;

public sealed class BaciCountryDictionaryTests
{
    private static readonly BaciCountryDictionary Countries =
        BaciCountryDictionary.Read(SharedData.File("baci/BACI_country_codes_V202201.csv"));

    [Fact]
    public void Read_RealDictionary_HasAllRowsAndBaciSpecificCodes()
    {
        // wc -l gives 239 lines: a header and 238 countries.
        Countries.Countries.Count.ShouldBe(238);
        Countries.Find(251)!.Iso3.ShouldBe("FRA");
        Countries.Find(381)!.Name.ShouldBe("Italy");
        Countries.Find(579)!.Iso3.ShouldBe("NOR");
        Countries.Find(699)!.Iso3.ShouldBe("IND");
        Countries.Find(757)!.Iso3.ShouldBe("CHE");
        Countries.Find(842)!.Iso3.ShouldBe("USA");
    }

    [Fact]
    public void Read_Latin1Names_AreDecoded()
    {
        // The file is Latin-1; read as UTF-8, "Côte d'Ivoire" would hold a replacement character.
        Countries.Countries.ShouldContain(c => c.Name.Contains('ô'));
        Countries.Countries.ShouldAllBe(c => !c.Name.Contains('\uFFFD'));
    }

    [Fact]
    public void FindByIso3_SharedIso3_PrefersCurrentCountry()
    {
        Countries.FindByIso3("bel")!.Code.ShouldBe(56);
    }

    [Fact]
    public void Eu27_EveryMemberCodeIsInTheDictionaryUnderItsIso3()
    {
        foreach (var member in EuropeanUnion.Members)
            Countries.Find(member.Code)!.Iso3.ShouldBe(member.Iso3);
        EuropeanUnion.Members.Count.ShouldBe(27);
    }

    [Theory]
    [InlineData("EU27", "EU27")]
    [InlineData("eu-27", "EU27")]
    [InlineData("NLD", "NLD")]
    [InlineData("528", "NLD")]
    [InlineData("USA", "USA")]
    public void Parse_KnownImporter_ResolvesName(string text, string name)
    {
        DependencyImporterParser.Parse(text, Countries).Name.ShouldBe(name);
    }

    [Fact]
    public void Parse_UnknownImporter_ExplainsWhatIsAllowed()
    {
        Should.Throw<ArgumentException>(() => DependencyImporterParser.Parse("XYZ")).Message.ShouldContain("EU27");
    }
}

public sealed class BaciProductDictionaryTests
{
    [Fact]
    public void Read_RealHs17Dictionary_HasEveryProductWithDescriptions()
    {
        var products = BaciProductDictionary.Read(SharedData.File("baci/BACI_HS17_product_codes_V202201_with_BEC.csv"));

        // SOURCE.txt: 5,384 HS2017 6-digit products (python csv.DictReader counts the same).
        products.Count.ShouldBe(5_384);
        products.Find(10121)!.Description.ShouldBe("Horses: live, pure-bred breeding animals");
        products.Find(270112)!.Description.ShouldStartWith("Coal: bituminous");
    }

    [Fact]
    public void Read_MissingDescriptionColumn_NamesColumns()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "code,label\n010121,Horses\n");
            Should.Throw<BaciFormatException>(() => BaciProductDictionary.Read(path)).Message.ShouldContain("'description'");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
