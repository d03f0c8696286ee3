using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Baken.Domain.Assessments;
using Baken.Domain.Capabilities;
using Baken.Domain.Dependencies;
using Baken.Domain.Register;
using Baken.Domain.Strategy;
using Baken.Methods.Measures;

namespace Baken.Domain;

/// <summary>
/// The one place that says how the database holds the structured values of a record: one JSON column per field with typed
/// members (a scenario's disruptions <c>[{"process":"1","hours":24,"severity":0.5}]</c>, an assessment's scores
/// <c>[{"criterion":"2.1","judgement":"B-D~C"}]</c>, an agenda item's links <c>[{"kind":"goal","code":"GOAL-06"}]</c>, a
/// measure's effects, a dependency's options and suppliers, a progress update's subject), and the change checks EF Core needs
/// for them (<see cref="Same(IReadOnlyList{ScenarioDisruption}, IReadOnlyList{ScenarioDisruption})"/>, <c>Hash</c>, <c>Copy</c>).
/// One overload per value type, not generic methods: the compiled model's code generator writes these calls out as they
/// are (see <c>BakenDbContext</c>). A stored value that cannot be read is an error, never dropped. The text forms of these
/// values live with their record fields, not here.
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
    public static string ToJson(IReadOnlyList<CriterionScore>? values) => Write(values);
    public static string ToJson(IReadOnlyList<RecordLink>? values) => Write(values);
    /// <summary>A dependency's options in the form the API also speaks (<see cref="DependencyOptionText.ToJson"/>).</summary>
    public static string ToJson(IReadOnlyList<DependencyOptionChoice>? values) => DependencyOptionText.ToJson(values);
    /// <summary>A measure's effects, each reduction flat with its criterion: <c>{"criterion": "2.1", "low": 0.2, "mostLikely": 0.25, "high": 0.3}</c>.</summary>
    public static string ToJson(IReadOnlyList<ScenarioEffect>? values)
    {
        var array = new JsonArray();
        foreach (var e in values ?? [])
        {
            var o = new JsonObject { ["scenario"] = e.Scenario };
            if (e.Likelihood is { } l) o["likelihood"] = Range(new JsonObject(), l);
            o["reductions"] = new JsonArray(e.Reductions.Select(r => (JsonNode)Range(new JsonObject { ["criterion"] = r.Criterion }, r.Reduction)).ToArray());
            array.Add(o);
        }
        return array.ToJsonString();
    }
    public static string ToJson(RecordLink value) => JsonSerializer.Serialize(value, Json);
    public static string ToJson(CompoundDependence value) => JsonSerializer.Serialize(value, Json);

    public static IReadOnlyList<ScenarioDisruption> Disruptions(string? json) => Read<ScenarioDisruption>(json);
    public static IReadOnlyList<CapabilityNeed> CapabilityNeeds(string? json) => Read<CapabilityNeed>(json);
    public static IReadOnlyList<CapabilityLevel> CapabilityLevels(string? json) => Read<CapabilityLevel>(json);
    public static IReadOnlyList<CapabilityRaise> CapabilityRaises(string? json) => Read<CapabilityRaise>(json);
    public static IReadOnlyList<ListedSupplier> Suppliers(string? json) => Read<ListedSupplier>(json);
    public static IReadOnlyList<CriterionScore> Scores(string? json) => Read<CriterionScore>(json);
    public static IReadOnlyList<RecordLink> Links(string? json) => Read<RecordLink>(json);
    /// <summary>A dependency's options; a value written when they were free text is migrated (<see cref="DependencyOptionText.FromStored"/>).</summary>
    public static IReadOnlyList<DependencyOptionChoice> Options(string? json) => DependencyOptionText.FromStored(json);
    public static IReadOnlyList<ScenarioEffect> Effects(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        if (JsonNode.Parse(json) is not JsonArray array) throw new JsonException($"Expected a JSON array of effects, not: {json}");
        return array.Select(n => n as JsonObject ?? throw new JsonException($"Expected a JSON object, not: {n?.ToJsonString()}"))
            .Select(o => new ScenarioEffect(
                Text(o, "scenario"),
                o["likelihood"] is JsonObject l ? Range(l) : null,
                (o["reductions"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new CriterionReduction(Text(r, "criterion"), Range(r))).ToArray()))
            .ToArray();
    }
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
    public static bool Same(IReadOnlyList<RecordLink>? a, IReadOnlyList<RecordLink>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(IReadOnlyList<DependencyOptionChoice>? a, IReadOnlyList<DependencyOptionChoice>? b) => (a ?? []).SequenceEqual(b ?? []);
    public static bool Same(IReadOnlyList<ScenarioEffect>? a, IReadOnlyList<ScenarioEffect>? b) => (a ?? []).SequenceEqual(b ?? []);
    /// <summary>Scores: null (an assessment's round-1 copy never made) differs from an empty list.</summary>
    public static bool Same(IReadOnlyList<CriterionScore>? a, IReadOnlyList<CriterionScore>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
    public static bool Same(CompoundDependence? a, CompoundDependence? b) => Equals(a, b);

    /// <summary>A hash consistent with <c>Same</c>.</summary>
    public static int Hash(IReadOnlyList<ScenarioDisruption>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CapabilityNeed>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CapabilityLevel>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CapabilityRaise>? values) => Combine(values);
    public static int Hash(IReadOnlyList<ListedSupplier>? values) => Combine(values);
    public static int Hash(IReadOnlyList<RecordLink>? values) => Combine(values);
    public static int Hash(IReadOnlyList<DependencyOptionChoice>? values) => Combine(values);
    public static int Hash(IReadOnlyList<ScenarioEffect>? values) => Combine(values);
    public static int Hash(IReadOnlyList<CriterionScore>? values) => values is null ? -1 : Combine(values);
    public static int Hash(CompoundDependence? value) => value?.GetHashCode() ?? 0;

    /// <summary>A copy for the change tracker's snapshot (the values themselves are immutable).</summary>
    public static IReadOnlyList<ScenarioDisruption> Copy(IReadOnlyList<ScenarioDisruption> values) => values.ToArray();
    public static IReadOnlyList<CapabilityNeed> Copy(IReadOnlyList<CapabilityNeed> values) => values.ToArray();
    public static IReadOnlyList<CapabilityLevel> Copy(IReadOnlyList<CapabilityLevel> values) => values.ToArray();
    public static IReadOnlyList<CapabilityRaise> Copy(IReadOnlyList<CapabilityRaise> values) => values.ToArray();

    public static IReadOnlyList<ListedSupplier> Copy(IReadOnlyList<ListedSupplier> values) => values.ToArray();

    public static IReadOnlyList<RecordLink> Copy(IReadOnlyList<RecordLink> values) => values.ToArray();
    public static IReadOnlyList<DependencyOptionChoice> Copy(IReadOnlyList<DependencyOptionChoice> values) => values.ToArray();
    public static IReadOnlyList<ScenarioEffect> Copy(IReadOnlyList<ScenarioEffect> values) => values.ToArray();
    public static IReadOnlyList<CriterionScore>? Copy(IReadOnlyList<CriterionScore>? values) => values?.ToArray();

    private static JsonObject Range(JsonObject o, EffectRange r)
    {
        o["low"] = r.Low;
        o["mostLikely"] = r.MostLikely;
        o["high"] = r.High;
        return o;
    }

    private static EffectRange Range(JsonObject o) =>
        new(Number(o, "low"), Number(o, "mostLikely"), Number(o, "high"));

    private static double Number(JsonObject o, string member) =>
        o[member]?.GetValue<double>() ?? throw new JsonException($"Member '{member}' is missing in {o.ToJsonString()}");

    private static string Text(JsonObject o, string member) =>
        o[member]?.GetValue<string>() ?? throw new JsonException($"Member '{member}' is missing in {o.ToJsonString()}");

    private static string Write<T>(IReadOnlyList<T>? values) => JsonSerializer.Serialize(values ?? [], Json);

    private static T[] Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        var values = JsonSerializer.Deserialize<T[]>(json, Json) ?? throw new JsonException($"A stored list of {typeof(T).Name} is null.");
        return values.Any(v => v is null) ? throw new JsonException($"A stored list of {typeof(T).Name} holds a null.") : values;
    }

    private static int Combine<T>(IReadOnlyList<T>? values) => (values ?? []).Aggregate(0, (h, v) => HashCode.Combine(h, v));
}
