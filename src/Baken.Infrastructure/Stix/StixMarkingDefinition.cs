using System.Text.Json;

namespace Baken.Infrastructure.Stix;

/// <summary>What a marking-definition says.</summary>
public enum StixMarkingKind
{
    /// <summary>TLP 1.0: <c>definition_type: "tlp"</c> with <c>definition.tlp</c> white, green, amber or red.</summary>
    Tlp1,

    /// <summary>TLP 2.0: the extension <see cref="TlpMarkings.Tlp2ExtensionId"/> with <c>tlp_2_0</c> clear, green, amber, amber+strict or red.</summary>
    Tlp2,

    /// <summary><c>definition_type: "statement"</c>, a copyright or terms-of-use text.</summary>
    Statement,

    /// <summary>Any other definition type or extension Baken does not interpret.</summary>
    Other,
}

/// <summary>The interpreted content of one marking-definition.</summary>
/// <param name="Id">The marking-definition id.</param>
/// <param name="Kind">TLP 1.0, TLP 2.0, statement or other.</param>
/// <param name="Tlp">For TLP markings the level in lower case (clear, white, green, amber, amber+strict, red); otherwise null.</param>
/// <param name="Statement">For statement markings the text; otherwise null.</param>
/// <param name="Name">The <c>name</c> property, e.g. "TLP:AMBER", if any.</param>
public sealed record StixMarkingDefinition(string Id, StixMarkingKind Kind, string? Tlp, string? Statement, string? Name)
{
    /// <summary>Reads a marking-definition from its JSON text; null when the text is not a marking-definition object.</summary>
    public static StixMarkingDefinition? TryParse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            return TryParse(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a marking-definition from a parsed JSON object; null when it is not a marking-definition.</summary>
    public static StixMarkingDefinition? TryParse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        if (Str(element, "type") != "marking-definition" || Str(element, "id") is not { } id) return null;
        var name = Str(element, "name");

        if (element.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty(TlpMarkings.Tlp2ExtensionId, out var tlp2) && tlp2.ValueKind == JsonValueKind.Object)
        {
            return new StixMarkingDefinition(id, StixMarkingKind.Tlp2, Str(tlp2, "tlp_2_0")?.ToLowerInvariant(), null, name);
        }

        var definition = element.TryGetProperty("definition", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return Str(element, "definition_type") switch
        {
            "tlp" => new StixMarkingDefinition(id, StixMarkingKind.Tlp1, definition.ValueKind == JsonValueKind.Object ? Str(definition, "tlp")?.ToLowerInvariant() : null, null, name),
            "statement" => new StixMarkingDefinition(id, StixMarkingKind.Statement, null, definition.ValueKind == JsonValueKind.Object ? Str(definition, "statement") : null, name),
            _ => new StixMarkingDefinition(id, StixMarkingKind.Other, null, null, name),
        };
    }

    private static string? Str(JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
