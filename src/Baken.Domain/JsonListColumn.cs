using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baken.Domain;

/// <summary>
/// The shared mechanics of a list of small values held as one JSON column (an array of objects with typed members): its
/// change check, hash and the reading of the array. Each value type keeps its own members and their names
/// (<see cref="Strategy.ScenarioEffects"/>, <see cref="Assessments.CriterionScores"/>, <see cref="RecordLinks"/>).
/// </summary>
internal static class JsonListColumn
{
    /// <summary>Whether two lists hold the same values in the same order; null (never set) differs from empty.</summary>
    public static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    public static int Hash<T>(IReadOnlyList<T>? values) where T : notnull =>
        values is null ? 0 : values.Aggregate(17, (h, v) => HashCode.Combine(h, v.GetHashCode()));

    public static string ToJson<T>(IReadOnlyList<T>? values, Func<T, JsonObject> item)
    {
        var array = new JsonArray();
        foreach (var v in values ?? []) array.Add(item(v));
        return array.ToJsonString();
    }

    /// <summary>The values a column holds; a column that is not such an array is a fault of the database, never silently empty.</summary>
    public static IReadOnlyList<T> FromJson<T>(string? json, Func<JsonObject, T> item)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        if (JsonNode.Parse(json) is not JsonArray array)
            throw new JsonException($"Expected a JSON array of {typeof(T).Name} values, not: {json}");
        return array.Select(n => item(n as JsonObject ?? throw new JsonException($"Expected a JSON object, not: {n?.ToJsonString()}"))).ToArray();
    }

    public static string Text(JsonObject o, string member) =>
        o[member]?.GetValue<string>() ?? throw new JsonException($"Member '{member}' is missing in {o.ToJsonString()}");
}
