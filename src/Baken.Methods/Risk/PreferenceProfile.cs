using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>
/// A named weight set over criteria (METHODS §1.3). Built from weights per criterion or per interest, then normalised
/// to sum to 1. <see cref="RawWeights"/> keeps the weights as given (per criterion) so the deterministic I(s) can be
/// computed with a single division.
/// </summary>
public sealed class PreferenceProfile
{
    private readonly Dictionary<string, double> _raw;
    private readonly Dictionary<string, double> _normalised;

    private PreferenceProfile(string name, Dictionary<string, double> raw, bool isIndicative, string description)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A preference profile needs a name.", nameof(name));
        if (raw.Count == 0) throw new ArgumentException($"Profile '{name}' has no criterion weights.", nameof(raw));
        foreach (var (code, w) in raw)
        {
            if (!double.IsFinite(w) || w < 0)
                throw new ArgumentOutOfRangeException(nameof(raw), w, $"Profile '{name}': weight of criterion {code} must be a finite number ≥ 0.");
        }
        var sum = raw.Values.Sum();
        if (!(sum > 0)) throw new ArgumentException($"Profile '{name}': the weights sum to {sum.ToString(CultureInfo.InvariantCulture)}; at least one must be positive.", nameof(raw));
        Name = name.Trim();
        IsIndicative = isIndicative;
        Description = description;
        _raw = raw;
        _normalised = raw.ToDictionary(kv => kv.Key, kv => kv.Value / sum, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>True for profiles whose emphasis is a proposal rather than an agreed weight set.</summary>
    public bool IsIndicative { get; }

    public string Description { get; }

    /// <summary>Weights per criterion code, normalised to sum to 1.</summary>
    public IReadOnlyDictionary<string, double> Weights => _normalised;

    /// <summary>Weights per criterion code as given (or as derived from interest weights), before normalisation.</summary>
    public IReadOnlyDictionary<string, double> RawWeights => _raw;

    /// <summary>A profile from weights per criterion code (≥ 0, not all zero; any scale).</summary>
    public static PreferenceProfile FromCriterionWeights(string name, IReadOnlyDictionary<string, double> weightsPerCriterion, bool isIndicative = false, string description = "")
    {
        ArgumentNullException.ThrowIfNull(weightsPerCriterion);
        return new PreferenceProfile(name, new Dictionary<string, double>(weightsPerCriterion, StringComparer.Ordinal), isIndicative, description);
    }

    /// <summary>
    /// A profile from weights per interest code: each interest's weight is shared equally by its criteria. Interests
    /// without criteria in <paramref name="criteria"/> (e.g. the sixth interest in the classic ten-criteria set) carry
    /// no criterion and drop out; the rest is renormalised and the description says so.
    /// </summary>
    public static PreferenceProfile FromInterestWeights(string name, IReadOnlyDictionary<string, double> weightsPerInterest, IReadOnlyList<Criterion> criteria, bool isIndicative = false, string description = "")
    {
        ArgumentNullException.ThrowIfNull(weightsPerInterest);
        ArgumentNullException.ThrowIfNull(criteria);
        foreach (var (code, w) in weightsPerInterest)
        {
            if (!double.IsFinite(w) || w < 0)
                throw new ArgumentOutOfRangeException(nameof(weightsPerInterest), w, $"Profile '{name}': weight of interest {code} must be a finite number ≥ 0.");
        }
        var perInterestCount = criteria.GroupBy(c => c.InterestCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in criteria)
        {
            weightsPerInterest.TryGetValue(c.InterestCode, out var w);
            raw[c.Code] = w / perInterestCount[c.InterestCode];
        }
        var dropped = weightsPerInterest.Where(kv => kv.Value > 0 && !perInterestCount.ContainsKey(kv.Key)).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var note = dropped.Count == 0 ? description : $"{description} Interests without criteria in this set dropped out: {string.Join(", ", dropped)}.".Trim();
        return new PreferenceProfile(name, raw, isIndicative, note);
    }

    /// <summary>
    /// This profile limited to <paramref name="criterionCodes"/> and renormalised. Every code must have a weight here;
    /// weights of criteria outside the set are dropped (an analysis keeps the criteria set it was run with).
    /// </summary>
    public PreferenceProfile RestrictTo(IEnumerable<string> criterionCodes)
    {
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var code in criterionCodes)
        {
            if (!_raw.TryGetValue(code, out var w))
                throw new ArgumentException($"Profile '{Name}' has no weight for criterion {code}; known: {string.Join(", ", _raw.Keys.OrderBy(k => k, StringComparer.Ordinal))}.", nameof(criterionCodes));
            raw[code] = w;
        }
        return new PreferenceProfile(Name, raw, IsIndicative, Description);
    }

    public override string ToString() => Name;
}

/// <summary>
/// The five preference profiles Baken ships (METHODS §1.3), built from the criteria set so they follow the edition.
/// Emphasis profiles give the emphasised interests weight 2 and the others 1, split equally over each interest's
/// criteria; the factor 2 is a proposal and the profiles are flagged indicative. The catalogue may replace them.
/// Interest codes default to the catalogue's: 1 territorial, 2 physical, 3 economic, 4 ecological,
/// 5 social and political stability, 6 international legal order.
/// </summary>
public static class BuiltInProfiles
{
    public const string EqualPerCriterion = "equal-per-criterion";
    public const string EqualPerInterest = "equal-per-interest";
    public const string PhysicalEconomic = "physical-economic";
    public const string SocialInternational = "social-political-international";
    public const string TerritorialEcological = "territorial-ecological";

    /// <summary>The five profiles; the first (equal per criterion) is the default.</summary>
    public static IReadOnlyList<PreferenceProfile> Create(
        IReadOnlyList<Criterion> criteria,
        string territorial = "1", string physical = "2", string economic = "3",
        string ecological = "4", string socialPolitical = "5", string internationalOrder = "6")
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0) throw new ArgumentException("Built-in profiles need at least one criterion.", nameof(criteria));
        var interests = criteria.Select(c => c.InterestCode).Concat([territorial, physical, economic, ecological, socialPolitical, internationalOrder])
            .Distinct(StringComparer.Ordinal).ToList();

        PreferenceProfile Emphasis(string name, string description, params string[] emphasised) =>
            PreferenceProfile.FromInterestWeights(name,
                interests.ToDictionary(i => i, i => emphasised.Contains(i, StringComparer.Ordinal) ? 2.0 : 1.0, StringComparer.Ordinal),
                criteria, isIndicative: true, description);

        return
        [
            PreferenceProfile.FromCriterionWeights(EqualPerCriterion, criteria.ToDictionary(c => c.Code, _ => 1.0, StringComparer.Ordinal),
                false, "Every criterion weighs the same (the method's default)."),
            PreferenceProfile.FromInterestWeights(EqualPerInterest, interests.ToDictionary(i => i, _ => 1.0, StringComparer.Ordinal), criteria,
                false, "Every national security interest weighs the same, shared equally by its criteria."),
            Emphasis(PhysicalEconomic, "Physical and economic security weigh double.", physical, economic),
            Emphasis(SocialInternational, "Social and political stability and the international legal order weigh double.", socialPolitical, internationalOrder),
            Emphasis(TerritorialEcological, "Territorial and ecological security weigh double.", territorial, ecological),
        ];
    }
}
