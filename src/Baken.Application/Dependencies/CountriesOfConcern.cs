using System.Text.Json.Nodes;
using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Dependencies;

/// <summary>
/// The catalogue's list of countries of concern (indicative, a policy choice), matched against a dependency's largest
/// supplier as the screen recorded it: a BACI code, an ISO3 code or a BACI country name.
/// </summary>
public sealed class CountriesOfConcern(IReadOnlyCollection<string> keys)
{
    public static async Task<CountriesOfConcern> LoadAsync(IBakenDb db, CancellationToken ct = default)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "countries_of_concern").ToListAsync(ct))
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            keys.Add(e.Code[(e.Code.IndexOf('.') + 1)..]);
            if (a["baci_code"] is JsonValue code) keys.Add(code.ToString());
            if ((string?)a["baci_name"] is { } name) keys.Add(name);
            if (e.NameEn.Length > 0) keys.Add(e.NameEn);
        }
        return new CountriesOfConcern(keys);
    }

    public bool Includes(string? supplier) => supplier is { Length: > 0 } s && keys.Contains(s.Trim());
}
