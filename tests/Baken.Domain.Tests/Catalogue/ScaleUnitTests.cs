using Baken.Domain.Catalogue;
using Shouldly;

namespace Baken.Domain.Tests.Catalogue;

public sealed class ScaleUnitTests
{
    [Theory]
    [InlineData("deaths", "doden")]
    [InlineData("people×days", "personen×dagen")]
    [InlineData("km²×years", "km²×jaar")]
    [InlineData("EUR", "EUR")]
    [InlineData("ladder", "ladder")]
    [InlineData("widgets×days", "widgets×dagen")]
    public void Dutch_TranslatesEachFactor_AndKeepsWhatItDoesNotKnow(string unit, string dutch) => ScaleUnit.Display(unit, "nl").ShouldBe(dutch);

    [Theory]
    [InlineData("deaths")]
    [InlineData("people×days")]
    public void English_IsTheCatalogueUnit(string unit) => ScaleUnit.Display(unit, "en").ShouldBe(unit);

    [Fact]
    public void Missing_IsEmpty() => ScaleUnit.Display(null, "nl").ShouldBeEmpty();
}
