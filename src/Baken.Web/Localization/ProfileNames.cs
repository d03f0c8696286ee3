using Baken.Application.Analysis;

namespace Baken.Web.Localization;

/// <summary>
/// Preference profiles are known by their English name (runs record it so); Dutch pages show the catalogue's Dutch
/// name for it.
/// </summary>
public static class ProfileNames
{
    public static Task<Func<string?, string?>> LoadAsync(AnalysisDisplayNames names, CancellationToken ct = default) =>
        names.ProfilesAsync(Ui.IsEnglish, ct);
}

/// <summary>The analysis catalogue names themes in Dutch; English pages show the themes' English names.</summary>
public static class ThemeNames
{
    public static Task<IReadOnlyDictionary<string, string>> ForReaderAsync(AnalysisDisplayNames names, IReadOnlyDictionary<string, string> dutch, CancellationToken ct = default) =>
        names.ThemesAsync(dutch, Ui.IsEnglish, ct);
}
