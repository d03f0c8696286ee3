using Baken.Domain;
using Baken.Domain.Security;
using FsCheck.Xunit;

namespace Baken.Domain.Tests.Security;

public sealed class ClassificationTests
{
    [Theory]
    [InlineData(ClassificationLevel.Ongerubriceerd, 0, ClassificationLevel.Ongerubriceerd, 0, true)]
    [InlineData(ClassificationLevel.StaatsgeheimGeheim, 0, ClassificationLevel.StaatsgeheimConfidentieel, 0, false)]
    [InlineData(ClassificationLevel.StaatsgeheimConfidentieel, 0, ClassificationLevel.StaatsgeheimGeheim, 0, true)]
    [InlineData(ClassificationLevel.DepartementaalVertrouwelijk, 0b01, ClassificationLevel.StaatsgeheimZeerGeheim, 0b10, false)]
    [InlineData(ClassificationLevel.DepartementaalVertrouwelijk, 0b01, ClassificationLevel.DepartementaalVertrouwelijk, 0b11, true)]
    [InlineData(ClassificationLevel.DepartementaalVertrouwelijk, 0b11, ClassificationLevel.DepartementaalVertrouwelijk, 0b01, false)]
    public void IsVisibleTo_NeedsLevelAndEveryCompartment(ClassificationLevel level, long mask, ClassificationLevel clearance, long held, bool expected) =>
        new Classification(level, mask).IsVisibleTo(clearance, held).ShouldBe(expected);

    [Fact]
    public void Highest_TakesHighestLevelAndUnionOfCompartments()
    {
        var derived = Classification.Highest([
            new Classification(ClassificationLevel.DepartementaalVertrouwelijk, 0b001),
            new Classification(ClassificationLevel.StaatsgeheimGeheim, 0b100),
            Classification.Unclassified,
        ]);
        derived.ShouldBe(new Classification(ClassificationLevel.StaatsgeheimGeheim, 0b101));
    }

    [Fact]
    public void Highest_OfNothing_IsUnclassified() => Classification.Highest([]).ShouldBe(Classification.Unclassified);

    [Property]
    public bool Highest_IsNeverVisibleToSomeoneWhoCannotSeeAnInput(int a, long ma, int b, long mb, int clearance, long held)
    {
        var x = new Classification((ClassificationLevel)Math.Abs(a % 5), ma);
        var y = new Classification((ClassificationLevel)Math.Abs(b % 5), mb);
        var c = (ClassificationLevel)Math.Abs(clearance % 5);
        var derivedVisible = Classification.Highest([x, y]).IsVisibleTo(c, held);
        return !derivedVisible || (x.IsVisibleTo(c, held) && y.IsVisibleTo(c, held));
    }

    [Theory]
    [InlineData("Ongerubriceerd", ClassificationLevel.Ongerubriceerd)]
    [InlineData("Dep.V", ClassificationLevel.DepartementaalVertrouwelijk)]
    [InlineData("departementaal vertrouwelijk", ClassificationLevel.DepartementaalVertrouwelijk)]
    [InlineData("Stg.C", ClassificationLevel.StaatsgeheimConfidentieel)]
    [InlineData("STG.G", ClassificationLevel.StaatsgeheimGeheim)]
    [InlineData("Staatsgeheim Zeer Geheim", ClassificationLevel.StaatsgeheimZeerGeheim)]
    [InlineData("4", ClassificationLevel.StaatsgeheimZeerGeheim)]
    public void TryParse_AcceptsNamesAbbreviationsAndDigits(string text, ClassificationLevel expected)
    {
        ClassificationLevels.TryParse(text, out var level).ShouldBeTrue();
        level.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Top Secret")]
    [InlineData("5")]
    [InlineData("Geheim<script>")]
    public void TryParse_RefusesUnknownLevels(string text) => ClassificationLevels.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("R-001")]
    [InlineData("2.1")]
    [InlineData("goal.GOAL-01")]
    public void RecordCode_AcceptsBusinessKeys(string code) => RecordCode.Validate(code).ShouldBe(code);

    [Theory]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("a/b")]
    public void RecordCode_RefusesOthers_WithFieldValueAndAllowed(string code)
    {
        var e = Should.Throw<DomainValidationException>(() => RecordCode.Validate(code));
        e.Field.ShouldBe("code");
        e.Value.ShouldBe(code);
        e.Message.ShouldContain("allowed");
    }
}
