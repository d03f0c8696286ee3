using System.Text.Json.Nodes;
using Baken.Infrastructure.Stix;
using Shouldly;
using Xunit;
using static Baken.Infrastructure.Tests.Stix.StixSamples;

namespace Baken.Infrastructure.Tests.Stix;

public class StixBundleWriterTests
{
    private static readonly string[] Stored =
    [
        StatementMarking(),
        Campaign(extra: $$""", "labels": ["espionage"], "object_marking_refs": ["{{StatementId}}"]"""),
        Indicator(extra: """, "labels": ["c2"]"""),
        Relationship(IndicatorId, CampaignId),
    ];

    [Fact]
    public void Write_NoFilter_WritesBundleWithAllObjectsInOrder()
    {
        var (summary, bundle) = Write(Stored);

        bundle["type"]!.GetValue<string>().ShouldBe("bundle");
        bundle["id"]!.GetValue<string>().ShouldBe(summary.BundleId);
        summary.ObjectCount.ShouldBe(4);
        Ids(bundle).ShouldBe(summary.ObjectIds);
        bundle.ContainsKey("spec_version").ShouldBeFalse();
    }

    [Fact]
    public void Write_TypeFilter_KeepsTypeAndTheMarkingsItReferences()
    {
        var (_, bundle) = Write(Stored, new StixBundleWriteOptions(Filter: new StixExportFilter(Types: new HashSet<string> { "campaign" })));

        Ids(bundle).ShouldBe([StatementId, CampaignId]);
    }

    [Fact]
    public void Write_TypeFilterWithoutMarkings_LeavesMarkingsOut()
    {
        var filter = new StixExportFilter(Types: new HashSet<string> { "campaign" }, IncludeReferencedMarkings: false);

        var (_, bundle) = Write(Stored, new StixBundleWriteOptions(Filter: filter));

        Ids(bundle).ShouldBe([CampaignId]);
    }

    [Fact]
    public void Write_ModifiedSinceFilter_KeepsOnlyNewerObjects()
    {
        var newer = Campaign(id: "campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", created: "2021-01-01T00:00:00.000Z", modified: "2022-06-01T12:00:00.000Z");
        var filter = new StixExportFilter(ModifiedSince: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var (_, bundle) = Write([.. Stored, newer], new StixBundleWriteOptions(Filter: filter));

        Ids(bundle).ShouldBe(["campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"]);
    }

    [Fact]
    public void Write_LabelFilter_KeepsObjectsWithAnyLabel()
    {
        var (_, bundle) = Write(Stored, new StixBundleWriteOptions(Filter: new StixExportFilter(Labels: new HashSet<string> { "c2", "unused" })));

        Ids(bundle).ShouldBe([IndicatorId]);
    }

    [Fact]
    public void Write_WithoutGenerator_BundleIdIsDeterministicUuid5FromContent()
    {
        var (first, _) = Write(Stored);
        var (second, _) = Write(Stored);
        var (other, _) = Write(Stored.Take(2));

        first.BundleId.ShouldBe(second.BundleId);
        other.BundleId.ShouldNotBe(first.BundleId);
        StixIdentifier.TryParse(first.BundleId, out var id).ShouldBeTrue();
        id.Type.ShouldBe("bundle");
        id.UuidVersion.ShouldBe(5);
    }

    [Fact]
    public void Write_WithGenerator_UsesCallerId()
    {
        var uuid = new Guid("1d7e1b3a-9a2c-4f0e-8b1d-3c4e5f6a7b8c");

        var (summary, _) = Write(Stored, new StixBundleWriteOptions(BundleIdGenerator: () => uuid));

        summary.BundleId.ShouldBe("bundle--1d7e1b3a-9a2c-4f0e-8b1d-3c4e5f6a7b8c");
    }

    [Fact]
    public void Write_StoredText_NumbersAndCustomPropertiesUnchanged()
    {
        var custom = Campaign(extra: """, "x_score": 4.50, "x_big": 12345678901234567890, "x_text": "café <b> & 'quote'" """);

        var (_, bundle) = Write([custom]);

        var written = bundle["objects"]![0]!.ToJsonString();
        written.ShouldContain("\"x_score\":4.50");
        written.ShouldContain("12345678901234567890");
        bundle["objects"]![0]!["x_text"]!.GetValue<string>().ShouldBe("café <b> & 'quote'");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{ "type": "campaign" }""")]
    public void Write_InvalidStoredObject_ThrowsNamingPosition(string bad)
    {
        var ex = Should.Throw<ArgumentException>(() => Write([Campaign(), bad]));
        ex.Message.ShouldContain("objectJson[1]");
    }

    private static (StixExportSummary Summary, JsonObject Bundle) Write(IEnumerable<string> objects, StixBundleWriteOptions? options = null)
    {
        using var output = new MemoryStream();
        var summary = StixBundleWriter.Write(objects, output, options);
        return (summary, JsonNode.Parse(output.ToArray())!.AsObject());
    }

    private static string[] Ids(JsonObject bundle) => bundle["objects"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToArray();
}
