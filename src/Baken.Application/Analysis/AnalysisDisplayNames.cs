using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Analysis;

/// <summary>
/// The names a run's pages show in the reader's language. Runs record a preference profile by its English name and the
/// analysis catalogue names themes in Dutch; the catalogue and the themes hold the other language.
/// </summary>
public sealed class AnalysisDisplayNames(IBakenDb db)
{
    /// <summary>The profile name to show for a recorded (English) one: the catalogue's Dutch name on a Dutch page, else as recorded.</summary>
    public async Task<Func<string?, string?>> ProfilesAsync(bool english, CancellationToken ct = default)
    {
        if (english) return name => name;
        var dutch = (await db.CatalogueEntries.Where(e => e.Kind == "profiles" && e.NameEn != "").Select(e => new { e.NameEn, e.Name }).ToListAsync(ct))
            .GroupBy(e => e.NameEn).ToDictionary(g => g.Key, g => g.First().Name);
        return name => name is not null && dutch.TryGetValue(name, out var nl) ? nl : name;
    }

    /// <summary>Theme names by code: <paramref name="dutch"/> (the run's catalogue) on a Dutch page, the themes' English names where they have one.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ThemesAsync(IReadOnlyDictionary<string, string> dutch, bool english, CancellationToken ct = default)
    {
        if (!english) return dutch;
        var names = dutch.ToDictionary(StringComparer.Ordinal);
        foreach (var t in await db.Themes.Where(t => t.NameEn != "").Select(t => new { t.Code, t.NameEn }).ToListAsync(ct)) names[t.Code] = t.NameEn;
        return names;
    }
}
