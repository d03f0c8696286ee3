using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Baken.Infrastructure.Stix;

/// <summary>
/// Reads a STIX 2.1 bundle (or a single top-level STIX object), keeps every object as its exact JSON text and
/// reports violations of the STIX 2.1 rules per object. Never throws on bad content: malformed JSON comes back as
/// an error violation with its line and byte position, and an empty object list.
/// </summary>
public static class StixBundleReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        // Duplicate keys make an object mean different things to different readers (I-JSON, RFC 7493): refuse them.
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>The longest text a STIX object may hold (a report's description fits; a 40 MB name does not).</summary>
    public const int MaxStringLength = 100_000;

    /// <summary>The longest name, alias or label: these become register titles and list entries.</summary>
    public const int MaxNameLength = 1_000;

    /// <summary>The path of the first string in <paramref name="e"/> that is longer than its cap, or null.</summary>
    private static string? TooLong(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var max = path is "name" or "aliases" or "labels" || path.StartsWith("aliases[", StringComparison.Ordinal) || path.StartsWith("labels[", StringComparison.Ordinal)
                    ? MaxNameLength : MaxStringLength;
                return e.GetString()!.Length > max ? path : null;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    if (p.Name.Length > MaxNameLength) return path;
                    else if (TooLong(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}") is { } found) return found;
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    if (TooLong(item, $"{path}[{i++}]") is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads a bundle from <paramref name="input"/> (UTF-8, with or without byte order mark), to its end.</summary>
    public static StixImportResult Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // The JSON parser accepts invalid UTF-8 inside strings and fails only when a string is read; refuse it up front.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            return new StixImportResult(null, [], [new StixViolation(StixSeverity.Error, null, null, "(json)", "the bundle is not valid UTF-8 text.")],
                new Dictionary<string, StixMarkingDefinition>());
        JsonDocument document;
        try
        {
            // A UTF-8 byte order mark is allowed in a file; the parser takes JSON text only.
            var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
            document = JsonDocument.Parse(text.ToArray(), Options);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }
        using (document) return Read(document.RootElement);
    }

    /// <summary>Reads a bundle from its JSON text.</summary>
    public static StixImportResult ReadText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Read(stream);
    }

    private static StixImportResult Read(JsonElement root)
    {
        var violations = new List<StixViolation>();
        if (root.ValueKind != JsonValueKind.Object)
            return Refused(violations, "(root)", $"the input is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; a STIX bundle is a JSON object with \"type\": \"bundle\".");

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        string? bundleId = null;
        JsonElement[] elements;
        if (type == "bundle")
        {
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                && StixIdentifier.TryParse(idElement.GetString(), out var id) && id.Type == "bundle")
            {
                bundleId = idElement.GetString();
            }
            else
            {
                violations.Add(new StixViolation(StixSeverity.Warning, null, null, "id", "the bundle has no valid 'bundle--<UUID>' id."));
            }
            if (root.TryGetProperty("spec_version", out _))
                violations.Add(new StixViolation(StixSeverity.Warning, null, null, "spec_version", "STIX 2.1 bundles have no spec_version (a STIX 2.0 bundle?); objects are checked as 2.1."));

            if (!root.TryGetProperty("objects", out var objects))
            {
                violations.Add(new StixViolation(StixSeverity.Warning, null, null, "objects", "the bundle has no 'objects'; nothing to import."));
                elements = [];
            }
            else if (objects.ValueKind != JsonValueKind.Array)
            {
                return Refused(violations, "objects", $"'objects' is a JSON {objects.ValueKind.ToString().ToLowerInvariant()}; it must be a list of STIX objects.");
            }
            else
            {
                elements = objects.EnumerateArray().ToArray();
            }
        }
        else if (type is not null && root.TryGetProperty("id", out _))
        {
            violations.Add(new StixViolation(StixSeverity.Warning, null, null, "type", $"the input is a single '{type}' object, not a bundle; it is read as a bundle of one."));
            elements = [root];
        }
        else
        {
            return Refused(violations, "type", "the input is not a STIX bundle (no \"type\": \"bundle\") nor a STIX object (type and id).");
        }

        // First pass: what the bundle holds, so references can be checked against it.
        var typeById = new Dictionary<string, string>(StringComparer.Ordinal);
        var markingIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in elements)
        {
            if (e.ValueKind != JsonValueKind.Object) continue;
            if (Str(e, "id") is { } oid && StixIdentifier.TryParse(oid, out var parsed))
            {
                typeById.TryAdd(oid, parsed.Type);
                if (parsed.Type == "marking-definition") markingIds.Add(oid);
            }
        }

        var validator = new StixObjectValidator(typeById, markingIds, violations);
        var result = new List<StixObject>(elements.Length);
        var markingDefinitions = new Dictionary<string, StixMarkingDefinition>(StringComparer.Ordinal);
        var seenVersions = new Dictionary<(string, string?), int>();
        for (var index = 0; index < elements.Length; index++)
        {
            var element = elements[index];
            if (TooLong(element, "") is { } field)
            {
                violations.Add(new StixViolation(StixSeverity.Error, Str(element, "id"), index, field,
                    string.Create(CultureInfo.InvariantCulture, $"a text of at most {MaxNameLength:N0} characters for a name and {MaxStringLength:N0} for any other text; the object is not imported.")));
                continue;
            }
            if (validator.Validate(element, index) is not var (objectId, objectType)) continue;

            var modifiedText = Str(element, "modified");
            if (seenVersions.TryGetValue((objectId, modifiedText), out var first))
                violations.Add(new StixViolation(StixSeverity.Warning, objectId, index, "id", $"duplicates objects[{first}] (same id and modified); both are kept."));
            else seenVersions[(objectId, modifiedText)] = index;

            if (objectType == "marking-definition" && StixMarkingDefinition.TryParse(element) is { } definition)
                markingDefinitions.TryAdd(objectId, definition);

            result.Add(new StixObject(
                objectId,
                objectType,
                StixTypes.CategoryOf(objectType),
                Str(element, "spec_version"),
                Timestamp(element, "created"),
                Timestamp(element, "modified"),
                element.GetRawText(),
                Strings(element, "object_marking_refs"),
                GranularMarkingRefs(element),
                Strings(element, "labels"),
                index));
        }

        return new StixImportResult(bundleId, result, violations, markingDefinitions);
    }

    private static StixImportResult Malformed(JsonException ex)
    {
        // JsonException counts lines from 0; people count from 1.
        var line = ex.LineNumber + 1;
        var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        var violation = new StixViolation(
            StixSeverity.Error, null, null, "(json)",
            $"malformed JSON at line {line}, byte {ex.BytePositionInLine}: {reason}",
            line, ex.BytePositionInLine);
        return new StixImportResult(null, [], [violation], new Dictionary<string, StixMarkingDefinition>());
    }

    private static StixImportResult Refused(List<StixViolation> violations, string property, string problem)
    {
        violations.Add(new StixViolation(StixSeverity.Error, null, null, property, problem));
        return new StixImportResult(null, [], violations, new Dictionary<string, StixMarkingDefinition>());
    }

    private static string? Str(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static DateTimeOffset? Timestamp(JsonElement e, string property) =>
        StixTimestamp.TryParse(Str(e, property), out var value, out _) ? value : null;

    private static string[] Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];

    private static string[] GranularMarkingRefs(JsonElement e) =>
        e.TryGetProperty("granular_markings", out var gm) && gm.ValueKind == JsonValueKind.Array
            ? gm.EnumerateArray().Select(g => Str(g, "marking_ref")).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()
            : [];
}
