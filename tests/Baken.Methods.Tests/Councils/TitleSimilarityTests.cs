using Baken.Methods.Councils;

namespace Baken.Methods.Tests.Councils;

public sealed class TitleSimilarityTests
{
    [Fact]
    public void Tokens_DropPunctuationCaseAndDutchAndEnglishStopWords()
    {
        TitleSimilarity.Tokens("De weerbaarheid van de Cyber-infrastructuur, and the NCTV's plan!")
            .ShouldBe(["cyber", "infrastructuur", "nctv", "plan", "s", "weerbaarheid"]);
    }

    [Theory]
    [InlineData("Cyberdreiging vitale processen", "Vitale processen: cyberdreiging", 1.0)]
    [InlineData("Energievoorziening winter", "Energievoorziening en de winter 2026", 2.0 / 3)]
    [InlineData("Gasvoorraad", "Medicijnentekort", 0.0)]
    [InlineData("de het een", "de het een", 0.0)]
    [InlineData("", "", 0.0)]
    public void Of_ReferenceTitles_GivesJaccardOfContentWords(string a, string b, double expected) =>
        TitleSimilarity.Of(a, b).ShouldBe(expected, 1e-12);

    [Fact]
    public void Of_IsSymmetricAndDiacriticsAreKept()
    {
        TitleSimilarity.Of("Ruimte voor economie", "Economie en ruimte").ShouldBe(TitleSimilarity.Of("Economie en ruimte", "Ruimte voor economie"));
        TitleSimilarity.Of("Geïntegreerde analyse", "Geintegreerde analyse").ShouldBe(1.0 / 3, 1e-12);
    }
}
