using Baken.Methods.Risk;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class QuantityParserTests
{
    [Theory]
    [InlineData("350", 350)]
    [InlineData("350 deaths", 350)]
    [InlineData("€2.1 bn", 2.1e9)]
    [InlineData("2.1bn EUR", 2.1e9)]
    [InlineData("500 m", 500e6)]
    [InlineData("€500m", 500e6)]
    [InlineData("1e9", 1e9)]
    [InlineData("1,000,000", 1e6)]
    [InlineData("12 k people", 12_000)]
    [InlineData("3 miljard euro", 3e9)]
    [InlineData("0", 0)]
    [InlineData("350 km²×years", 350)]
    [InlineData("2 mln people×days", 2e6)]
    public void TryParse_AcceptedForms_GiveQuantity(string text, double expected)
    {
        QuantityParser.TryParse(text, out var q, out var error).ShouldBeTrue(error);
        q.ShouldBe(expected, Math.Max(expected * 1e-12, 1e-12));
    }

    [Theory]
    [InlineData("2,5", "decimal comma")]
    [InlineData("many", "is not a quantity")]
    [InlineData("-5", "is not a quantity")]
    [InlineData("2 EUR bn", "must come straight after the number")]
    public void TryParse_RefusedForms_Explain(string text, string expected)
    {
        QuantityParser.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(expected);
    }

    [Theory]
    [InlineData("350", true)]
    [InlineData("€2 bn", true)]
    [InlineData("C", false)]
    [InlineData("B-D", false)]
    [InlineData("", false)]
    public void LooksLikeQuantity_SeparatesNumbersFromClasses(string text, bool expected) =>
        QuantityParser.LooksLikeQuantity(text).ShouldBe(expected);
}
