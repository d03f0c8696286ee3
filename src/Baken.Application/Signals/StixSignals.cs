using System.Globalization;
using System.Text.Json;
using Baken.Domain.Security;

namespace Baken.Application.Signals;

/// <summary>
/// STIX objects that are news for the horizon scan — reports, sightings and indicators — as incoming signals: dated by
/// their publication (or first sighting, or validity start), titled by their name, with their first external URL and
/// the identity that made them as the source. The STIX id keeps a bundle imported twice from adding anything.
/// </summary>
public static class StixSignals
{
    public const string FeedCode = "stix";

    public static IReadOnlyList<IncomingSignal> From(IReadOnlyList<StixObjectInput> objects)
    {
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in objects.Where(o => o.Type == "identity"))
            if (Property(o.Json, "name") is { } name) identities[o.Id] = name;
        var result = new List<IncomingSignal>();
        foreach (var o in objects.Where(o => o.Type is "report" or "sighting" or "indicator"))
        {
            using var doc = JsonDocument.Parse(o.Json);
            var root = doc.RootElement;
            var when = Text(root, o.Type switch { "report" => "published", "sighting" => "first_seen", _ => "valid_from" }) ?? Text(root, "created");
            if (when is null || !DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) continue;
            var name = Text(root, "name") ?? (o.Type == "sighting" ? $"Sighting of {Text(root, "sighting_of_ref")}" : o.Id);
            string? url = null;
            if (root.TryGetProperty("external_references", out var refs) && refs.ValueKind == JsonValueKind.Array)
                url = refs.EnumerateArray().Select(r => Text(r, "url")).FirstOrDefault(u => u is not null);
            var source = Text(root, "created_by_ref") is { } by && identities.TryGetValue(by, out var who) ? who : "STIX";
            result.Add(new IncomingSignal(DateOnly.FromDateTime(date.UtcDateTime), $"{o.Type}: {name}", Text(root, "description"), source, url,
                null, null, o.Level.DisplayName(), [], o.Id, result.Count + 1));
        }
        return result;
    }

    private static string? Property(string json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return Text(doc.RootElement, name);
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
