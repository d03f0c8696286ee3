using Baken.Domain.Security;

namespace Baken.Infrastructure.Stix;

/// <summary>The classification an object gets from its markings.</summary>
/// <param name="Level">The highest level over all markings of the object (object and granular markings).</param>
/// <param name="DecidingMarkingRef">The marking that gave that level; null when the object has no markings.</param>
/// <param name="UnknownMarkingRefs">Markings the map could not interpret (given <see cref="StixMarkingMap.UnknownMarkingLevel"/>).</param>
public sealed record StixMarkingClassification(
    ClassificationLevel Level,
    string? DecidingMarkingRef,
    IReadOnlyList<string> UnknownMarkingRefs);

/// <summary>
/// A configurable table from STIX markings to Baken classification levels. An object gets the highest level of
/// all its markings — <c>object_marking_refs</c> and the <c>marking_ref</c>s of <c>granular_markings</c> — because
/// the stored object carries every marked part.
/// </summary>
/// <remarks>
/// Resolution order for one marking id: (1) a level configured for that id; (2) a TLP marking (predefined, or a
/// marking-definition in the bundle) by its TLP level; (3) a statement marking: <see cref="StatementLevel"/>;
/// (4) anything else: <see cref="UnknownMarkingLevel"/>. The default for unknown markings fails closed
/// (Staatsgeheim Confidentieel, as TLP:RED): a marking Baken cannot read must not make content more visible.
/// </remarks>
public sealed class StixMarkingMap
{
    private static readonly IReadOnlyDictionary<string, ClassificationLevel> DefaultTlpLevels =
        new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal)
        {
            ["clear"] = ClassificationLevel.Ongerubriceerd,
            ["white"] = ClassificationLevel.Ongerubriceerd,
            ["green"] = ClassificationLevel.Ongerubriceerd,
            ["amber"] = ClassificationLevel.DepartementaalVertrouwelijk,
            ["amber+strict"] = ClassificationLevel.DepartementaalVertrouwelijk,
            ["red"] = ClassificationLevel.StaatsgeheimConfidentieel,
        };

    private readonly Dictionary<string, ClassificationLevel> _tlpLevels;
    private readonly Dictionary<string, ClassificationLevel> _markingLevels;

    /// <param name="tlpLevels">
    /// Level per TLP level name (clear, white, green, amber, amber+strict, red; lower case). Names left out keep the
    /// defaults: CLEAR/WHITE/GREEN → 0, AMBER and AMBER+STRICT → 1, RED → 2.
    /// </param>
    /// <param name="markingLevels">Levels for specific marking-definition ids; these win over everything else.</param>
    /// <param name="statementLevel">Level of statement markings not listed in <paramref name="markingLevels"/>; default 0.</param>
    /// <param name="unknownMarkingLevel">Level of markings the map cannot interpret; default 2 (fail closed).</param>
    /// <param name="unmarkedLevel">Level of an object without markings; default 0.</param>
    public StixMarkingMap(
        IReadOnlyDictionary<string, ClassificationLevel>? tlpLevels = null,
        IReadOnlyDictionary<string, ClassificationLevel>? markingLevels = null,
        ClassificationLevel statementLevel = ClassificationLevel.Ongerubriceerd,
        ClassificationLevel unknownMarkingLevel = ClassificationLevel.StaatsgeheimConfidentieel,
        ClassificationLevel unmarkedLevel = ClassificationLevel.Ongerubriceerd)
    {
        _tlpLevels = new Dictionary<string, ClassificationLevel>(DefaultTlpLevels, StringComparer.Ordinal);
        foreach (var (name, level) in tlpLevels ?? new Dictionary<string, ClassificationLevel>())
        {
            if (!DefaultTlpLevels.ContainsKey(name))
                throw new ArgumentException($"tlpLevels has '{name}'; allowed TLP names: {string.Join(", ", DefaultTlpLevels.Keys)}.", nameof(tlpLevels));
            _tlpLevels[name] = RequireLevel(level, $"tlpLevels['{name}']");
        }

        _markingLevels = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        foreach (var (id, level) in markingLevels ?? new Dictionary<string, ClassificationLevel>())
        {
            if (StixIdentifier.TypeOf(id) != "marking-definition")
                throw new ArgumentException($"markingLevels has key '{id}'; keys must be marking-definition ids.", nameof(markingLevels));
            _markingLevels[id] = RequireLevel(level, $"markingLevels['{id}']");
        }

        StatementLevel = RequireLevel(statementLevel, nameof(statementLevel));
        UnknownMarkingLevel = RequireLevel(unknownMarkingLevel, nameof(unknownMarkingLevel));
        UnmarkedLevel = RequireLevel(unmarkedLevel, nameof(unmarkedLevel));
    }

    /// <summary>The default table (see the constructor's defaults).</summary>
    public static StixMarkingMap Default { get; } = new();

    /// <summary>Level of statement markings that are not configured by id.</summary>
    public ClassificationLevel StatementLevel { get; }

    /// <summary>Level of markings the map cannot interpret.</summary>
    public ClassificationLevel UnknownMarkingLevel { get; }

    /// <summary>Level of objects without any marking.</summary>
    public ClassificationLevel UnmarkedLevel { get; }

    /// <summary>The level for TLP level <paramref name="tlp"/> (clear, white, green, amber, amber+strict, red).</summary>
    public ClassificationLevel LevelOfTlp(string tlp) =>
        _tlpLevels.TryGetValue(tlp, out var level) ? level : UnknownMarkingLevel;

    /// <summary>The level of one marking.</summary>
    /// <param name="markingId">A marking-definition id.</param>
    /// <param name="definitions">Marking-definitions known besides the predefined TLP ones (e.g. <see cref="StixImportResult.MarkingDefinitions"/>).</param>
    /// <param name="known">False when the marking could not be interpreted.</param>
    public ClassificationLevel LevelOf(string markingId, IReadOnlyDictionary<string, StixMarkingDefinition>? definitions, out bool known)
    {
        ArgumentNullException.ThrowIfNull(markingId);
        known = true;
        if (_markingLevels.TryGetValue(markingId, out var configured)) return configured;

        var definition = TlpMarkings.ById.GetValueOrDefault(markingId) ?? definitions?.GetValueOrDefault(markingId);
        switch (definition)
        {
            case { Kind: StixMarkingKind.Tlp1 or StixMarkingKind.Tlp2, Tlp: { } tlp } when _tlpLevels.TryGetValue(tlp, out var tlpLevel):
                return tlpLevel;
            case { Kind: StixMarkingKind.Statement }:
                return StatementLevel;
            default:
                known = false;
                return UnknownMarkingLevel;
        }
    }

    /// <summary>The classification of <paramref name="stixObject"/>: the highest level of all its markings.</summary>
    /// <param name="stixObject">An imported object.</param>
    /// <param name="definitions">Marking-definitions known besides the predefined TLP ones; usually <see cref="StixImportResult.MarkingDefinitions"/>.</param>
    public StixMarkingClassification Classify(StixObject stixObject, IReadOnlyDictionary<string, StixMarkingDefinition>? definitions = null)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        return Classify(stixObject.AllMarkingRefs, definitions);
    }

    /// <summary>The classification given by a set of marking ids: the highest level among them.</summary>
    public StixMarkingClassification Classify(IEnumerable<string> markingRefs, IReadOnlyDictionary<string, StixMarkingDefinition>? definitions = null)
    {
        ArgumentNullException.ThrowIfNull(markingRefs);
        ClassificationLevel? level = null;
        string? deciding = null;
        var unknown = new List<string>();
        foreach (var id in markingRefs.Distinct(StringComparer.Ordinal))
        {
            var markingLevel = LevelOf(id, definitions, out var known);
            if (!known) unknown.Add(id);
            if (level is null || markingLevel > level)
            {
                level = markingLevel;
                deciding = id;
            }
        }
        // An explicit marking, even TLP:CLEAR, says more than the default for unmarked content.
        level ??= UnmarkedLevel;
        return new StixMarkingClassification(level.Value, deciding, unknown);
    }

    private static ClassificationLevel RequireLevel(ClassificationLevel level, string name) =>
        Enum.IsDefined(level) ? level : throw new ArgumentOutOfRangeException(name, level, $"{name} must be a classification level 0–4; got {(int)level}.");
}
