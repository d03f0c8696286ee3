namespace Baken.Methods.Measures;

/// <summary>A measure's appraisal under one class valuation rule and its place among the measures by cost-effectiveness (1 = best buy).</summary>
public sealed record RuleVerdict(ClassValuationRule Rule, double? NetPresentValueEuros, double? ReductionPerEuro, int Rank);

/// <summary>Whether a measure's recommendation survives the choice of class valuation rule.</summary>
/// <param name="Fragile">True when the recommendation flips between rules (see <see cref="ValuationRuleComparison"/>).</param>
/// <param name="Reason">What flips, in words; null when nothing does.</param>
public sealed record MeasureRobustness(string MeasureId, IReadOnlyList<RuleVerdict> Verdicts, bool Fragile, string? Reason);

/// <summary>
/// Compares the measures' appraisals under several class valuation rules. A recommendation is fragile when, between
/// two rules, the net present value changes sign (worth it under one, not under the other), the measure is the best
/// buy under one and not under another, or its place by cost-effectiveness moves more than
/// <see cref="MaximumStableRankMove"/> places (the threshold the risk ranking's sensitivity uses, METHODS §1.3).
/// </summary>
public static class ValuationRuleComparison
{
    public const int MaximumStableRankMove = 2;

    /// <param name="byRule">Per rule, the appraisal of every measure (the same measures under each rule).</param>
    public static IReadOnlyList<MeasureRobustness> Compare(IReadOnlyDictionary<ClassValuationRule, IReadOnlyList<MeasureAppraisalResult>> byRule)
    {
        ArgumentNullException.ThrowIfNull(byRule);
        var rules = byRule.Keys.Order().ToList();
        var ranks = rules.ToDictionary(r => r, r => Rank(byRule[r]));
        var ids = rules.Count == 0 ? [] : byRule[rules[0]].Select(a => a.MeasureId).ToList();
        return ids.Select(id =>
        {
            var verdicts = rules.Select(r =>
            {
                var a = byRule[r].FirstOrDefault(x => x.MeasureId == id)
                        ?? throw new ArgumentException($"Measure '{id}' is missing under rule {r}: give the same measures under every rule.", nameof(byRule));
                return new RuleVerdict(r, a.NetPresentValueEuros, a.ReductionPerEuro, ranks[r][id]);
            }).ToList();
            var reasons = new List<string>();
            var npvs = verdicts.Where(v => v.NetPresentValueEuros is not null).ToList();
            if (npvs.Any(v => v.NetPresentValueEuros > 0) && npvs.Any(v => v.NetPresentValueEuros <= 0))
                reasons.Add($"worth its cost under {Names(npvs.Where(v => v.NetPresentValueEuros > 0))}, not under {Names(npvs.Where(v => v.NetPresentValueEuros <= 0))}");
            if (verdicts.Any(v => v.Rank == 1) && verdicts.Any(v => v.Rank != 1))
                reasons.Add($"best buy under {Names(verdicts.Where(v => v.Rank == 1))} only");
            var move = verdicts.Count == 0 ? 0 : verdicts.Max(v => v.Rank) - verdicts.Min(v => v.Rank);
            if (move > MaximumStableRankMove)
                reasons.Add($"its place by cost-effectiveness moves {move} places ({string.Join(", ", verdicts.Select(v => $"{Name(v.Rule)} {v.Rank}"))})");
            return new MeasureRobustness(id, verdicts, reasons.Count > 0, reasons.Count == 0 ? null : string.Join("; ", reasons));
        }).ToList();
    }

    /// <summary>The rule's name as settings and the command line write it.</summary>
    public static string Name(ClassValuationRule rule) => rule switch
    {
        ClassValuationRule.GeometricMean => "geometric",
        ClassValuationRule.Midpoint => "midpoint",
        ClassValuationRule.LowerBound => "lower",
        _ => rule.ToString(),
    };

    /// <summary>Parses "geometric", "midpoint" or "lower" (case-insensitive).</summary>
    public static bool TryParse(string? text, out ClassValuationRule rule)
    {
        foreach (var r in Enum.GetValues<ClassValuationRule>())
            if (string.Equals(Name(r), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { rule = r; return true; }
        rule = default;
        return false;
    }

    private static string Names(IEnumerable<RuleVerdict> verdicts) => string.Join(" and ", verdicts.Select(v => Name(v.Rule)));

    /// <summary>1 = highest reduction per euro; measures that cost nothing in the period come first (infinitely cost-effective), ties by id.</summary>
    private static Dictionary<string, int> Rank(IReadOnlyList<MeasureAppraisalResult> appraisals) =>
        appraisals.OrderByDescending(a => a.ReductionPerEuro ?? (a.PresentValueRiskReduction > 0 ? double.PositiveInfinity : 0))
            .ThenBy(a => a.MeasureId, StringComparer.Ordinal)
            .Select((a, i) => (a.MeasureId, Rank: i + 1))
            .ToDictionary(x => x.MeasureId, x => x.Rank, StringComparer.Ordinal);
}
