using Baken.Domain.Security;
using Baken.Infrastructure.Stix;
using Shouldly;
using Xunit;
using static Baken.Infrastructure.Tests.Stix.StixSamples;

namespace Baken.Infrastructure.Tests.Stix;

public class StixMarkingMapTests
{
    [Theory]
    [InlineData(TlpMarkings.White, ClassificationLevel.Ongerubriceerd)]
    [InlineData(TlpMarkings.Clear2, ClassificationLevel.Ongerubriceerd)]
    [InlineData(TlpMarkings.Green, ClassificationLevel.Ongerubriceerd)]
    [InlineData(TlpMarkings.Green2, ClassificationLevel.Ongerubriceerd)]
    [InlineData(TlpMarkings.Amber, ClassificationLevel.DepartementaalVertrouwelijk)]
    [InlineData(TlpMarkings.Amber2, ClassificationLevel.DepartementaalVertrouwelijk)]
    [InlineData(TlpMarkings.AmberStrict2, ClassificationLevel.DepartementaalVertrouwelijk)]
    [InlineData(TlpMarkings.Red, ClassificationLevel.StaatsgeheimConfidentieel)]
    [InlineData(TlpMarkings.Red2, ClassificationLevel.StaatsgeheimConfidentieel)]
    public void LevelOf_PredefinedTlp_DefaultTable(string markingId, ClassificationLevel expected)
    {
        StixMarkingMap.Default.LevelOf(markingId, null, out var known).ShouldBe(expected);
        known.ShouldBeTrue();
    }

    [Fact]
    public void Classify_ObjectAndGranularMarkings_TakesHighest()
    {
        var marked = Campaign(extra: $$""", "object_marking_refs": ["{{TlpMarkings.Green}}"], "granular_markings": [ { "marking_ref": "{{TlpMarkings.Amber2}}", "selectors": ["name"] } ]""");
        var result = StixBundleReader.ReadText(Bundle(marked));

        var classification = StixMarkingMap.Default.Classify(result.Objects.Single(), result.MarkingDefinitions);

        classification.Level.ShouldBe(ClassificationLevel.DepartementaalVertrouwelijk);
        classification.DecidingMarkingRef.ShouldBe(TlpMarkings.Amber2);
        classification.UnknownMarkingRefs.ShouldBeEmpty();
    }

    [Fact]
    public void Classify_OrderOfMarkings_DoesNotMatter()
    {
        var map = StixMarkingMap.Default;

        map.Classify([TlpMarkings.Red, TlpMarkings.Green]).Level.ShouldBe(map.Classify([TlpMarkings.Green, TlpMarkings.Red]).Level);
        map.Classify([TlpMarkings.Green, TlpMarkings.Red]).DecidingMarkingRef.ShouldBe(TlpMarkings.Red);
    }

    [Fact]
    public void Classify_StatementMarking_DefaultsToZeroUnlessConfigured()
    {
        var result = StixBundleReader.ReadText(Bundle(StatementMarking(), Campaign(extra: $$""", "object_marking_refs": ["{{StatementId}}"]""")));
        var campaign = result.Objects.Single(o => o.Type == "campaign");
        var configured = new StixMarkingMap(markingLevels: new Dictionary<string, ClassificationLevel> { [StatementId] = ClassificationLevel.StaatsgeheimGeheim });

        StixMarkingMap.Default.Classify(campaign, result.MarkingDefinitions).Level.ShouldBe(ClassificationLevel.Ongerubriceerd);
        configured.Classify(campaign, result.MarkingDefinitions).Level.ShouldBe(ClassificationLevel.StaatsgeheimGeheim);
    }

    [Fact]
    public void Classify_UnknownMarking_FailsClosedAndIsReported()
    {
        using var input = File.OpenRead(Baken.Testing.SharedData.File("stix/interop-objectmarking-test.json"));
        var result = StixBundleReader.Read(input);
        var lenient = new StixMarkingMap(unknownMarkingLevel: ClassificationLevel.Ongerubriceerd);
        var strict = new StixMarkingMap(unknownMarkingLevel: ClassificationLevel.StaatsgeheimZeerGeheim);

        var campaign = result.Objects.Single();
        StixMarkingMap.Default.Classify(campaign).UnknownMarkingRefs.ShouldBe(["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec"]);
        // TLP:RED (the known marking) still decides when unknown markings are treated leniently.
        lenient.Classify(campaign).Level.ShouldBe(ClassificationLevel.StaatsgeheimConfidentieel);
        strict.Classify(campaign).Level.ShouldBe(ClassificationLevel.StaatsgeheimZeerGeheim);
    }

    [Fact]
    public void Classify_TlpMarkingUnderNonStandardId_UsesItsDefinition()
    {
        const string customAmber = "marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
        var definition = $$"""{ "type": "marking-definition", "spec_version": "2.1", "id": "{{customAmber}}", "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "definition": { "tlp": "amber" } }""";
        var result = StixBundleReader.ReadText(Bundle(definition, Campaign(extra: $$""", "object_marking_refs": ["{{customAmber}}"]""")));

        var level = StixMarkingMap.Default.Classify(result.Objects.Single(o => o.Type == "campaign"), result.MarkingDefinitions).Level;

        level.ShouldBe(ClassificationLevel.DepartementaalVertrouwelijk);
    }

    [Fact]
    public void Classify_Unmarked_GetsUnmarkedLevel()
    {
        var map = new StixMarkingMap(unmarkedLevel: ClassificationLevel.DepartementaalVertrouwelijk);

        map.Classify([]).Level.ShouldBe(ClassificationLevel.DepartementaalVertrouwelijk);
        map.Classify([TlpMarkings.Clear2]).Level.ShouldBe(ClassificationLevel.Ongerubriceerd);
    }

    [Fact]
    public void Constructor_ConfiguredTlpLevel_OverridesDefault()
    {
        var map = new StixMarkingMap(tlpLevels: new Dictionary<string, ClassificationLevel> { ["amber+strict"] = ClassificationLevel.StaatsgeheimConfidentieel });

        map.LevelOf(TlpMarkings.AmberStrict2, null, out _).ShouldBe(ClassificationLevel.StaatsgeheimConfidentieel);
        map.LevelOf(TlpMarkings.Amber2, null, out _).ShouldBe(ClassificationLevel.DepartementaalVertrouwelijk);
    }

    [Fact]
    public void Constructor_UnknownTlpName_ThrowsNamingIt()
    {
        var ex = Should.Throw<ArgumentException>(() => new StixMarkingMap(tlpLevels: new Dictionary<string, ClassificationLevel> { ["purple"] = ClassificationLevel.Ongerubriceerd }));
        ex.Message.ShouldContain("'purple'");
        ex.ParamName.ShouldBe("tlpLevels");
    }

    [Fact]
    public void Constructor_LevelOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new StixMarkingMap(statementLevel: (ClassificationLevel)7)).ParamName.ShouldBe("statementLevel");
    }

    [Fact]
    public void Constructor_MarkingLevelKeyNotAMarkingId_Throws()
    {
        Should.Throw<ArgumentException>(() => new StixMarkingMap(markingLevels: new Dictionary<string, ClassificationLevel> { [CampaignId] = ClassificationLevel.Ongerubriceerd }))
            .ParamName.ShouldBe("markingLevels");
    }
}
