namespace Baken.Methods.Measures;

/// <summary>
/// The modelled effect of one measure on one scenario while the measure is in force: a likelihood multiplier
/// and/or, per impact criterion, the fraction of the impact it removes. Each number is an uncertain range.
/// </summary>
public sealed record MeasureEffect
{
    /// <param name="scenarioId">The scenario the effect applies to.</param>
    /// <param name="likelihoodMultiplier">
    /// Factor on the scenario's annual probability, each bound in (0, 1] (0.8 = 20 % less likely); null = no effect on likelihood.
    /// </param>
    /// <param name="impactReductionByCriterion">
    /// Per criterion code (e.g. "2.1"), the fraction of that criterion's impact removed, each bound in [0, 1]
    /// (0.3 = 30 % fewer deaths); null or empty = no effect on impact.
    /// </param>
    public MeasureEffect(
        string scenarioId,
        EffectRange? likelihoodMultiplier,
        IReadOnlyDictionary<string, EffectRange>? impactReductionByCriterion = null)
    {
        ScenarioId = MeasureGuard.Code(scenarioId, nameof(scenarioId), nameof(scenarioId));
        if (likelihoodMultiplier is not null)
        {
            if (!(likelihoodMultiplier.Low > 0) || likelihoodMultiplier.High > 1)
                throw new ArgumentOutOfRangeException(nameof(likelihoodMultiplier), likelihoodMultiplier,
                    $"likelihoodMultiplier for scenario '{scenarioId}' = [{MeasureGuard.Format(likelihoodMultiplier.Low)}, {MeasureGuard.Format(likelihoodMultiplier.High)}] " +
                    "lies outside (0, 1]: a multiplier of 1 means no effect; a measure cannot make a scenario impossible or more likely.");
        }

        var reductions = new Dictionary<string, EffectRange>(StringComparer.Ordinal);
        foreach (var (criterion, range) in impactReductionByCriterion ?? new Dictionary<string, EffectRange>())
        {
            MeasureGuard.Code(criterion, "a criterion code in impactReductionByCriterion", nameof(impactReductionByCriterion));
            ArgumentNullException.ThrowIfNull(range, nameof(impactReductionByCriterion));
            if (range.Low < 0 || range.High > 1)
                throw new ArgumentOutOfRangeException(nameof(impactReductionByCriterion), range,
                    $"impactReductionByCriterion['{criterion}'] for scenario '{scenarioId}' = [{MeasureGuard.Format(range.Low)}, {MeasureGuard.Format(range.High)}] " +
                    "lies outside [0, 1]: it is the fraction of the criterion's impact removed.");
            reductions[criterion] = range;
        }

        if (likelihoodMultiplier is null && reductions.Count == 0)
            throw new ArgumentException(
                $"The effect on scenario '{scenarioId}' has neither a likelihood multiplier nor an impact reduction: give at least one.",
                nameof(likelihoodMultiplier));
        LikelihoodMultiplier = likelihoodMultiplier;
        ImpactReductionByCriterion = reductions;
    }

    public string ScenarioId { get; }

    public EffectRange? LikelihoodMultiplier { get; }

    public IReadOnlyDictionary<string, EffectRange> ImpactReductionByCriterion { get; }

    /// <summary>Fixes every range at one value (a point estimate or a Monte Carlo draw), in a stable order.</summary>
    internal EffectPoint Fix(Func<EffectRange, double> pick) => new(
        LikelihoodMultiplier is null ? 1.0 : pick(LikelihoodMultiplier),
        ImpactReductionByCriterion.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => pick(p.Value), StringComparer.Ordinal));
}

/// <summary>An effect with every range fixed at one number.</summary>
internal sealed record EffectPoint(double LikelihoodMultiplier, IReadOnlyDictionary<string, double> ImpactReductionByCriterion);
