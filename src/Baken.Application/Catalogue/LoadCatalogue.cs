using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Application.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Catalogue;

public sealed record CatalogueLoadSummary(IReadOnlyList<ImportSummary> Kinds)
{
    public int Created => Kinds.Sum(k => k.Created);
    public int Updated => Kinds.Sum(k => k.Updated);
}

/// <summary>
/// Loads the default catalogue into the register. Items are matched on their code, so loading twice, or
/// loading an edited file, updates records and never duplicates them. Files with a register kind of their
/// own (interests, criteria, themes, capabilities, organisations, vital processes) become those records; every other
/// file becomes catalogue entries of its kind.
/// </summary>
public sealed class LoadCatalogue(ImportRecords import, IBakenDb db)
{
    // Referenced kinds first, so that references resolve.
    private static readonly string[] Order = ["interests", "criteria", "themes", "capabilities", "organisations", "vital_processes"];

    public async Task<Result<CatalogueLoadSummary>> HandleAsync(IReadOnlyList<CatalogueFile> files, CancellationToken ct = default)
    {
        var summaries = new List<ImportSummary>();
        foreach (var file in files.OrderBy(f => Array.IndexOf(Order, f.Kind) is var i && i < 0 ? int.MaxValue : i).ThenBy(f => f.Kind, StringComparer.Ordinal))
        {
            foreach (var (kind, rows) in ToRows(file))
            {
                var result = await import.HandleAsync(new ImportRecordsRequest(kind, rows), ct);
                if (!result.IsOk)
                    return Result<CatalogueLoadSummary>.Invalid(result.Errors.Select(e => e with { Field = $"{file.Kind}.json item {e.Line}: {e.Field}", Line = null }).ToList());
                summaries.Add(result.Value! with { Kind = file.Kind + (kind == "scale" ? " (scales)" : "") });
            }
        }
        // Working records seeded from the catalogue: created once, then owned by their users, so loading the
        // catalogue again never overwrites an owner, a link or a seat's clearance that someone has set.
        foreach (var file in files)
        {
            foreach (var (kind, rows) in WorkingRows(file))
            {
                var recordKind = RecordKinds.Find(kind)!;
                var codes = rows.Select(r => r.Values["code"]).OfType<string>().ToList();
                var existing = (await recordKind.Query(db).IgnoreQueryFilters().Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
                var missing = rows.Where(r => !existing.Contains(r.Values["code"]!)).ToList();
                if (missing.Count == 0) continue;
                var result = await import.HandleAsync(new ImportRecordsRequest(kind, missing), ct);
                if (!result.IsOk)
                    return Result<CatalogueLoadSummary>.Invalid(result.Errors.Select(e => e with { Field = $"{file.Kind}.json item {e.Line}: {e.Field}", Line = null }).ToList());
                summaries.Add(result.Value! with { Kind = $"{file.Kind} ({kind})" });
            }
        }
        return Result<CatalogueLoadSummary>.Ok(new CatalogueLoadSummary(summaries));
    }

    /// <summary>Turns one catalogue file into import rows per register kind (criteria also give their scales).</summary>
    public static IEnumerable<(string Kind, IReadOnlyList<ImportRow> Rows)> ToRows(CatalogueFile file)
    {
        var items = file.Items.Select((item, i) => (Line: i + 1, Item: item)).ToList();
        switch (file.Kind)
        {
            case "interests":
                yield return ("interest", items.Select(x => Freeze(Row(x.Line, x.Item, "name", "name_en", "summary"))).ToList());
                break;
            case "themes":
                yield return ("theme", items.Select(x => Freeze(Row(x.Line, x.Item, "name", "name_en", "summary"))).ToList());
                break;
            case "organisations":
                yield return ("organisation", items.Select(x =>
                {
                    var row = Row(x.Line, x.Item, "name", "name_en", "summary", "type");
                    row.Values["type"] = (Str(x.Item, "type") ?? "other").Replace("-", "", StringComparison.Ordinal);
                    return Freeze(row);
                }).ToList());
                break;
            case "capabilities":
                yield return ("capability", items.Select(x =>
                {
                    var row = Row(x.Line, x.Item, "name", "name_en", "description");
                    row.Values["indicative"] = Str(x.Item, "indicative") ?? "true";
                    return Freeze(row);
                }).ToList());
                break;
            case "vital_processes":
                yield return ("vital-process", items.Select(x => Freeze(Row(x.Line, x.Item, "name", "name_en", "sector", "category", "ministry"))).ToList());
                break;
            case "criteria":
                yield return ("criterion", items.Select(x => Freeze(Row(x.Line, x.Item, "name", "name_en", "interest", "measured_as"))).ToList());
                yield return ("scale", items.Where(x => x.Item["scale"] is JsonObject).Select(x => ScaleRow(x.Line, x.Item)).ToList());
                break;
            default:
                yield return ("catalogue-entry", items.Select(x => EntryRow(file.Kind, x.Line, x.Item)).ToList());
                break;
        }
    }

    /// <summary>The strategy goals, trends, councils and council seats that the goals, trends and councils files seed.</summary>
    public static IEnumerable<(string Kind, IReadOnlyList<ImportRow> Rows)> WorkingRows(CatalogueFile file)
    {
        var items = file.Items.Select((item, i) => (Line: i + 1, Item: item)).ToList();
        if (file.Kind == "goals")
        {
            yield return ("goal", items.Select(x =>
            {
                var row = Row(x.Line, x.Item, "summary", "number", "pillar", "owner");
                row.Values["title"] = Str(x.Item, "name");
                row.Values["title_en"] = Str(x.Item, "name_en");
                row.Values["edition"] = Str(x.Item, "edition") ?? "GBVS 2018-2022";
                return Freeze(row);
            }).ToList());
        }
        else if (file.Kind == "trends")
        {
            yield return ("trend", items.Select(x =>
            {
                var row = Row(x.Line, x.Item, "name", "name_en", "summary", "horizon_years");
                row.Values["direction"] = Str(x.Item, "direction");
                return Freeze(row);
            }).ToList());
        }
        else if (file.Kind == "councils")
        {
            // Committees after councils: a committee's 'prepares' names a council.
            yield return ("council", items.OrderBy(x => Str(x.Item, "kind") == "committee").Select(x =>
            {
                var row = Row(x.Line, x.Item, "name", "name_en", "status", "chair", "secretariat", "prepares", "summary");
                row.Values["type"] = Str(x.Item, "kind") ?? "council";
                return Freeze(row);
            }).ToList());
            yield return ("council-member", items.SelectMany(x => (x.Item["members"] as JsonArray ?? []).OfType<JsonObject>().Select((m, i) =>
            {
                var ministry = Str(m, "ministry") ?? Str(m, "organisation");
                return new ImportRow(x.Line, new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["code"] = $"{Str(x.Item, "code")}-{i + 1:00}",
                    ["classification"] = "Ongerubriceerd",
                    ["provenance"] = Provenance(x.Item),
                    ["publishable"] = "true",
                    ["council"] = Str(x.Item, "code"),
                    ["name"] = Str(m, "name") ?? Str(m, "role"),
                    ["role"] = Str(m, "role"),
                    ["ministry"] = ministry,
                    ["membership"] = (Str(m, "membership") ?? "member").Replace("-", "", StringComparison.Ordinal),
                    // The seeds give no clearance per seat: an indicative default the secretariat sets per person.
                    ["clearance"] = Str(m, "clearance") ?? "Staatsgeheim Geheim",
                });
            })).ToList());
        }
    }

    private static (int Line, Dictionary<string, string?> Values) Row(int line, JsonObject item, params string[] fields)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = Str(item, "code"),
            ["classification"] = Str(item, "classification") ?? "Ongerubriceerd",
            ["provenance"] = Provenance(item),
            ["publishable"] = "true",
        };
        foreach (var f in fields) values[f] = Str(item, f);
        return (line, values);
    }

    private static ImportRow Freeze((int Line, Dictionary<string, string?> Values) row) => new(row.Line, row.Values);

    private static ImportRow ScaleRow(int line, JsonObject item)
    {
        var scale = (JsonObject)item["scale"]!;
        var version = Str(scale, "version") ?? "1";
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"{Str(item, "code")}-v{version}",
            ["classification"] = "Ongerubriceerd",
            ["provenance"] = Provenance(item),
            ["publishable"] = "true",
            ["criterion"] = Str(item, "code"),
            ["scale_version"] = version,
            ["unit"] = Str(scale, "unit") ?? "ladder",
            ["indicative"] = Str(scale, "indicative") ?? "true",
            ["quantitative"] = Str(scale, "quantitative") ?? "false",
        };
        if (scale["classes"] is JsonArray classes)
        {
            foreach (var c in classes.OfType<JsonObject>())
            {
                var letter = Str(c, "class")?.ToLowerInvariant();
                if (letter is not ("a" or "b" or "c" or "d" or "e")) continue;
                values[$"lower_{letter}"] = Str(c, "lower");
                var en = Str(c, "description");
                var nl = Str(c, "description_nl");
                values[$"description_{letter}"] = nl is null ? en : en is null ? nl : $"{nl} / {en}";
            }
        }
        return new ImportRow(line, values);
    }

    private static readonly HashSet<string> EntryColumns = ["code", "name", "name_en", "summary", "source", "source_note", "indicative", "classification"];

    private static ImportRow EntryRow(string kind, int line, JsonObject item)
    {
        var attributes = new JsonObject();
        foreach (var (key, value) in item)
            if (!EntryColumns.Contains(key)) attributes[key] = value?.DeepClone();
        if (Str(item, "source_note") is { } note) attributes["source_note"] = note;
        var name = Str(item, "name") ?? Str(item, "topic") ?? Str(item, "scenario") ?? Str(item, "year") ?? Str(item, "code");
        return new ImportRow(line, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["code"] = $"{kind}.{Str(item, "code")}",
            ["classification"] = Str(item, "classification") ?? "Ongerubriceerd",
            ["provenance"] = Provenance(item),
            ["publishable"] = "true",
            ["kind"] = kind,
            ["name"] = name,
            ["name_en"] = Str(item, "name_en") ?? Str(item, "topic_en"),
            ["summary"] = Str(item, "summary"),
            ["indicative"] = Str(item, "indicative") ?? "false",
            ["attributes"] = attributes.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        });
    }

    private static string? Provenance(JsonObject item)
    {
        var source = Str(item, "source");
        return source is null ? null : source.Length > 400 ? source[..400] : source;
    }

    /// <summary>A JSON value as the text a register field parses (numbers in invariant culture).</summary>
    public static string? Str(JsonObject item, string key) => item[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonArray a => string.Join(";", a.Select(x => x?.ToString())),
        var other => other.ToJsonString(),
    };
}
