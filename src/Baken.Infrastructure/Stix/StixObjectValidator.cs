using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Baken.Infrastructure.Stix;

/// <summary>
/// Checks one STIX object against the STIX 2.1 rules (common properties per category, identifiers, timestamps,
/// references, markings, and the required properties of the types Baken uses). MUST-rules that leave the object
/// unusable are errors; the rest are warnings.
/// </summary>
internal sealed partial class StixObjectValidator
{
    private static readonly string[] TimestampProperties =
        ["created", "modified", "valid_from", "valid_until", "first_seen", "last_seen", "first_observed", "last_observed", "published", "object_modified", "start_time", "stop_time"];

    private static readonly HashSet<string> OpinionValues = new(StringComparer.Ordinal) { "strongly-disagree", "disagree", "neutral", "agree", "strongly-agree" };

    private readonly IReadOnlyDictionary<string, string> _typeById;
    private readonly IReadOnlySet<string> _markingIdsInBundle;
    private readonly List<StixViolation> _violations;
    private JsonElement _object;
    private string? _id;
    private int _index;

    /// <param name="typeById">The type of every object in the bundle, by id.</param>
    /// <param name="markingIdsInBundle">Ids of the marking-definitions the bundle carries.</param>
    /// <param name="violations">Where violations are appended.</param>
    public StixObjectValidator(IReadOnlyDictionary<string, string> typeById, IReadOnlySet<string> markingIdsInBundle, List<StixViolation> violations)
    {
        _typeById = typeById;
        _markingIdsInBundle = markingIdsInBundle;
        _violations = violations;
    }

    /// <summary>
    /// Validates the object at <paramref name="index"/>. Returns its identity (id, type) when it has a valid one,
    /// or null when the object cannot even be identified (it is then reported and left out).
    /// </summary>
    public (string Id, string Type)? Validate(JsonElement element, int index)
    {
        _object = element;
        _index = index;
        _id = null;

        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("(object)", $"objects[{index}] is a JSON {element.ValueKind.ToString().ToLowerInvariant()}; STIX objects are JSON objects.");
            return null;
        }

        if (!Identify(out var type)) return null;
        if (type == "bundle")
        {
            Error("type", "a bundle cannot be an object of another bundle; import it separately.");
            return (_id!, type);
        }
        var category = StixTypes.CategoryOf(type);
        if (category == StixObjectCategory.Unknown)
            Warning("type", $"'{type}' is not a STIX 2.1 object type; the object is kept as it is and only its common properties are checked.");

        CheckPropertyNames();
        CheckCommon(type, category);
        CheckTimestamps();
        CheckReferences(type);
        CheckMarkings();

        switch (type)
        {
            case "attack-pattern" or "campaign" or "course-of-action" or "infrastructure" or "intrusion-set" or "threat-actor"
                or "tool" or "vulnerability" or "identity" or "incident":
                RequireString("name");
                break;
            case "indicator": CheckIndicator(); break;
            case "malware": CheckMalware(); break;
            case "report": RequireString("name"); RequireTimestamp("published"); RequireRefs("object_refs"); break;
            case "grouping": RequireString("context"); RequireRefs("object_refs"); break;
            case "note": RequireString("content"); RequireRefs("object_refs"); break;
            case "opinion": CheckOpinion(); break;
            case "location": CheckLocation(); break;
            case "observed-data": CheckObservedData(); break;
            case "malware-analysis": CheckMalwareAnalysis(); break;
            case "relationship": CheckRelationship(); break;
            case "sighting": CheckSighting(); break;
            case "marking-definition": CheckMarkingDefinition(); break;
            case "language-content": RequireRef("object_ref"); RequireTimestamp("object_modified"); RequireObject("contents"); break;
            case "extension-definition": CheckExtensionDefinition(); break;
        }
        return (_id!, type);
    }

    private bool Identify(out string type)
    {
        type = "";
        if (!_object.TryGetProperty("type", out var t))
        {
            Error("type", "missing required property 'type'.");
            return false;
        }
        if (t.ValueKind != JsonValueKind.String || !TypeName().IsMatch(t.GetString()!))
        {
            Error("type", $"'{Text(t)}' is not a STIX type name (3–250 characters of a–z, 0–9 and '-', starting with a letter).");
            return false;
        }
        type = t.GetString()!;

        if (!_object.TryGetProperty("id", out var i))
        {
            Error("id", $"missing required property 'id' (expected '{type}--<UUID>').");
            return false;
        }
        if (i.ValueKind != JsonValueKind.String || !StixIdentifier.TryParse(i.GetString(), out var id))
        {
            Error("id", $"'{Text(i)}' is not a STIX identifier '{type}--<RFC 4122 UUID>'.");
            return false;
        }
        if (id.Type != type)
        {
            Error("id", $"id prefix '{id.Type}' does not match type '{type}'.");
            return false;
        }
        _id = i.GetString();

        if (!id.IsLowerCase) Warning("id", "the UUID should be written in lower case.");
        var category = StixTypes.CategoryOf(type);
        if (category == StixObjectCategory.CyberObservable ? id.UuidVersion is not (4 or 5) : id.UuidVersion != 4)
            Warning("id", $"UUID version {id.UuidVersion}; STIX 2.1 expects version 4{(category == StixObjectCategory.CyberObservable ? " or 5" : "")}.");
        return true;
    }

    private void CheckPropertyNames()
    {
        foreach (var p in _object.EnumerateObject())
        {
            if (!PropertyName().IsMatch(p.Name))
                Warning(p.Name, "property names must be 3–250 characters of a–z, 0–9 and '_' (custom ones should start with 'x_').");
        }
    }

    private void CheckCommon(string type, StixObjectCategory category)
    {
        var versioned = category is StixObjectCategory.DomainObject or StixObjectCategory.RelationshipObject
            || type is "language-content" or "extension-definition"
            || (category == StixObjectCategory.Unknown && Has("created"));
        var needsSpecVersion = versioned || type == "marking-definition";

        if (_object.TryGetProperty("spec_version", out var sv))
        {
            if (sv.ValueKind != JsonValueKind.String || sv.GetString() != "2.1")
                Error("spec_version", $"'{Text(sv)}' is not '2.1'; Baken reads STIX 2.1 objects only.");
        }
        else if (needsSpecVersion)
        {
            Error("spec_version", "missing required property 'spec_version' ('2.1').");
        }

        if (versioned || type == "marking-definition") RequireTimestamp("created", millisecondPrecision: true);
        if (versioned) RequireTimestamp("modified", millisecondPrecision: true);
        else if (type == "marking-definition" && Has("modified"))
            Warning("modified", "marking-definitions are not versioned and have no 'modified' property.");

        if (TryTimestamp("created", out var created) && TryTimestamp("modified", out var modified) && modified < created)
            Error("modified", $"modified ({Str("modified")}) is earlier than created ({Str("created")}); it must be the same or later.");

        if (_object.TryGetProperty("revoked", out var revoked) && revoked.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            Warning("revoked", "must be a boolean.");
        if (_object.TryGetProperty("confidence", out var confidence)
            && (confidence.ValueKind != JsonValueKind.Number || !confidence.TryGetInt32(out var c) || c is < 0 or > 100))
            Warning("confidence", $"'{Text(confidence)}' is not an integer from 0 to 100.");
        if (_object.TryGetProperty("labels", out var labels) && !IsStringArray(labels))
            Warning("labels", "must be a list of strings.");
        if (_object.TryGetProperty("lang", out var lang) && lang.ValueKind != JsonValueKind.String)
            Warning("lang", "must be a string (RFC 5646 language code).");
        if (_object.TryGetProperty("external_references", out var refs))
        {
            if (refs.ValueKind != JsonValueKind.Array) Warning("external_references", "must be a list.");
            else
            {
                var k = 0;
                foreach (var r in refs.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("source_name", out var sn) || sn.ValueKind != JsonValueKind.String)
                        Warning($"external_references[{k}]", "each external reference needs a 'source_name' string.");
                    k++;
                }
            }
        }
        if (_object.TryGetProperty("extensions", out var extensions))
        {
            if (extensions.ValueKind != JsonValueKind.Object) Warning("extensions", "must be a dictionary.");
            else
            {
                foreach (var e in extensions.EnumerateObject())
                {
                    if (!(StixIdentifier.TypeOf(e.Name) == "extension-definition" || e.Name.EndsWith("-ext", StringComparison.Ordinal)))
                        Warning($"extensions.{e.Name}", "extension keys must be an extension-definition id or a predefined '-ext' name.");
                }
            }
        }
    }

    private void CheckTimestamps()
    {
        foreach (var name in TimestampProperties)
        {
            if (name is "created" or "modified") continue;
            if (_object.TryGetProperty(name, out var value) && !StixTimestamp.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out _, out _))
                Error(name, $"'{Text(value)}' is not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z, UTC).");
        }
        if (TryTimestamp("start_time", out var start) && TryTimestamp("stop_time", out var stop) && stop <= start)
            Warning("stop_time", "must be later than start_time.");
    }

    private void CheckReferences(string type)
    {
        foreach (var p in _object.EnumerateObject())
        {
            if (p.Name is "object_marking_refs") continue;
            // Required references of these types are checked (as errors) by their own rules.
            if (type is "relationship" && p.Name is "source_ref" or "target_ref") continue;
            if (type is "sighting" && p.Name is "sighting_of_ref") continue;
            if (type is "language-content" && p.Name is "object_ref") continue;
            if (type is "extension-definition" && p.Name is "created_by_ref") continue;
            if (p.Name.EndsWith("_ref", StringComparison.Ordinal) && p.Value.ValueKind != JsonValueKind.Null)
            {
                if (!StixIdentifier.TryParse(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null, out _))
                    Warning(p.Name, $"'{Text(p.Value)}' is not a STIX identifier.");
            }
            else if (p.Name.EndsWith("_refs", StringComparison.Ordinal))
            {
                if (p.Value.ValueKind != JsonValueKind.Array) { Warning(p.Name, "must be a list of STIX identifiers."); continue; }
                var k = 0;
                foreach (var r in p.Value.EnumerateArray())
                {
                    if (!StixIdentifier.TryParse(r.ValueKind == JsonValueKind.String ? r.GetString() : null, out _))
                        Warning($"{p.Name}[{k}]", $"'{Text(r)}' is not a STIX identifier.");
                    k++;
                }
            }
        }
        if (Str("created_by_ref") is { } author && StixIdentifier.TypeOf(author) is { } authorType && authorType != "identity")
            Warning("created_by_ref", $"must refer to an identity; '{author}' is a {authorType}.");
    }

    private void CheckMarkings()
    {
        if (_object.TryGetProperty("object_marking_refs", out var omr))
        {
            if (omr.ValueKind != JsonValueKind.Array) Warning("object_marking_refs", "must be a list of marking-definition ids.");
            else
            {
                var k = 0;
                foreach (var r in omr.EnumerateArray()) CheckMarkingRef($"object_marking_refs[{k++}]", r);
            }
        }

        if (!_object.TryGetProperty("granular_markings", out var gm)) return;
        if (gm.ValueKind != JsonValueKind.Array) { Warning("granular_markings", "must be a list of granular markings."); return; }
        var g = 0;
        foreach (var marking in gm.EnumerateArray())
        {
            var path = $"granular_markings[{g++}]";
            if (marking.ValueKind != JsonValueKind.Object) { Warning(path, "must be an object with selectors and marking_ref or lang."); continue; }
            var hasRef = marking.TryGetProperty("marking_ref", out var markingRef);
            var hasLang = marking.TryGetProperty("lang", out _);
            if (hasRef == hasLang) Warning(path, "must have exactly one of 'marking_ref' and 'lang'.");
            if (hasRef) CheckMarkingRef($"{path}.marking_ref", markingRef);
            if (!marking.TryGetProperty("selectors", out var selectors) || !IsStringArray(selectors) || selectors.GetArrayLength() == 0)
            {
                Warning($"{path}.selectors", "must be a non-empty list of selector strings.");
                continue;
            }
            foreach (var s in selectors.EnumerateArray())
            {
                if (!SelectorResolves(_object, s.GetString()!))
                    Warning($"{path}.selectors", $"selector '{s.GetString()}' does not point to a property of this object.");
            }
        }
    }

    private void CheckMarkingRef(string path, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (StixIdentifier.TypeOf(text) != "marking-definition")
        {
            Warning(path, $"'{Text(value)}' is not a marking-definition id.");
            return;
        }
        if (!_markingIdsInBundle.Contains(text!) && !TlpMarkings.IsPredefined(text!))
            Warning(path, $"'{text}' is neither in the bundle nor a predefined TLP marking; Baken classifies it with the level for unknown markings.");
    }

    private void CheckIndicator()
    {
        RequireString("pattern");
        RequireString("pattern_type");
        RequireTimestamp("valid_from");
        if (TryTimestamp("valid_from", out var from) && TryTimestamp("valid_until", out var until) && until <= from)
            Warning("valid_until", "must be later than valid_from.");
    }

    private void CheckMalware()
    {
        if (!_object.TryGetProperty("is_family", out var isFamily))
            Error("is_family", "missing required property 'is_family' (boolean).");
        else if (isFamily.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            Error("is_family", $"'{Text(isFamily)}' is not a boolean.");
        else if (isFamily.ValueKind == JsonValueKind.True)
            RequireString("name");
    }

    private void CheckOpinion()
    {
        RequireRefs("object_refs");
        if (RequireString("opinion") && !OpinionValues.Contains(Str("opinion")!))
            Error("opinion", $"'{Str("opinion")}' is not one of {string.Join(", ", OpinionValues)}.");
    }

    private void CheckLocation()
    {
        var hasLat = _object.TryGetProperty("latitude", out var lat);
        var hasLon = _object.TryGetProperty("longitude", out var lon);
        if (!Has("region") && !Has("country") && !(hasLat && hasLon))
            Error("(location)", "a location needs at least one of 'region', 'country', or 'latitude' with 'longitude'.");
        if (hasLat != hasLon)
            Error(hasLat ? "longitude" : "latitude", "latitude and longitude must be given together.");
        if (hasLat && (lat.ValueKind != JsonValueKind.Number || !lat.TryGetDouble(out var la) || la is < -90 or > 90))
            Error("latitude", $"'{Text(lat)}' is not a number from -90 to 90.");
        if (hasLon && (lon.ValueKind != JsonValueKind.Number || !lon.TryGetDouble(out var lo) || lo is < -180 or > 180))
            Error("longitude", $"'{Text(lon)}' is not a number from -180 to 180.");
        if (Has("precision") && !hasLat)
            Warning("precision", "precision is only meaningful with latitude and longitude.");
    }

    private void CheckObservedData()
    {
        RequireTimestamp("first_observed");
        RequireTimestamp("last_observed");
        if (!_object.TryGetProperty("number_observed", out var n) || n.ValueKind != JsonValueKind.Number || !n.TryGetInt64(out var count) || count is < 1 or > 999_999_999)
            Error("number_observed", "required: an integer from 1 to 999,999,999.");
        if (Has("objects") == Has("object_refs"))
            Error("object_refs", "observed-data needs exactly one of 'objects' (deprecated) and 'object_refs'.");
    }

    private void CheckMalwareAnalysis()
    {
        RequireString("product");
        if (!Has("result") && !Has("analysis_sco_refs"))
            Error("result", "malware-analysis needs 'result' or 'analysis_sco_refs'.");
    }

    private void CheckRelationship()
    {
        if (RequireString("relationship_type") && !RelationshipType().IsMatch(Str("relationship_type")!))
            Warning("relationship_type", $"'{Str("relationship_type")}' should use only a–z, 0–9 and '-'.");
        CheckEndpoint("source_ref");
        CheckEndpoint("target_ref");
    }

    private void CheckEndpoint(string property)
    {
        if (!RequireRef(property)) return;
        var type = StixIdentifier.TypeOf(Str(property))!;
        switch (StixTypes.CategoryOf(type))
        {
            case StixObjectCategory.DomainObject or StixObjectCategory.CyberObservable:
                break;
            case StixObjectCategory.Unknown:
                Warning(property, $"refers to type '{type}', which STIX 2.1 does not define; Baken cannot check what the relationship connects.");
                break;
            default:
                Error(property, $"refers to a {type}; relationships connect domain objects and cyber-observables only.");
                break;
        }
    }

    private void CheckSighting()
    {
        if (RequireRef("sighting_of_ref"))
        {
            var type = StixIdentifier.TypeOf(Str("sighting_of_ref"))!;
            var category = StixTypes.CategoryOf(type);
            if (category == StixObjectCategory.Unknown)
                Warning("sighting_of_ref", $"refers to type '{type}', which STIX 2.1 does not define.");
            else if (category != StixObjectCategory.DomainObject)
                Error("sighting_of_ref", $"refers to a {type}; a sighting is of a domain object.");
        }
        CheckRefTypes("observed_data_refs", "observed-data");
        CheckRefTypes("where_sighted_refs", "identity", "location");
        if (_object.TryGetProperty("count", out var count) && (count.ValueKind != JsonValueKind.Number || !count.TryGetInt64(out var c) || c is < 0 or > 999_999_999))
            Warning("count", $"'{Text(count)}' is not an integer from 0 to 999,999,999.");
        if (TryTimestamp("first_seen", out var first) && TryTimestamp("last_seen", out var last) && last < first)
            Warning("last_seen", "must not be earlier than first_seen.");
    }

    private void CheckMarkingDefinition()
    {
        var id = _id!;
        var predefined = TlpMarkings.ById.GetValueOrDefault(id);
        if (_object.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object
            && ext.TryGetProperty(TlpMarkings.Tlp2ExtensionId, out var tlp2))
        {
            var level = tlp2.ValueKind == JsonValueKind.Object && tlp2.TryGetProperty("tlp_2_0", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            if (level is null || !TlpMarkings.Tlp2Levels.Contains(level))
                Error($"extensions.{TlpMarkings.Tlp2ExtensionId}.tlp_2_0", $"'{level}' is not a TLP 2.0 level ({string.Join(", ", TlpMarkings.Tlp2Levels)}).");
            else CheckPredefinedTlp(predefined, StixMarkingKind.Tlp2, level);
            return;
        }

        var definitionType = Str("definition_type");
        if (definitionType is null)
        {
            if (!Has("extensions"))
                Error("definition_type", "a marking-definition needs 'definition_type' and 'definition', or 'extensions'.");
            else if (predefined is not null)
                Error("extensions", $"'{id}' is the predefined {predefined.Name} marking but does not carry its definition.");
            return;
        }

        _object.TryGetProperty("definition", out var definition);
        if (definition.ValueKind != JsonValueKind.Object)
        {
            Error("definition", $"required with definition_type '{definitionType}': an object.");
            return;
        }
        switch (definitionType)
        {
            case "tlp":
                var tlp = definition.TryGetProperty("tlp", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (tlp is null || !TlpMarkings.Tlp1Levels.Contains(tlp))
                    Error("definition.tlp", $"'{tlp}' is not a TLP 1.0 level ({string.Join(", ", TlpMarkings.Tlp1Levels)}).");
                else CheckPredefinedTlp(predefined, StixMarkingKind.Tlp1, tlp);
                break;
            case "statement":
                if (!definition.TryGetProperty("statement", out var s) || s.ValueKind != JsonValueKind.String)
                    Error("definition.statement", "a statement marking needs a 'statement' string.");
                if (predefined is not null) Error("id", $"'{id}' is the predefined {predefined.Name} marking, not a statement.");
                break;
            default:
                Warning("definition_type", $"'{definitionType}' is not interpreted by Baken; objects marked with it get the level for unknown markings.");
                break;
        }
    }

    private void CheckPredefinedTlp(StixMarkingDefinition? predefined, StixMarkingKind kind, string level)
    {
        if (predefined is null)
        {
            Warning("id", $"TLP:{level.ToUpperInvariant()} is defined under a non-standard id; the predefined TLP ids are in TlpMarkings.");
            return;
        }
        if (predefined.Kind != kind || predefined.Tlp != level)
            Error("id", $"'{_id}' is the predefined {predefined.Name} ({(predefined.Kind == StixMarkingKind.Tlp1 ? "TLP 1.0" : "TLP 2.0")}) marking; this object defines TLP:{level.ToUpperInvariant()}.");
    }

    private void CheckExtensionDefinition()
    {
        RequireString("name");
        RequireString("schema");
        RequireString("version");
        RequireRef("created_by_ref");
        if (!_object.TryGetProperty("extension_types", out var types) || !IsStringArray(types) || types.GetArrayLength() == 0)
            Error("extension_types", "required: a non-empty list of extension types.");
    }

    private void CheckRefTypes(string property, params string[] allowed)
    {
        if (!_object.TryGetProperty(property, out var refs) || refs.ValueKind != JsonValueKind.Array) return;
        var k = 0;
        foreach (var r in refs.EnumerateArray())
        {
            if (StixIdentifier.TypeOf(r.ValueKind == JsonValueKind.String ? r.GetString() : null) is { } type && !allowed.Contains(type))
                Warning($"{property}[{k}]", $"refers to a {type}; allowed: {string.Join(", ", allowed)}.");
            k++;
        }
    }

    private bool RequireString(string property)
    {
        if (!_object.TryGetProperty(property, out var value))
        {
            Error(property, $"missing required property '{property}'.");
            return false;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            Error(property, $"'{Text(value)}' is not a non-empty string.");
            return false;
        }
        return true;
    }

    private void RequireTimestamp(string property, bool millisecondPrecision = false)
    {
        if (!_object.TryGetProperty(property, out var value))
        {
            Error(property, $"missing required property '{property}' (timestamp).");
            return;
        }
        if (!StixTimestamp.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out _, out var digits))
        {
            Error(property, $"'{Text(value)}' is not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z, UTC).");
            return;
        }
        if (millisecondPrecision && digits < 3)
            Warning(property, $"'{value.GetString()}' must be precise to the millisecond (at least three fractional digits).");
    }

    private bool RequireRef(string property)
    {
        if (!_object.TryGetProperty(property, out var value))
        {
            Error(property, $"missing required property '{property}' (a STIX identifier).");
            return false;
        }
        if (!StixIdentifier.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out _))
        {
            Error(property, $"'{Text(value)}' is not a STIX identifier 'type--UUID'.");
            return false;
        }
        return true;
    }

    private void RequireRefs(string property)
    {
        if (!_object.TryGetProperty(property, out var value))
            Error(property, $"missing required property '{property}' (a non-empty list of identifiers).");
        else if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            Error(property, "must be a non-empty list of identifiers.");
    }

    private void RequireObject(string property)
    {
        if (!_object.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Object)
            Error(property, $"missing required property '{property}' (an object).");
    }

    private bool Has(string property) => _object.TryGetProperty(property, out _);

    private string? Str(string property) =>
        _object.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private bool TryTimestamp(string property, out DateTimeOffset value)
    {
        value = default;
        return Str(property) is { } text && StixTimestamp.TryParse(text, out value, out _);
    }

    private void Error(string property, string problem) => _violations.Add(new StixViolation(StixSeverity.Error, _id, _index, property, problem));

    private void Warning(string property, string problem) => _violations.Add(new StixViolation(StixSeverity.Warning, _id, _index, property, problem));

    private static bool IsStringArray(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String);

    // Selectors are dotted paths with [n] list indices: "description", "external_references.[0].source_name".
    private static bool SelectorResolves(JsonElement root, string selector)
    {
        var current = root;
        foreach (var segment in selector.Split('.'))
        {
            if (segment.Length > 2 && segment[0] == '[' && segment[^1] == ']'
                && int.TryParse(segment.AsSpan(1, segment.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (current.ValueKind != JsonValueKind.Array || n >= current.GetArrayLength()) return false;
                current = current[n];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return false;
            }
        }
        return true;
    }

    private static string Text(JsonElement e)
    {
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,248}[a-z0-9]$")]
    private static partial Regex TypeName();

    [GeneratedRegex("^[a-z0-9_]{2,250}$")]
    private static partial Regex PropertyName();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex RelationshipType();
}
