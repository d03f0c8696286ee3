using System.Globalization;
using System.Text.Json.Nodes;
using Baken.Methods.Risk;
using Baken.Application.Common;
using Baken.Application.Register;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Analysis;

/// <summary>One item of the 2017 flash poll of public concern, mapped to a theme where the catalogue does.</summary>
public sealed record ConcernItem(string Topic, double Percent, string? ThemeCode);

/// <summary>
/// What the method takes from the catalogue: the criteria in force, each one's current scale, the preference
/// profiles, the themes and the flash poll. All of it is data a coordinator can edit, recorded with every run.
/// </summary>
public sealed record AnalysisCatalogue(
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyDictionary<string, ImpactClassScale> Scales,
    IReadOnlyList<PreferenceProfile> Profiles,
    PreferenceProfile DefaultProfile,
    IReadOnlyDictionary<string, string> ThemeNames,
    IReadOnlyList<ConcernItem> PublicConcern)
{
    /// <summary>The hazard likelihood classes over the horizon, from the catalogue's likelihood file (METHODS §1.2 by default).</summary>
    public LikelihoodScale LikelihoodScale { get; init; } = LikelihoodScale.Default;

    public PreferenceProfile? FindProfile(string nameOrCode) =>
        Profiles.FirstOrDefault(p => string.Equals(p.Name, nameOrCode, StringComparison.OrdinalIgnoreCase)
                                     || string.Equals(ProfileCode(p), nameOrCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>The catalogue code of a profile, kept in its description as "[CODE]".</summary>
    public static string? ProfileCode(PreferenceProfile p) =>
        p.Description.StartsWith('[') && p.Description.IndexOf(']') is var i and > 0 ? p.Description[1..i] : null;

    /// <summary>The theme code for a code or a Dutch or English theme name; the text itself when unknown.</summary>
    public string ThemeCode(string theme) =>
        ThemeNames.ContainsKey(theme) ? theme : ThemeAliases.GetValueOrDefault(ThemeKey(theme), theme);

    /// <summary>Letters only, lower case: "Klimaat- en natuurrampen" and "klimaat en natuurrampen" are one theme.</summary>
    internal static string ThemeKey(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    internal Dictionary<string, string> ThemeAliases { get; init; } = [];
}

public sealed class LoadAnalysisCatalogue(IBakenDb db)
{
    public async Task<AnalysisCatalogue> HandleAsync(CancellationToken ct = default)
    {
        var criteria = (await db.Criteria.AsNoTracking().Where(c => !c.Retired).ToListAsync(ct))
            .OrderBy(c => c.Code, NaturalComparer.Instance).Select(c => new Criterion(c.Code, c.InterestCode)).ToList();
        if (criteria.Count == 0) throw new InvalidOperationException("The catalogue holds no impact criteria you may see; load the catalogue first ('baken catalog import').");

        var scales = new Dictionary<string, ImpactClassScale>(StringComparer.Ordinal);
        foreach (var group in (await db.CriterionScales.AsNoTracking().ToListAsync(ct)).GroupBy(s => s.CriterionCode))
        {
            var s = group.OrderByDescending(x => x.ScaleVersion).First();
            scales[group.Key] = s.Quantitative && s.LowerBounds.All(b => b is not null)
                ? ImpactClassScale.Quantitative(s.CriterionCode, s.ScaleVersion, s.Unit, s.LowerBounds.Select(b => b!.Value).ToList(), s.Indicative)
                : ImpactClassScale.Qualitative(s.CriterionCode, s.ScaleVersion, s.Indicative);
        }
        foreach (var c in criteria.Where(c => !scales.ContainsKey(c.Code)))
            scales[c.Code] = ImpactClassScale.Qualitative(c.Code, 1, true);

        var profiles = new List<PreferenceProfile>();
        PreferenceProfile? chosen = null;
        foreach (var entry in (await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "profiles").ToListAsync(ct)).OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            var attributes = JsonNode.Parse(entry.AttributesJson) as JsonObject ?? [];
            var weights = (attributes["weights"] as JsonObject ?? []).ToDictionary(w => w.Key, w => w.Value!.GetValue<double>(), StringComparer.Ordinal);
            var code = entry.Code[(entry.Code.IndexOf('.') + 1)..];
            var description = $"[{code}] {entry.NameEn}";
            var profile = (string?)attributes["weights_by"] == "interest"
                ? PreferenceProfile.FromInterestWeights(entry.NameEn.Length > 0 ? entry.NameEn : entry.Name, weights, criteria, entry.Indicative, description)
                : PreferenceProfile.FromCriterionWeights(entry.NameEn.Length > 0 ? entry.NameEn : entry.Name,
                    weights.Where(w => criteria.Any(c => c.Code == w.Key)).ToDictionary(), entry.Indicative, description);
            profiles.Add(profile);
            if (attributes["default"] is JsonValue d && d.TryGetValue<bool>(out var isDefault) && isDefault) chosen = profile;
        }
        if (profiles.Count == 0) profiles.AddRange(BuiltInProfiles.Create(criteria));
        chosen ??= profiles[0];

        var themes = await db.Themes.AsNoTracking().ToListAsync(ct);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in themes)
        {
            aliases.TryAdd(AnalysisCatalogue.ThemeKey(t.Name), t.Code);
            if (t.NameEn.Length > 0) aliases.TryAdd(AnalysisCatalogue.ThemeKey(t.NameEn), t.Code);
        }

        var concern = new List<ConcernItem>();
        foreach (var e in await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "flash_poll").ToListAsync(ct))
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            // The aided question (n = 1,012) is the one every respondent answered from the same list.
            if ((string?)a["question"] is { } q && q != "aided") continue;
            if (a["percent"] is JsonValue p && p.TryGetValue<double>(out var percent))
                concern.Add(new ConcernItem(e.NameEn.Length > 0 ? e.NameEn : e.Name, percent, (string?)a["theme"]));
        }

        return new AnalysisCatalogue(criteria, scales, profiles, chosen,
            themes.ToDictionary(t => t.Code, t => t.Name), concern.OrderByDescending(c => c.Percent).ToList())
        {
            ThemeAliases = aliases,
            LikelihoodScale = await LikelihoodScaleAsync(ct),
        };
    }

    /// <summary>The lower bounds of classes B–E and the horizon from the catalogue; the method's default when absent.</summary>
    private async Task<LikelihoodScale> LikelihoodScaleAsync(CancellationToken ct)
    {
        var entries = await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == "likelihood").ToListAsync(ct);
        var lower = new Dictionary<string, double>(StringComparer.Ordinal);
        double horizon = 5;
        var indicative = false;
        foreach (var e in entries)
        {
            var a = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            var letter = e.Code[(e.Code.IndexOf('.') + 1)..];
            if (a["lower"] is JsonValue l && l.TryGetValue<double>(out var bound)) lower[letter] = bound;
            if (a["horizon_years"] is JsonValue h && h.TryGetValue<double>(out var years)) horizon = years;
            indicative |= e.Indicative;
        }
        if (!new[] { "B", "C", "D", "E" }.All(lower.ContainsKey)) return LikelihoodScale.Default;
        return new LikelihoodScale([lower["B"], lower["C"], lower["D"], lower["E"]], horizon, 1, indicative);
    }
}
