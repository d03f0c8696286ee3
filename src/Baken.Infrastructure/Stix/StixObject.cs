using System.Text.Json.Nodes;

namespace Baken.Infrastructure.Stix;

/// <summary>
/// One object of an imported STIX bundle. <see cref="Json"/> is the object's exact text from the input, so every
/// property — custom <c>x_</c> properties and unknown object types included — survives storage and export.
/// </summary>
/// <param name="Id">The STIX identifier, <c>type--UUID</c>.</param>
/// <param name="Type">The object type, e.g. <c>indicator</c>.</param>
/// <param name="Category">Domain, relationship, cyber-observable, meta or unknown.</param>
/// <param name="SpecVersion">The <c>spec_version</c> property, if present (optional on cyber-observables).</param>
/// <param name="Created">The <c>created</c> timestamp (UTC), if present and valid.</param>
/// <param name="Modified">The <c>modified</c> timestamp (UTC), if present and valid; marking-definitions have none.</param>
/// <param name="Json">The object's JSON text exactly as it appeared in the bundle.</param>
/// <param name="ObjectMarkingRefs">The <c>object_marking_refs</c> that are strings.</param>
/// <param name="GranularMarkingRefs">The <c>marking_ref</c> values of <c>granular_markings</c>.</param>
/// <param name="Labels">The <c>labels</c> that are strings.</param>
/// <param name="Index">The 0-based position of the object in the bundle's <c>objects</c> array.</param>
public sealed record StixObject(
    string Id,
    string Type,
    StixObjectCategory Category,
    string? SpecVersion,
    DateTimeOffset? Created,
    DateTimeOffset? Modified,
    string Json,
    IReadOnlyList<string> ObjectMarkingRefs,
    IReadOnlyList<string> GranularMarkingRefs,
    IReadOnlyList<string> Labels,
    int Index)
{
    /// <summary>All marking-definition ids that apply to the object or a part of it, without duplicates.</summary>
    public IReadOnlyList<string> AllMarkingRefs => ObjectMarkingRefs.Concat(GranularMarkingRefs).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A fresh mutable copy of the object as a <see cref="JsonObject"/>.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();
}

/// <summary>How bad a STIX rule violation is.</summary>
public enum StixSeverity
{
    /// <summary>The object breaks a rule but can be imported and exported as it is.</summary>
    Warning,

    /// <summary>The object (or the whole input) cannot be used: Baken does not import it.</summary>
    Error,
}

/// <summary>One violation of the STIX 2.1 rules.</summary>
/// <param name="Severity">Warning (import goes on) or error (the object is unusable).</param>
/// <param name="ObjectId">The object's id when it has a usable one; null for bundle-level problems or objects without id.</param>
/// <param name="ObjectIndex">The 0-based position in the bundle's <c>objects</c> array; null for bundle-level problems.</param>
/// <param name="Property">The property concerned, as a path such as <c>granular_markings[0].selectors</c>; <c>(json)</c> for syntax errors.</param>
/// <param name="Problem">What is wrong and what is allowed.</param>
/// <param name="Line">For malformed JSON, the 1-based line of the error.</param>
/// <param name="BytePositionInLine">For malformed JSON, the 0-based byte offset of the error within its line.</param>
public sealed record StixViolation(
    StixSeverity Severity,
    string? ObjectId,
    int? ObjectIndex,
    string Property,
    string Problem,
    long? Line = null,
    long? BytePositionInLine = null)
{
    public override string ToString()
    {
        var where = ObjectId ?? (ObjectIndex is { } i ? $"objects[{i}]" : "bundle");
        var position = Line is { } l ? $" (line {l}, byte {BytePositionInLine})" : "";
        return $"{Severity} {where} {Property}: {Problem}{position}";
    }
}

/// <summary>The outcome of reading a STIX bundle.</summary>
/// <param name="BundleId">The bundle's id, or null when the input was a single object or had none.</param>
/// <param name="Objects">Every object that has a valid type and id, in bundle order, including those with errors.</param>
/// <param name="Violations">Every rule violation found, bundle-level first, then per object in bundle order.</param>
/// <param name="MarkingDefinitions">The marking-definitions carried in the bundle, by id (predefined TLP ones are in <see cref="TlpMarkings"/>).</param>
public sealed record StixImportResult(
    string? BundleId,
    IReadOnlyList<StixObject> Objects,
    IReadOnlyList<StixViolation> Violations,
    IReadOnlyDictionary<string, StixMarkingDefinition> MarkingDefinitions)
{
    /// <summary>True when the input could not be read as a bundle at all (malformed JSON, not an object): nothing is importable.</summary>
    public bool IsMalformed => Objects.Count == 0 && Violations.Any(v => v is { Severity: StixSeverity.Error, ObjectIndex: null });

    /// <summary>True when any violation is an error.</summary>
    public bool HasErrors => Violations.Any(v => v.Severity == StixSeverity.Error);

    /// <summary>The objects without error violations: the ones Baken imports.</summary>
    public IReadOnlyList<StixObject> UsableObjects
    {
        get
        {
            var broken = Violations.Where(v => v.Severity == StixSeverity.Error && v.ObjectIndex is not null)
                .Select(v => v.ObjectIndex!.Value).ToHashSet();
            return Objects.Where(o => !broken.Contains(o.Index)).ToArray();
        }
    }

    /// <summary>The violations of the object with id <paramref name="id"/>.</summary>
    public IReadOnlyList<StixViolation> ViolationsOf(string id) => Violations.Where(v => v.ObjectId == id).ToArray();
}
