using System.Text.Json;
using System.Text.Json.Serialization;
using Baken.Domain.Capabilities;
using Baken.Domain.Dependencies;
using Baken.Domain.Register;

namespace Baken.Domain;

/// <summary>
/// The JSON form in which the database holds the structured values of a record (one column per field, typed members:
/// e.g. a scenario's disruptions as <c>[{"process":"1","hours":24,"severity":0.5}]</c>), and the change checks EF Core
/// needs for them. One overload per value type, not generic methods: the compiled model's code generator writes these
/// calls out as they are (see <c>BakenDbContext</c>). A stored value that cannot be read is an error, never dropped.
/// </summary>
public static class StoredValues
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string ToJson(IReadOnlyList<ScenarioDisruption>? values) => Write(values);
    public static string ToJson(IReadOnlyList<CapabilityNeed>? values) => Write(values);
    public static string ToJson(IReadOnlyList<CapabilityLevel>? values) => Write(values);
    public static string ToJson(IReadOnlyList<CapabilityRaise>? values) => Write(values);
    public static string ToJson(IReadOnlyList<ListedSupplier>? values) => Write(values);
    public static string ToJson(RecordLink value) => JsonSerializer.Serialize(value, Json);
    public static string ToJson(CompoundDependence value) => JsonSerializer.Serialize(value, Json);

    public static IReadOnlyList<ScenarioDisruption> Disruptions(string? json) => Read<ScenarioDisruption>(json);
    public static IReadOnlyList<CapabilityNeed> CapabilityNeeds(string? json) => Read<CapabilityNeed>(json);
    public static IReadOnlyList<CapabilityLevel> CapabilityLevels(string? json) => Read<CapabilityLevel>(json);
    public static IReadOnlyList<CapabilityRaise> CapabilityRaises(string? json) => Read<CapabilityRaise>(json);
    public static IReadOnlyList<ListedSupplier> Suppliers(string? json) => Read<ListedSupplier>(json);
    public static RecordLink Link(string json) =>
        JsonSerializer.Deserialize<RecordLink>(json, Json) ?? throw new JsonException("A stored link is null.");
    public static CompoundDependence Dependence(string json) =>
        JsonSerializer.Deserialize<CompoundDependence>(json, Json) ?? throw new JsonException("A stored compound dependence is null.");

    /// <summary>Whether two lists hold the same values in the same order (a null list is an empty one): the column's change check.</summary>
    public static bool Same(IReadOnlyList<ScenarioDisruption>? a, IReadOnlyList<ScenarioDisruption>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(IReadOnlyList<CapabilityNeed>? a, IReadOnlyList<CapabilityNeed>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(IReadOnlyList<CapabilityLevel>? a, IReadOnlyList<CapabilityLevel>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(IReadOnlyList<CapabilityRaise>? a, IReadOnlyList<CapabilityRaise>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(IReadOnlyList<ListedSupplier>? a, IReadOnlyList<ListedSupplier>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(CompoundDependence? a, CompoundDependence? b) => Equals(a, b);

    /// <summary>A hash consistent with <c>Same</c>.</summary>
    public static int Hash(IReadOnlyList<ScenarioDisruption>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CapabilityNeed>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CapabilityLevel>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CapabilityRaise>? values) => Combine(values);
    public static int Hash(IReadOnlyList<ListedSupplier>? values) => Combine(values);
    public static int Hash(CompoundDependence? value) => value?.GetHashCode() ?? 0;

    /// <summary>A copy for the change tracker's snapshot (the values themselves are immutable).</summary>
    public static IReadOnlyList<ScenarioDisruption> Copy(IReadOnlyList<ScenarioDisruption> values) => values.ToArray();
    public static IReadOnlyList<CapabilityNeed> Copy(IReadOnlyList<CapabilityNeed> values) => values.ToArray();
    public static IReadOnlyList<CapabilityLevel> Copy(IReadOnlyList<CapabilityLevel> values) => values.ToArray();
    public static IReadOnlyList<CapabilityRaise> Copy(IReadOnlyList<CapabilityRaise> values) => values.ToArray();

    public static IReadOnlyList<ListedSupplier> Copy(IReadOnlyList<ListedSupplier> values) => values.ToArray();

    private static string Write<T>(IReadOnlyList<T>? values) => JsonSerializer.Serialize(values ?? [], Json);

    private static T[] Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        var values = JsonSerializer.Deserialize<T[]>(json, Json) ?? throw new JsonException($"A stored list of {typeof(T).Name} is null.");
        return values.Any(v => v is null) ? throw new JsonException($"A stored list of {typeof(T).Name} holds a null.") : values;
    }

    private static int Combine<T>(IReadOnlyList<T>? values) => (values ?? []).Aggregate(0, (h, v) => HashCode.Combine(h, v));
}
