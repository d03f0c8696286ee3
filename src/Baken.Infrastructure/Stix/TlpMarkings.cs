namespace Baken.Infrastructure.Stix;

/// <summary>
/// The predefined Traffic Light Protocol marking-definitions: TLP 1.0 (predefined by STIX 2.1, §7.2.1.4) and
/// TLP 2.0 (OASIS common objects, extension <see cref="Tlp2ExtensionId"/>). A bundle may reference these ids
/// without carrying the marking-definition objects.
/// </summary>
public static class TlpMarkings
{
    /// <summary>The extension-definition that TLP 2.0 marking-definitions declare themselves through.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>TLP:WHITE (1.0).</summary>
    public const string White = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

    /// <summary>TLP:GREEN (1.0).</summary>
    public const string Green = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    /// <summary>TLP:AMBER (1.0).</summary>
    public const string Amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

    /// <summary>TLP:RED (1.0).</summary>
    public const string Red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    /// <summary>TLP:CLEAR (2.0).</summary>
    public const string Clear2 = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

    /// <summary>TLP:GREEN (2.0).</summary>
    public const string Green2 = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    /// <summary>TLP:AMBER (2.0).</summary>
    public const string Amber2 = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

    /// <summary>TLP:AMBER+STRICT (2.0).</summary>
    public const string AmberStrict2 = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";

    /// <summary>TLP:RED (2.0).</summary>
    public const string Red2 = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    /// <summary>Every predefined TLP marking by id.</summary>
    public static IReadOnlyDictionary<string, StixMarkingDefinition> ById { get; } = new Dictionary<string, StixMarkingDefinition>(StringComparer.Ordinal)
    {
        [White] = new(White, StixMarkingKind.Tlp1, "white", null, "TLP:WHITE"),
        [Green] = new(Green, StixMarkingKind.Tlp1, "green", null, "TLP:GREEN"),
        [Amber] = new(Amber, StixMarkingKind.Tlp1, "amber", null, "TLP:AMBER"),
        [Red] = new(Red, StixMarkingKind.Tlp1, "red", null, "TLP:RED"),
        [Clear2] = new(Clear2, StixMarkingKind.Tlp2, "clear", null, "TLP:CLEAR"),
        [Green2] = new(Green2, StixMarkingKind.Tlp2, "green", null, "TLP:GREEN"),
        [Amber2] = new(Amber2, StixMarkingKind.Tlp2, "amber", null, "TLP:AMBER"),
        [AmberStrict2] = new(AmberStrict2, StixMarkingKind.Tlp2, "amber+strict", null, "TLP:AMBER+STRICT"),
        [Red2] = new(Red2, StixMarkingKind.Tlp2, "red", null, "TLP:RED"),
    };

    /// <summary>The TLP 1.0 levels a <c>definition.tlp</c> may hold.</summary>
    public static IReadOnlySet<string> Tlp1Levels { get; } = new HashSet<string>(StringComparer.Ordinal) { "white", "green", "amber", "red" };

    /// <summary>The TLP 2.0 levels a <c>tlp_2_0</c> property may hold.</summary>
    public static IReadOnlySet<string> Tlp2Levels { get; } = new HashSet<string>(StringComparer.Ordinal) { "clear", "green", "amber", "amber+strict", "red" };

    /// <summary>True when <paramref name="markingId"/> is one of the predefined TLP 1.0 or 2.0 ids.</summary>
    public static bool IsPredefined(string markingId) => ById.ContainsKey(markingId);
}
