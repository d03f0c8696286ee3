using System.Text.Json.Nodes;

namespace Baken.Infrastructure.Tests.Stix;

/// <summary>Small hand-written STIX objects for the tests; each helper returns one object's JSON text.</summary>
internal static class StixSamples
{
    public const string CampaignId = "campaign--b549a58c-afd9-4847-85c3-5be13d56d3cc";
    public const string IndicatorId = "indicator--c43a0a05-e8d2-4f64-ae37-3f3fb153f8d9";
    public const string StatementId = "marking-definition--a9b3a1d2-6c3e-4f7a-8b1c-2d3e4f5a6b7c";

    public static string Campaign(string id = CampaignId, string created = "2014-09-09T19:58:39.609Z", string modified = "2014-09-09T19:58:39.609Z", string extra = "") => $$"""
        { "type": "campaign", "spec_version": "2.1", "id": "{{id}}", "created": "{{created}}", "modified": "{{modified}}", "name": "Operation Omega"{{extra}} }
        """;

    public static string Indicator(string id = IndicatorId, string extra = "") => $$"""
        { "type": "indicator", "spec_version": "2.1", "id": "{{id}}", "created": "2014-09-09T19:58:39.609Z", "modified": "2014-09-09T19:58:39.609Z",
          "pattern": "[ipv4-addr:value = '10.0.0.0']", "pattern_type": "stix", "valid_from": "2014-09-09T19:58:39.609000Z"{{extra}} }
        """;

    public static string Relationship(string source, string target, string id = "relationship--eca24e47-2259-4850-9705-fd1065c77236") => $$"""
        { "type": "relationship", "spec_version": "2.1", "id": "{{id}}", "created": "2014-09-09T19:58:39.609Z", "modified": "2014-09-09T19:58:39.609Z",
          "relationship_type": "indicates", "source_ref": "{{source}}", "target_ref": "{{target}}" }
        """;

    public static string StatementMarking(string id = StatementId, string statement = "Rubricering: Stg. Geheim") => $$"""
        { "type": "marking-definition", "spec_version": "2.1", "id": "{{id}}", "created": "2020-01-01T00:00:00.000Z",
          "definition_type": "statement", "definition": { "statement": "{{statement}}" } }
        """;

    public static string Bundle(params string[] objects) =>
        $$"""{ "type": "bundle", "id": "bundle--44af6c39-c09b-49c5-9de2-394224b04982", "objects": [ {{string.Join(",\n", objects)}} ] }""";

    /// <summary>The objects of a bundle file, or the file's single object when it is not a bundle.</summary>
    public static IReadOnlyList<JsonObject> ObjectsOf(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        return root["type"]?.GetValue<string>() == "bundle"
            ? root["objects"]!.AsArray().Select(o => o!.AsObject()).ToArray()
            : [root];
    }
}
