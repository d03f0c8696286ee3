using Baken.Methods.Measures;

namespace Baken.Domain.Strategy;

/// <summary>The fraction of one criterion's impact a measure removes, as a range in [0, 1].</summary>
public sealed record CriterionReduction(string Criterion, EffectRange Reduction);

/// <summary>
/// A measure's modelled effect on one scenario: a likelihood multiplier in (0, 1] and/or per criterion the fraction of the
/// impact removed, each a range. Checked as the analysis checks it (<see cref="MeasureEffect"/>): an effect outside its
/// interval, a criterion twice or an effect with nothing in it cannot be made. Its text form is one line
/// "S-01: likelihood 0.6-0.7-0.8; 2.1 0.2-0.3" (Application/Strategy/MeasureEffectText; docs/formats.md §10.1).
/// </summary>
public sealed record ScenarioEffect
{
    public ScenarioEffect(string scenario, EffectRange? likelihood, IReadOnlyList<CriterionReduction>? reductions = null)
    {
        Scenario = scenario;
        Likelihood = likelihood;
        Reductions = (reductions ?? []).ToArray();
        if (Reductions.Select(r => r.Criterion).Distinct(StringComparer.Ordinal).Count() != Reductions.Count)
            throw new ArgumentException($"A criterion appears twice in the effect on scenario '{scenario}'.", nameof(reductions));
        _ = ToMeasureEffect();
    }

    public string Scenario { get; }

    /// <summary>The multiplier on the scenario's probability; null = no effect on likelihood.</summary>
    public EffectRange? Likelihood { get; }

    /// <summary>Per criterion, in the order written, the fraction of its impact removed.</summary>
    public IReadOnlyList<CriterionReduction> Reductions { get; }

    /// <summary>The effect as the measures analysis takes it.</summary>
    public MeasureEffect ToMeasureEffect() =>
        new(Scenario, Likelihood, Reductions.ToDictionary(r => r.Criterion, r => r.Reduction, StringComparer.Ordinal));

    public bool Equals(ScenarioEffect? other) =>
        other is not null && Scenario == other.Scenario && Equals(Likelihood, other.Likelihood) && Reductions.SequenceEqual(other.Reductions);

    public override int GetHashCode() => Reductions.Aggregate(HashCode.Combine(Scenario, Likelihood), (h, r) => HashCode.Combine(h, r));
}
