using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Baken.Infrastructure.Stix;

/// <summary>A STIX 2.1 identifier <c>object-type--UUID</c>, for example <c>indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f</c>.</summary>
public readonly partial record struct StixIdentifier(string Type, Guid Uuid, int UuidVersion, bool IsLowerCase)
{
    /// <summary>Parses <paramref name="value"/>; false when it is not <c>type--UUID</c> with an RFC 4122 UUID.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out StixIdentifier identifier)
    {
        identifier = default;
        if (value is null) return false;
        var match = Pattern().Match(value);
        if (!match.Success) return false;
        var uuidText = match.Groups["uuid"].Value;
        if (!Guid.TryParseExact(uuidText, "D", out var uuid)) return false;
        var version = Convert.ToInt32(uuidText[14].ToString(), 16);
        identifier = new StixIdentifier(match.Groups["type"].Value, uuid, version, uuidText == uuidText.ToLowerInvariant());
        return true;
    }

    /// <summary>The object type of <paramref name="value"/> if it is a valid identifier, else null.</summary>
    public static string? TypeOf(string? value) => TryParse(value, out var id) ? id.Type : null;

    // Type names: 3–250 characters of a–z, 0–9 and '-', starting with a letter, no trailing '-'.
    // RFC 4122 variant bits (8, 9, a, b) are required; the version is checked by the validator.
    [GeneratedRegex("^(?<type>[a-z][a-z0-9-]{1,248}[a-z0-9])--(?<uuid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$")]
    private static partial Regex Pattern();
}
