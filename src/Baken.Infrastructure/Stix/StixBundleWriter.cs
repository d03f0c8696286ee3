using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baken.Infrastructure.Stix;

/// <summary>Which stored objects go into an exported bundle. Every criterion given must hold; null means "any".</summary>
/// <param name="Types">Object types to export, e.g. <c>indicator</c>, <c>threat-actor</c>.</param>
/// <param name="ModifiedSince">Only objects whose <c>modified</c> (or, lacking it, <c>created</c>) is at or after this instant; objects with neither are left out.</param>
/// <param name="Labels">Only objects carrying at least one of these labels.</param>
/// <param name="IncludeReferencedMarkings">Also export the marking-definitions (among the input) that exported objects reference, even when the filter would leave them out, so the bundle's markings resolve. Default true.</param>
public sealed record StixExportFilter(
    IReadOnlySet<string>? Types = null,
    DateTimeOffset? ModifiedSince = null,
    IReadOnlySet<string>? Labels = null,
    bool IncludeReferencedMarkings = true);

/// <summary>Options of <see cref="StixBundleWriter.Write"/>.</summary>
/// <param name="BundleIdGenerator">Supplies the UUID of the new bundle id; null derives a UUIDv5 from the exported content, so the same objects always give the same bundle id.</param>
/// <param name="Filter">Which objects to export; null exports all.</param>
/// <param name="Indented">Pretty-print the bundle (default true).</param>
/// <param name="Marking">The Baken marking of the export (METHODS §10, e.g. <c>STG. GEHEIM // NUC</c>); when given, the bundle
/// carries it as <c>x_baken_marking</c> and as a first statement marking-definition (docs/formats.md §8.3).</param>
public sealed record StixBundleWriteOptions(
    Func<Guid>? BundleIdGenerator = null,
    StixExportFilter? Filter = null,
    bool Indented = true,
    string? Marking = null);

/// <summary>What <see cref="StixBundleWriter.Write"/> wrote.</summary>
/// <param name="BundleId">The id of the written bundle.</param>
/// <param name="ObjectIds">The ids of the exported objects, in bundle order.</param>
public sealed record StixExportSummary(string BundleId, IReadOnlyList<string> ObjectIds)
{
    /// <summary>The number of exported objects.</summary>
    public int ObjectCount => ObjectIds.Count;
}

/// <summary>
/// Writes stored STIX objects (each as the JSON text it was imported with) into a new STIX 2.1 bundle. Objects are
/// written property by property as stored — custom properties, unknown types and number formats included — so an
/// exported bundle carries everything the imported one had.
/// </summary>
public static class StixBundleWriter
{
    // A fixed namespace for content-derived bundle ids (RFC 4122 §4.3), so they never collide with other v5 names.
    private static readonly Guid BundleNamespace = new("5b1e0c52-7a43-4b8e-9a8e-1f6d0e3c2a71");

    /// <summary>Writes a bundle of <paramref name="objectJson"/> to <paramref name="output"/> (UTF-8, left open).</summary>
    /// <param name="objectJson">Stored objects, each the JSON text of one STIX object with string <c>type</c> and <c>id</c>.</param>
    /// <param name="output">The destination.</param>
    /// <param name="options">Bundle id source, filter and formatting.</param>
    /// <exception cref="ArgumentException">An element is not the JSON text of a STIX object; the message names its position.</exception>
    public static StixExportSummary Write(IEnumerable<string> objectJson, Stream output, StixBundleWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objectJson);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new StixBundleWriteOptions();

        var documents = new List<JsonDocument>();
        try
        {
            var position = 0;
            foreach (var json in objectJson)
            {
                documents.Add(ParseObject(json, position));
                position++;
            }

            var selected = Select(documents, options.Filter);
            var bundleId = "bundle--" + (options.BundleIdGenerator?.Invoke() ?? ContentId(selected)).ToString("D");

            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
            {
                Indented = options.Indented,
                // Keep non-ASCII text and characters such as ' and + readable; the bundle is not embedded in HTML.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            writer.WriteStartObject();
            writer.WriteString("type", "bundle");
            writer.WriteString("id", bundleId);
            if (options.Marking is { } marking) writer.WriteString(MarkingProperty, marking);
            writer.WriteStartArray("objects");
            if (options.Marking is { } text) WriteMarkingDefinition(writer, text);
            foreach (var doc in selected) doc.RootElement.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();

            return new StixExportSummary(bundleId, selected.Select(d => d.RootElement.GetProperty("id").GetString()!).ToArray());
        }
        finally
        {
            foreach (var doc in documents) doc.Dispose();
        }
    }

    /// <summary>The custom property that carries the Baken marking line, on the bundle and on its marking-definition.</summary>
    public const string MarkingProperty = "x_baken_marking";

    /// <summary>The fixed <c>created</c> of Baken's marking-definitions, so the same marking always gives the same object.</summary>
    public const string MarkingCreated = "2026-01-01T00:00:00.000Z";

    /// <summary>The id of the marking-definition of a Baken marking line: a UUIDv5 of the line, the same line always the same id.</summary>
    public static string MarkingDefinitionId(string marking) => "marking-definition--" + NameId("marking:" + marking).ToString("D");

    // A statement marking-definition (STIX 2.1 §7.2.1.3) whose statement is the Baken marking line.
    private static void WriteMarkingDefinition(Utf8JsonWriter writer, string marking)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "marking-definition");
        writer.WriteString("spec_version", "2.1");
        writer.WriteString("id", MarkingDefinitionId(marking));
        writer.WriteString("created", MarkingCreated);
        writer.WriteString("name", "Baken: " + marking);
        writer.WriteString("definition_type", "statement");
        writer.WriteStartObject("definition");
        writer.WriteString("statement", marking);
        writer.WriteEndObject();
        writer.WriteString(MarkingProperty, marking);
        writer.WriteEndObject();
    }

    private static Guid NameId(string name)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        Span<byte> ns = stackalloc byte[16];
        BundleNamespace.TryWriteBytes(ns, bigEndian: true, out _);
        sha1.AppendData(ns);
        sha1.AppendData(Encoding.UTF8.GetBytes(name));
        var hash = sha1.GetHashAndReset();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static JsonDocument ParseObject(string? json, int position)
    {
        if (json is null) throw new ArgumentException($"objectJson[{position}] is null; expected the JSON text of a STIX object.", "objectJson");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"objectJson[{position}] is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}).", "objectJson", ex);
        }
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            doc.Dispose();
            throw new ArgumentException($"objectJson[{position}] is not a STIX object: it needs string 'type' and 'id' properties.", "objectJson");
        }
        return doc;
    }

    private static List<JsonDocument> Select(List<JsonDocument> documents, StixExportFilter? filter)
    {
        if (filter is null) return documents;
        var selected = documents.Where(d => Matches(d.RootElement, filter)).ToList();
        if (!filter.IncludeReferencedMarkings) return selected;

        var included = selected.Select(d => Id(d.RootElement)).ToHashSet(StringComparer.Ordinal);
        var referenced = selected.SelectMany(d => MarkingRefs(d.RootElement)).ToHashSet(StringComparer.Ordinal);
        // Markings go before the objects they mark, in their input order.
        var markings = documents.Where(d => Type(d.RootElement) == "marking-definition"
            && referenced.Contains(Id(d.RootElement)) && !included.Contains(Id(d.RootElement))).ToList();
        return [.. markings, .. selected];
    }

    private static bool Matches(JsonElement o, StixExportFilter filter)
    {
        if (filter.Types is { } types && !types.Contains(Type(o))) return false;
        if (filter.ModifiedSince is { } since)
        {
            var stamp = Str(o, "modified") ?? Str(o, "created");
            if (!StixTimestamp.TryParse(stamp, out var when, out _) || when < since) return false;
        }
        if (filter.Labels is { } labels)
        {
            if (!o.TryGetProperty("labels", out var l) || l.ValueKind != JsonValueKind.Array) return false;
            if (!l.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && labels.Contains(x.GetString()!))) return false;
        }
        return true;
    }

    private static IEnumerable<string> MarkingRefs(JsonElement o)
    {
        if (o.TryGetProperty("object_marking_refs", out var omr) && omr.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in omr.EnumerateArray())
                if (r.ValueKind == JsonValueKind.String) yield return r.GetString()!;
        }
        if (o.TryGetProperty("granular_markings", out var gm) && gm.ValueKind == JsonValueKind.Array)
        {
            foreach (var g in gm.EnumerateArray())
                if (Str(g, "marking_ref") is { } r) yield return r;
        }
    }

    // UUIDv5 (RFC 4122 §4.3) over the exported objects' ids and texts: the same content gives the same bundle id.
    private static Guid ContentId(List<JsonDocument> selected)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        Span<byte> ns = stackalloc byte[16];
        BundleNamespace.TryWriteBytes(ns, bigEndian: true, out _);
        sha1.AppendData(ns);
        foreach (var doc in selected)
        {
            sha1.AppendData(Encoding.UTF8.GetBytes(doc.RootElement.GetRawText()));
            sha1.AppendData([0]);
        }
        var hash = sha1.GetHashAndReset();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Id(JsonElement o) => o.GetProperty("id").GetString()!;

    private static string Type(JsonElement o) => o.GetProperty("type").GetString()!;

    private static string? Str(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
