using System.Text;
using System.Text.Json.Nodes;
using Baken.Infrastructure.Stix;
using Baken.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;
using static Baken.Infrastructure.Tests.Stix.StixSamples;

namespace Baken.Infrastructure.Tests.Stix;

public class StixBundleReaderTests
{
    public static TheoryData<string> SharedExamples => new()
    {
        "stix/indicator-for-c2-ip-address.json",
        "stix/indicator-to-campaign-relationship.json",
        "stix/indicators-for-C2-with-COA.json",
        "stix/infrastructure.json",
        "stix/interop-objectmarking-test.json",
        "stix/malicious-email-indicator-with-attachment.json",
    };

    [Theory]
    [MemberData(nameof(SharedExamples))]
    public void ReadThenWrite_SharedExample_EveryObjectAndPropertyComesBack(string file)
    {
        var originalText = File.ReadAllText(SharedData.File(file));
        using var input = File.OpenRead(SharedData.File(file));

        var imported = StixBundleReader.Read(input);
        using var output = new MemoryStream();
        StixBundleWriter.Write(imported.Objects.Select(o => o.Json), output);

        imported.HasErrors.ShouldBeFalse(string.Join("\n", imported.Violations));
        var exported = JsonNode.Parse(output.ToArray())!.AsObject();
        exported["type"]!.GetValue<string>().ShouldBe("bundle");
        var exportedById = exported["objects"]!.AsArray().ToDictionary(o => o!["id"]!.GetValue<string>(), o => o!.AsObject());
        // As shared/checks/stix_compare.py: each original object by id, each property equal.
        foreach (var original in ObjectsOf(originalText))
        {
            var id = original["id"]!.GetValue<string>();
            exportedById.ShouldContainKey(id);
            foreach (var (name, value) in original)
            {
                exportedById[id].ContainsKey(name).ShouldBeTrue($"{id}.{name} missing");
                JsonNode.DeepEquals(value, exportedById[id][name]).ShouldBeTrue($"{id}.{name} changed");
            }
            exportedById[id].Count.ShouldBe(original.Count, $"{id} gained properties");
        }
    }

    [Fact]
    public void Read_Example_KeepsExactJsonTextAndMetadata()
    {
        using var input = File.OpenRead(SharedData.File("stix/indicators-for-C2-with-COA.json"));

        var result = StixBundleReader.Read(input);

        result.BundleId.ShouldBe("bundle--63fe3b22-0201-47cf-85d0-97c02164528d");
        result.Objects.Count.ShouldBe(8);
        var malware = result.Objects.Single(o => o.Type == "malware");
        malware.Category.ShouldBe(StixObjectCategory.DomainObject);
        malware.Created.ShouldBe(new DateTimeOffset(2017, 1, 27, 13, 49, 53, 997, TimeSpan.Zero));
        malware.Json.ShouldContain("\"is_family\": true");
        malware.ToJsonObject()["name"]!.GetValue<string>().ShouldBe("Poison Ivy");
    }

    [Fact]
    public void Read_UnknownTypeAndCustomProperties_AreKeptWithWarning()
    {
        var custom = """{ "type": "x-baken-assessment", "spec_version": "2.1", "id": "x-baken-assessment--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", "created": "2020-01-01T00:00:00.000Z", "modified": "2020-01-01T00:00:00.000Z", "x_score": 4.50, "x_nested": { "a": [1, 2.0] } }""";

        var result = StixBundleReader.ReadText(Bundle(Campaign(extra: """, "x_baken_theme": "cyber" """), custom));

        result.HasErrors.ShouldBeFalse();
        result.Objects.Select(o => o.Type).ShouldBe(["campaign", "x-baken-assessment"]);
        result.Objects[0].Json.ShouldContain("\"x_baken_theme\": \"cyber\"");
        result.Objects[1].Category.ShouldBe(StixObjectCategory.Unknown);
        result.Objects[1].Json.ShouldContain("\"x_score\": 4.50");
        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Warning && v.Property == "type" && v.ObjectId == result.Objects[1].Id);
    }

    [Fact]
    public void Read_ObjectWithoutId_ErrorAndObjectLeftOut()
    {
        var noId = """{ "type": "campaign", "spec_version": "2.1", "created": "2014-09-09T19:58:39.609Z", "modified": "2014-09-09T19:58:39.609Z", "name": "X" }""";

        var result = StixBundleReader.ReadText(Bundle(Indicator(), noId));

        result.Objects.Select(o => o.Type).ShouldBe(["indicator"]);
        var error = result.Violations.Single(v => v.Severity == StixSeverity.Error);
        error.ObjectIndex.ShouldBe(1);
        error.Property.ShouldBe("id");
        error.Problem.ShouldContain("missing required property 'id'");
    }

    [Theory]
    [InlineData("campaign--not-a-uuid")]
    [InlineData("indicator--b549a58c-afd9-4847-85c3-5be13d56d3cc")]
    public void Read_BadOrMismatchedId_IsError(string id)
    {
        var result = StixBundleReader.ReadText(Bundle(Campaign(id: id)));

        result.Objects.ShouldBeEmpty();
        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.Property == "id");
    }

    [Theory]
    [InlineData("2014-13-09T19:58:39.609Z")]
    [InlineData("2014-09-09 19:58:39.609Z")]
    [InlineData("2014-09-09T19:58:39.609+01:00")]
    [InlineData("yesterday")]
    public void Read_BadTimestamp_IsErrorOnThatProperty(string created)
    {
        var result = StixBundleReader.ReadText(Bundle(Campaign(created: created)));

        var error = result.Violations.Single(v => v.Severity == StixSeverity.Error);
        error.ObjectId.ShouldBe(CampaignId);
        error.Property.ShouldBe("created");
        result.UsableObjects.ShouldBeEmpty();
    }

    [Fact]
    public void Read_CreatedAfterModified_IsError()
    {
        var result = StixBundleReader.ReadText(Bundle(Campaign(created: "2020-01-02T00:00:00.000Z", modified: "2020-01-01T00:00:00.000Z")));

        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.Property == "modified" && v.Problem.Contains("earlier than created"));
    }

    [Fact]
    public void Read_TimestampWithoutMilliseconds_IsWarningOnly()
    {
        var result = StixBundleReader.ReadText(Bundle(Campaign(created: "2014-09-09T19:58:39Z", modified: "2014-09-09T19:58:39Z")));

        result.HasErrors.ShouldBeFalse();
        result.Violations.Count(v => v.Severity == StixSeverity.Warning && v.Problem.Contains("millisecond")).ShouldBe(2);
    }

    [Fact]
    public void Read_RelationshipToUnknownRefType_IsWarned()
    {
        var result = StixBundleReader.ReadText(Bundle(Indicator(), Relationship(IndicatorId, "gadget--b549a58c-afd9-4847-85c3-5be13d56d3cc")));

        var warning = result.Violations.Single(v => v.Property == "target_ref");
        warning.Severity.ShouldBe(StixSeverity.Warning);
        warning.Problem.ShouldContain("'gadget'");
    }

    [Fact]
    public void Read_RelationshipToMarkingDefinition_IsError()
    {
        var result = StixBundleReader.ReadText(Bundle(Indicator(), Relationship(IndicatorId, TlpMarkings.Red)));

        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.Property == "target_ref" && v.Problem.Contains("marking-definition"));
    }

    [Fact]
    public void Read_RelationshipWithoutSourceRef_IsError()
    {
        var rel = Relationship(IndicatorId, CampaignId).Replace($"\"source_ref\": \"{IndicatorId}\", ", "");

        var result = StixBundleReader.ReadText(Bundle(rel));

        result.Violations.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.Severity.ShouldBe(StixSeverity.Error),
            v => v.Property.ShouldBe("source_ref"));
    }

    [Fact]
    public void Read_RelationshipWithMalformedTargetRef_IsOneError()
    {
        var result = StixBundleReader.ReadText(Bundle(Relationship(IndicatorId, "campaign-b549a58c")));

        var violation = result.Violations.ShouldHaveSingleItem();
        violation.Severity.ShouldBe(StixSeverity.Error);
        violation.Property.ShouldBe("target_ref");
        result.UsableObjects.ShouldBeEmpty();
    }

    [Fact]
    public void Read_BadTlpReference_IsWarnedAndNamed()
    {
        using var input = File.OpenRead(SharedData.File("stix/interop-objectmarking-test.json"));

        var result = StixBundleReader.Read(input);

        var warning = result.Violations.Single(v => v.Property.StartsWith("object_marking_refs", StringComparison.Ordinal));
        warning.Severity.ShouldBe(StixSeverity.Warning);
        warning.Property.ShouldBe("object_marking_refs[1]");
        warning.Problem.ShouldContain("5e57c739-391a-4eb3-b6be-7d15ca92d5ec");
    }

    [Fact]
    public void Read_PredefinedTlpIdWithOtherLevel_IsError()
    {
        var forged = $$"""{ "type": "marking-definition", "spec_version": "2.1", "id": "{{TlpMarkings.Red}}", "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "definition": { "tlp": "white" } }""";

        var result = StixBundleReader.ReadText(Bundle(forged));

        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.ObjectId == TlpMarkings.Red && v.Problem.Contains("TLP:RED"));
    }

    [Fact]
    public void Read_Tlp2AndStatementMarkings_AreInterpreted()
    {
        var tlp2 = $$"""{ "type": "marking-definition", "spec_version": "2.1", "id": "{{TlpMarkings.AmberStrict2}}", "created": "2022-10-01T00:00:00.000Z", "name": "TLP:AMBER+STRICT", "extensions": { "{{TlpMarkings.Tlp2ExtensionId}}": { "extension_type": "property-extension", "tlp_2_0": "amber+strict" } } }""";

        var result = StixBundleReader.ReadText(Bundle(tlp2, StatementMarking()));

        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Violations));
        result.MarkingDefinitions[TlpMarkings.AmberStrict2].ShouldBe(new StixMarkingDefinition(TlpMarkings.AmberStrict2, StixMarkingKind.Tlp2, "amber+strict", null, "TLP:AMBER+STRICT"));
        result.MarkingDefinitions[StatementId].Kind.ShouldBe(StixMarkingKind.Statement);
        result.MarkingDefinitions[StatementId].Statement.ShouldBe("Rubricering: Stg. Geheim");
    }

    [Fact]
    public void Read_MarkingDefinitionWithoutDefinition_IsError()
    {
        var empty = """{ "type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--a9b3a1d2-6c3e-4f7a-8b1c-2d3e4f5a6b7d", "created": "2020-01-01T00:00:00.000Z" }""";

        var result = StixBundleReader.ReadText(Bundle(empty));

        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.Property == "definition_type");
    }

    [Theory]
    [InlineData("pattern")]
    [InlineData("pattern_type")]
    [InlineData("valid_from")]
    public void Read_IndicatorMissingRequiredProperty_IsErrorAndNotUsable(string property)
    {
        var node = JsonNode.Parse(Indicator())!.AsObject();
        node.Remove(property);

        var result = StixBundleReader.ReadText(Bundle(node.ToJsonString(), Campaign()));

        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.ObjectId == IndicatorId && v.Property == property);
        result.Objects.Count.ShouldBe(2);
        result.UsableObjects.Select(o => o.Id).ShouldBe([CampaignId]);
    }

    [Theory]
    [InlineData("threat-actor", "{}", "name")]
    [InlineData("malware", """{ "name": "X" }""", "is_family")]
    [InlineData("report", """{ "name": "R", "published": "2020-01-01T00:00:00Z" }""", "object_refs")]
    [InlineData("opinion", """{ "opinion": "perhaps", "object_refs": ["campaign--b549a58c-afd9-4847-85c3-5be13d56d3cc"] }""", "opinion")]
    [InlineData("location", "{}", "(location)")]
    [InlineData("note", """{ "object_refs": ["campaign--b549a58c-afd9-4847-85c3-5be13d56d3cc"] }""", "content")]
    [InlineData("sighting", "{}", "sighting_of_ref")]
    public void Read_TypeMissingRequiredProperty_IsError(string type, string properties, string expectedProperty)
    {
        var node = JsonNode.Parse(properties)!.AsObject();
        node["type"] = type;
        node["spec_version"] = "2.1";
        node["id"] = $"{type}--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
        node["created"] = "2020-01-01T00:00:00.000Z";
        node["modified"] = "2020-01-01T00:00:00.000Z";

        var result = StixBundleReader.ReadText(Bundle(node.ToJsonString()));

        result.Violations.ShouldContain(v => v.Severity == StixSeverity.Error && v.Property == expectedProperty, string.Join("\n", result.Violations));
    }

    [Fact]
    public void Read_GranularMarkingWithUnknownSelector_IsWarned()
    {
        var marked = Campaign(extra: $$""", "granular_markings": [ { "marking_ref": "{{TlpMarkings.Red}}", "selectors": ["name", "description"] } ]""");

        var result = StixBundleReader.ReadText(Bundle(marked));

        result.Violations.Single().Problem.ShouldContain("'description'");
        result.Objects.Single().GranularMarkingRefs.ShouldBe([TlpMarkings.Red]);
    }

    [Fact]
    public void Read_MalformedJson_ErrorWithLineAndPosition()
    {
        var text = "{ \"type\": \"bundle\",\n  \"objects\": [ { \"type\": \"campaign\" , } ]\n}";

        var result = StixBundleReader.ReadText(text);

        result.IsMalformed.ShouldBeTrue();
        result.Objects.ShouldBeEmpty();
        var error = result.Violations.Single();
        error.Line.ShouldBe(2);
        error.BytePositionInLine.ShouldNotBeNull();
        error.Problem.ShouldStartWith("malformed JSON at line 2, byte ");
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Bundle(Campaign()))).ToArray();

        var result = StixBundleReader.Read(new MemoryStream(bytes));

        result.Violations.ShouldBeEmpty();
        result.Objects.Single().Id.ShouldBe(CampaignId);
    }

    [Fact]
    public void Read_DuplicatePropertyNames_IsMalformed()
    {
        var result = StixBundleReader.ReadText("""{ "type": "bundle", "id": "bundle--44af6c39-c09b-49c5-9de2-394224b04982", "type": "bundle", "objects": [] }""");

        result.IsMalformed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"bundle\"")]
    [InlineData("""{ "objects": [] }""")]
    [InlineData("""{ "type": "bundle", "objects": {} }""")]
    public void Read_NotABundle_ImportsNothing(string text)
    {
        var result = StixBundleReader.ReadText(text);

        result.IsMalformed.ShouldBeTrue();
        result.Objects.ShouldBeEmpty();
    }

    [Fact]
    public void Read_NestedBundle_IsErrorButOtherObjectsUsable()
    {
        var nested = Bundle(Campaign()).Replace("bundle--44af6c39-c09b-49c5-9de2-394224b04982", "bundle--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");

        var result = StixBundleReader.ReadText(Bundle(Indicator(), nested));

        result.Violations.ShouldHaveSingleItem().Problem.ShouldContain("cannot be an object of another bundle");
        result.UsableObjects.Select(o => o.Id).ShouldBe([IndicatorId]);
    }

    [Fact]
    public void Read_SameIdAndModifiedTwice_WarnsAndKeepsBoth()
    {
        var result = StixBundleReader.ReadText(Bundle(Campaign(), Campaign()));

        result.Objects.Count.ShouldBe(2);
        result.Violations.Single().Problem.ShouldContain("duplicates objects[0]");
    }

    [Property(MaxTest = 300, Replay = "(20261123,1)")]
    public Property Read_MutatedExampleBytes_NeverThrows()
    {
        var original = File.ReadAllBytes(SharedData.File("stix/indicators-for-C2-with-COA.json"));
        var mutation =
            from count in Gen.Choose(1, 8)
            from edits in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, original.Length - 1), Gen.Choose(0, 255)), count)
            from cut in Gen.Choose(1, original.Length)
            select (edits, cut);

        return Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            var bytes = original.Take(m.cut).ToArray();
            foreach (var (position, value) in m.edits) if (position < bytes.Length) bytes[position] = (byte)value;
            var result = StixBundleReader.Read(new MemoryStream(bytes));
            // Either something was read, or there is a reason why not.
            return result.Objects.Count > 0 || result.Violations.Count > 0;
        });
    }

    [Property(MaxTest = 200, Replay = "(7,3)")]
    public Property Read_RandomJsonStructures_NeverThrows()
    {
        var tokens = Gen.Elements("{", "}", "[", "]", ",", ":", "\"type\"", "\"bundle\"", "\"objects\"", "\"id\"", "\"campaign--b549a58c-afd9-4847-85c3-5be13d56d3cc\"", "1e999", "-0", "null", "true", "\"created\"", "\"2020-02-30T00:00:00Z\"");
        return Prop.ForAll(tokens.ArrayOf().ToArbitrary(), parts =>
        {
            var result = StixBundleReader.ReadText(string.Concat(parts));
            return result.Objects.Count > 0 || result.Violations.Count > 0;
        });
    }
}
