using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Stix;

/// <summary>The marking table as data: the catalogue's stix_markings entries (editable like any entry) turned into a <see cref="StixMarkingMap"/>.</summary>
public static class StixMarkingTable
{
    public static async Task<StixMarkingMap> LoadAsync(IBakenDb db, CancellationToken ct = default)
    {
        var tlp = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        var markings = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        ClassificationLevel? statement = null, unknown = null, unmarked = null;
        foreach (var e in await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "stix_markings").ToListAsync(ct))
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            if (!ClassificationLevels.TryParse((string?)a["level"], out var level))
                throw new InvalidOperationException($"Catalogue entry {e.Code}: level '{a["level"]}' is not allowed; allowed: {ClassificationLevels.Allowed}.");
            if ((string?)a["tlp"] is { } name) tlp[name.ToLowerInvariant()] = level;
            else if ((string?)a["marking_id"] is { } id) markings[id] = level;
            else if (a["statement"] is not null) statement = level;
            else if (a["unknown"] is not null) unknown = level;
            else if (a["unmarked"] is not null) unmarked = level;
        }
        try
        {
            return new StixMarkingMap(tlp, markings, statement ?? ClassificationLevel.Ongerubriceerd,
                unknown ?? ClassificationLevel.StaatsgeheimConfidentieel, unmarked ?? ClassificationLevel.Ongerubriceerd);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"The catalogue's stix_markings table is invalid: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
