using Baken.Domain.Security;

namespace Baken.Domain.Tests.Security;

/// <summary>The marking line format of METHODS §10 and the audiences that decide what a product may hold.</summary>
public sealed class MarkingTests
{
    [Theory]
    [InlineData(ClassificationLevel.Ongerubriceerd, new string[0], "ONGERUBRICEERD")]
    [InlineData(ClassificationLevel.DepartementaalVertrouwelijk, new string[0], "DEP. VERTROUWELIJK")]
    [InlineData(ClassificationLevel.StaatsgeheimConfidentieel, new[] { "cyb" }, "STG. CONFIDENTIEEL // CYB")]
    [InlineData(ClassificationLevel.StaatsgeheimGeheim, new[] { "NUC", "CYB", "NUC" }, "STG. GEHEIM // NUC, CYB")]
    [InlineData(ClassificationLevel.StaatsgeheimZeerGeheim, new string[0], "STG. ZEER GEHEIM")]
    public void Text_IsLevelThenCompartmentsAfterADoubleSlash(ClassificationLevel level, string[] compartments, string expected)
    {
        var marking = new Marking(level, compartments);
        marking.Text.ShouldBe(expected);
        Marking.TryParse(expected, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(marking);
    }

    [Theory]
    [InlineData("Stg.G // NUC; CYB", "STG. GEHEIM // NUC, CYB")]
    [InlineData("Staatsgeheim Geheim", "STG. GEHEIM")]
    [InlineData("dep.v", "DEP. VERTROUWELIJK")]
    public void TryParse_ReadsOtherSpellingsOfTheLevel(string text, string expected)
    {
        Marking.TryParse(text, out var marking).ShouldBeTrue();
        marking.Text.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SECRET")]
    [InlineData("Stg.G // NUC CYB!")]
    public void TryParse_RefusesWhatIsNotAMarking(string text) => Marking.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Covers_NeedsTheLevelAndEveryCompartment()
    {
        var high = new Marking(ClassificationLevel.StaatsgeheimGeheim, ["NUC", "CYB"]);
        high.Covers(new Marking(ClassificationLevel.DepartementaalVertrouwelijk, ["CYB"])).ShouldBeTrue();
        high.Covers(new Marking(ClassificationLevel.StaatsgeheimZeerGeheim)).ShouldBeFalse();
        new Marking(ClassificationLevel.StaatsgeheimZeerGeheim).Covers(new Marking(ClassificationLevel.Ongerubriceerd, ["NUC"])).ShouldBeFalse();
    }

    [Fact]
    public void PublicAudience_AdmitsOnlyPublishableUnclassifiedRecordsWithoutCompartments()
    {
        var pub = Audience.Public;
        pub.Admits(Classification.Unclassified, publishable: true).ShouldBeTrue();
        pub.Admits(Classification.Unclassified, publishable: false).ShouldBeFalse();
        // Publishable is no key to a higher level or a compartment.
        pub.Admits(new Classification(ClassificationLevel.StaatsgeheimZeerGeheim, 0), publishable: true).ShouldBeFalse();
        pub.Admits(new Classification(ClassificationLevel.Ongerubriceerd, 1), publishable: true).ShouldBeFalse();

        var cleared = Audience.Cleared(ClassificationLevel.StaatsgeheimGeheim, 1, new Marking(ClassificationLevel.StaatsgeheimGeheim, ["NUC"]));
        cleared.Admits(new Classification(ClassificationLevel.StaatsgeheimGeheim, 1), false).ShouldBeTrue();
        cleared.Admits(new Classification(ClassificationLevel.DepartementaalVertrouwelijk, 2), false).ShouldBeFalse();
        cleared.Admits(new Classification(ClassificationLevel.StaatsgeheimZeerGeheim, 0), false).ShouldBeFalse();
        cleared.Name.ShouldBe("STG. GEHEIM // NUC");
    }
}
