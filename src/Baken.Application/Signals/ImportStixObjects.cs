using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Signals;

/// <summary>A parsed STIX object ready to store: its identity, timestamps, exact JSON and the level its markings map to.</summary>
public sealed record StixObjectInput(string Id, string Type, string? SpecVersion, DateTime? CreatedUtc, DateTime? ModifiedUtc,
    string Json, IReadOnlyList<string> Labels, ClassificationLevel Level);

public sealed record StixImportSummary(int Created, int Updated, int Unchanged, int SkippedAboveClearance, int SkippedOlder);

/// <summary>
/// Stores the objects of a STIX bundle. An object already present is replaced only by a version with a later
/// 'modified' (STIX versioning); the previous JSON stays in the history. Objects whose markings map above the
/// importer's clearance are not stored, so nobody can import what they could not read back. An id already taken by an
/// object the importer may not see is stored under the id and its level ("indicator--…-L0"), never refused or skipped.
/// </summary>
public sealed class ImportStixObjects(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<StixImportSummary>> HandleAsync(IReadOnlyList<StixObjectInput> objects, CancellationToken ct = default)
    {
        if (Permissions.Permission.Deny<StixImportSummary>(user, Permissions.PermissionMatrix.Intelligence, Permissions.PermissionAction.Import) is { } denied)
            return denied;
        int created = 0, updated = 0, unchanged = 0, above = 0, older = 0;
        var ids = objects.Select(o => o.Id).ToList();
        var existing = await db.StixObjects.Where(s => ids.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        foreach (var o in objects)
        {
            if (o.Level > user.Clearance) { above++; continue; }
            var code = o.Id;
            // An id taken by an object the importer may not see is neither refused nor skipped (either would say it
            // exists): the object is stored next to it under the id and its level, where a reviewer cleared for both
            // finds the pair; importing the bundle again updates that one.
            if (!existing.ContainsKey(code) && await db.StixObjects.IgnoreQueryFilters().AnyAsync(s => s.Code == code, ct))
            {
                code = $"{o.Id}-L{(int)o.Level}";
                if (await db.StixObjects.FirstOrDefaultAsync(s => s.Code == code, ct) is { } sibling) existing[code] = sibling;
            }
            if (existing.TryGetValue(code, out var record))
            {
                if (record.Json == o.Json) { unchanged++; continue; }
                if (record.ModifiedUtc is { } had && o.ModifiedUtc is { } now && now < had) { older++; continue; }
                Apply(record, o);
                updated++;
                continue;
            }
            record = new StixObjectRecord();
            record.Recode(code);
            Apply(record, o);
            db.AddRecord(record);
            existing[code] = record;
            created++;
        }
        await db.SaveChangesAsync(ct);
        return Result<StixImportSummary>.Ok(new StixImportSummary(created, updated, unchanged, above, older));
    }

    private static void Apply(StixObjectRecord r, StixObjectInput o)
    {
        r.StixType = o.Type;
        r.SpecVersion = o.SpecVersion;
        r.CreatedUtc = o.CreatedUtc;
        r.ModifiedUtc = o.ModifiedUtc;
        r.Json = o.Json;
        r.Labels = [.. o.Labels];
        r.Classify(new Classification(o.Level, 0));
        r.Provenance = "STIX 2.1 bundle";
    }
}

/// <summary>A STIX export: the objects' JSON in id order, their high-water mark, and how many visible objects were left out.</summary>
/// <param name="Withheld">Objects the caller may see that were left out because they refer to an object the caller may not see.</param>
public sealed record StixExport(IReadOnlyList<string> Objects, Classification Classification, int Withheld);

/// <summary>
/// The JSON of every stored STIX object the caller may see, optionally of some types only, in id order. An object that
/// refers to one the caller may not see (a relationship or sighting pointing at a hidden object) is left out too, so the
/// bundle names nothing above the caller's clearance; the export's classification is the high-water mark of the objects
/// in it (the bundle's marking, docs/formats.md §8.3).
/// </summary>
public sealed partial class ExportStixObjects(IBakenDb db)
{
    public async Task<IReadOnlyList<string>> HandleAsync(IReadOnlyCollection<string>? types = null, CancellationToken ct = default) =>
        (await MarkedAsync(types, ct)).Objects;

    public async Task<StixExport> MarkedAsync(IReadOnlyCollection<string>? types = null, CancellationToken ct = default)
    {
        var query = db.StixObjects.AsNoTracking();
        // Marking definitions always travel with the objects, so a filtered export keeps its objects' markings.
        if (types is { Count: > 0 }) query = query.Where(s => types.Contains(s.StixType) || s.StixType == "marking-definition");
        var rows = (await query.Select(s => new { s.Code, s.Json, s.ClassificationLevel, s.CompartmentMask }).ToListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var visible = (await db.StixObjects.AsNoTracking().Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // Only the ids of what the caller may not see, to recognise references to them; nothing of them is returned.
        var hidden = (await db.StixObjects.IgnoreQueryFilters().AsNoTracking().Select(s => s.Code).ToListAsync(ct))
            .Where(c => !visible.Contains(c)).ToList();
        var hiddenSet = hidden.ToHashSet(StringComparer.Ordinal);
        var kept = hiddenSet.Count == 0 ? rows : rows.Where(r => References(r.Json) is { } refs && !refs.Any(hiddenSet.Contains)).ToList();
        return new StixExport(kept.Select(r => r.Json).ToList(),
            Classification.Highest(kept.Select(r => new Classification(r.ClassificationLevel, r.CompartmentMask))), rows.Count - kept.Count);
    }

    /// <summary>
    /// Every STIX id an object names: in its <c>*_ref</c> and <c>*_refs</c> properties, and in any other text of it (a
    /// description or an external reference may name an object too), at any depth.
    /// </summary>
    /// <returns>Null for text that does not read as JSON (left out: what it refers to cannot be told).</returns>
    private static List<string>? References(string json)
    {
        var found = new List<string>();
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            // Its own id is not a reference: an object may share its id with a hidden one stored at another level.
            if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
                foreach (var p in doc.RootElement.EnumerateObject().Where(p => p.Name != "id")) Collect(p.Value, found);
        }
        catch (System.Text.Json.JsonException)
        {
            // Stored objects were validated on import; an unreadable one fails closed.
            return null;
        }
        return found;
    }

    private static void Collect(System.Text.Json.JsonElement e, List<string> found)
    {
        switch (e.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Collect(p.Value, found);
                break;
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Collect(item, found);
                break;
            case System.Text.Json.JsonValueKind.String:
                foreach (System.Text.RegularExpressions.Match m in StixId().Matches(e.GetString()!)) found.Add(m.Value);
                break;
        }
    }

    /// <summary>A STIX identifier (type--UUID) anywhere in a text.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("[a-z][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex StixId();
}
