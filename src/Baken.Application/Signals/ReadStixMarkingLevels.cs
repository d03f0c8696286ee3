using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>
/// The levels the catalogue's <c>stix_markings</c> table gives imported STIX objects: per TLP name (lower case), per
/// marking-definition id, and for statement, unknown and absent markings (null: the map's default for that case).
/// </summary>
public sealed record StixMarkingLevels(
    IReadOnlyDictionary<string, ClassificationLevel> Tlp,
    IReadOnlyDictionary<string, ClassificationLevel> MarkingIds,
    ClassificationLevel? Statement,
    ClassificationLevel? Unknown,
    ClassificationLevel? Unmarked);

/// <summary>
/// Reads the marking table as data (catalogue entries, editable like any entry), so an edited level classifies the next
/// import. An entry whose level is not a classification is Invalid, naming the entry and the level.
/// </summary>
public sealed class ReadStixMarkingLevels(IBakenDb db)
{
    public const string CatalogueKind = "stix_markings";

    public async Task<Result<StixMarkingLevels>> HandleAsync(CancellationToken ct = default)
    {
        var tlp = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        var markings = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        ClassificationLevel? statement = null, unknown = null, unmarked = null;
        foreach (var e in await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == CatalogueKind).ToListAsync(ct))
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            if (!ClassificationLevels.TryParse((string?)a["level"], out var level))
                return Result<StixMarkingLevels>.Invalid(new FieldError("level", (string?)a["level"] ?? "",
                    AllowedTexts.SignalsStixMarkingLevel.With(e.Code, ClassificationLevels.Rule)));
            if ((string?)a["tlp"] is { } name) tlp[name.ToLowerInvariant()] = level;
            else if ((string?)a["marking_id"] is { } id) markings[id] = level;
            else if (a["statement"] is not null) statement = level;
            else if (a["unknown"] is not null) unknown = level;
            else if (a["unmarked"] is not null) unmarked = level;
        }
        return Result<StixMarkingLevels>.Ok(new StixMarkingLevels(tlp, markings, statement, unknown, unmarked));
    }
}
