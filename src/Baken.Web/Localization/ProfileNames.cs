using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Web.Localization;

/// <summary>
/// Preference profiles are known by their English name (runs record it so); Dutch pages show the catalogue's Dutch
/// name for it.
/// </summary>
public static class ProfileNames
{
    public static async Task<Func<string?, string?>> LoadAsync(IBakenDb db, CancellationToken ct = default)
    {
        if (Ui.IsEnglish) return name => name;
        var dutch = (await db.CatalogueEntries.Where(e => e.Kind == "profiles" && e.NameEn != "").Select(e => new { e.NameEn, e.Name }).ToListAsync(ct))
            .GroupBy(e => e.NameEn).ToDictionary(g => g.Key, g => g.First().Name);
        return name => name is not null && dutch.TryGetValue(name, out var nl) ? nl : name;
    }
}

/// <summary>The analysis catalogue names themes in Dutch; English pages show the themes' English names.</summary>
public static class ThemeNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ForReaderAsync(IBakenDb db, IReadOnlyDictionary<string, string> dutch, CancellationToken ct = default)
    {
        if (!Ui.IsEnglish) return dutch;
        var english = await db.Themes.Where(t => t.NameEn != "").Select(t => new { t.Code, t.NameEn }).ToListAsync(ct);
        var names = dutch.ToDictionary(StringComparer.Ordinal);
        foreach (var t in english) names[t.Code] = t.NameEn;
        return names;
    }
}
