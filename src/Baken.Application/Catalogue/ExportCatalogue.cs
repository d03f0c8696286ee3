using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Catalogue;

/// <summary>
/// Writes the current catalogue (as far as the caller may see it) back into the file layout that
/// <see cref="LoadCatalogue"/> reads, so a coordinator can edit it and load it again.
/// </summary>
public sealed class ExportCatalogue(IBakenDb db)
{
    public async Task<IReadOnlyList<CatalogueFile>> HandleAsync(CancellationToken ct = default)
    {
        var files = new List<CatalogueFile>
        {
            new("interests", null, (await db.Interests.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code, NaturalComparer.Instance)
                .Select(r => Item(r, ("name", r.Name), ("name_en", r.NameEn), ("summary", r.Summary))).ToList()),
            new("themes", null, (await db.Themes.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code, NaturalComparer.Instance)
                .Select(r => Item(r, ("name", r.Name), ("name_en", r.NameEn), ("summary", r.Summary))).ToList()),
            new("organisations", null, (await db.Organisations.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code, NaturalComparer.Instance)
                .Select(r => Item(r, ("name", r.Name), ("name_en", r.NameEn), ("type", RecordFieldBuilder<Record>.ToKebab(r.Type.ToString())), ("summary", r.Summary))).ToList()),
            new("capabilities", null, (await db.Capabilities.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code, NaturalComparer.Instance)
                .Select(r => Item(r, ("name", r.Name), ("name_en", r.NameEn), ("description", r.Description), ("indicative", r.Indicative ? "true" : "false"))).ToList()),
            new("vital_processes", null, (await db.VitalProcesses.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code, NaturalComparer.Instance)
                .Select(r => Item(r, ("name", r.Name), ("name_en", r.NameEn), ("sector", r.Sector), ("category", r.Category.ToString()), ("ministry", r.Ministry))).ToList()),
        };

        var scales = (await db.CriterionScales.AsNoTracking().ToListAsync(ct))
            .GroupBy(s => s.CriterionCode).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.ScaleVersion).First());
        var criteria = (await db.Criteria.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code, NaturalComparer.Instance).Select(c =>
        {
            var item = Item(c, ("interest", c.InterestCode), ("name", c.Name), ("name_en", c.NameEn), ("measured_as", c.MeasuredAs));
            if (scales.TryGetValue(c.Code, out var s))
            {
                var lowers = s.LowerBounds;
                string?[] descriptions = [s.DescriptionA, s.DescriptionB, s.DescriptionC, s.DescriptionD, s.DescriptionE];
                item["scale"] = new JsonObject
                {
                    ["version"] = s.ScaleVersion, ["indicative"] = s.Indicative, ["unit"] = s.Unit, ["quantitative"] = s.Quantitative,
                    ["classes"] = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject
                    {
                        ["class"] = "ABCDE"[i].ToString(), ["lower"] = lowers[i], ["description"] = descriptions[i],
                    }).ToArray()),
                };
            }
            return item;
        }).ToList();
        files.Add(new CatalogueFile("criteria", null, criteria));

        foreach (var group in (await db.CatalogueEntries.AsNoTracking().ToListAsync(ct)).GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = group.OrderBy(e => e.Code, NaturalComparer.Instance).Select(e =>
            {
                var item = (JsonNode.Parse(e.AttributesJson) as JsonObject) ?? [];
                var result = new JsonObject
                {
                    ["code"] = e.Code.StartsWith(group.Key + ".", StringComparison.Ordinal) ? e.Code[(group.Key.Length + 1)..] : e.Code,
                    ["name"] = e.Name, ["name_en"] = e.NameEn, ["summary"] = e.Summary, ["source"] = e.Provenance,
                };
                if (e.Indicative) result["indicative"] = true;
                foreach (var (k, v) in item) result[k] = v?.DeepClone();
                return result;
            }).ToList();
            files.Add(new CatalogueFile(group.Key, null, items));
        }
        return files;
    }

    private static JsonObject Item(Record r, params (string Key, string? Value)[] fields)
    {
        var o = new JsonObject { ["code"] = r.Code };
        foreach (var (k, v) in fields) if (v is not null) o[k] = v;
        o["source"] = r.Provenance;
        if (r.ClassificationLevel != Domain.Security.ClassificationLevel.Ongerubriceerd) o["classification"] = r.ClassificationLevel.ToString();
        return o;
    }
}
