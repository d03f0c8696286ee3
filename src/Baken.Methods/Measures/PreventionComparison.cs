namespace Baken.Methods.Measures;

/// <summary>Where one scenario stands against the GBVS's "one euro of prevention saves up to sixteen".</summary>
public enum PreventionVerdict
{
    /// <summary>The preventive package avoids at least the cited ratio (16 euros) of damage per euro: the register supports the claim here.</summary>
    ReachesCitedRatio,

    /// <summary>Prevention avoids more damage than it costs, but less than the cited ratio.</summary>
    PaysBelowCitedRatio,

    /// <summary>Prevention avoids less damage than it costs.</summary>
    DoesNotPay,

    /// <summary>No preventive measure with a cost acts on this scenario, so the register says nothing here.</summary>
    NoPreventiveMeasure,
}

/// <summary>
/// One scenario's comparison of a preventive and a reactive package, all amounts in present-value euros over the
/// appraisal period.
/// </summary>
/// <param name="PreventiveRatio">Avoided damage per euro of the preventive package; null when it costs nothing here.</param>
/// <param name="ReactiveRatio">Avoided damage per euro of the reactive package; null when it costs nothing here.</param>
/// <param name="PreventionOutperformsReaction">True when the preventive ratio exceeds the reactive one; null when either ratio is missing.</param>
public sealed record PreventionComparisonRow(
    string ScenarioId,
    double PreventiveCostEuros,
    double PreventiveAvoidedDamageEuros,
    double? PreventiveRatio,
    double ReactiveCostEuros,
    double ReactiveAvoidedDamageEuros,
    double? ReactiveRatio,
    bool? PreventionOutperformsReaction,
    PreventionVerdict Verdict);

/// <summary>The preventive-versus-reactive comparison for a set of scenarios, ready for a report.</summary>
/// <param name="CitedRatio">The ratio tested against (16 unless configured).</param>
/// <param name="Scenarios">One row per scenario, in the order given.</param>
/// <param name="PreventivePackageRatio">Avoided damage over all scenarios per euro of the whole preventive package; null when it costs nothing.</param>
/// <param name="ReactivePackageRatio">Same for the reactive package.</param>
/// <param name="UnattributedCostEuros">Costs of measures that act on none of the compared scenarios (left out of the rows).</param>
/// <param name="UnmonetisedCriteria">Criteria left unpriced: avoided damage is then a lower bound.</param>
/// <param name="IndicativeCriteria">Criteria priced with an indicative rate.</param>
public sealed record PreventionComparison(
    double CitedRatio,
    IReadOnlyList<PreventionComparisonRow> Scenarios,
    double? PreventivePackageRatio,
    double? ReactivePackageRatio,
    double UnattributedCostEuros,
    IReadOnlyList<string> UnmonetisedCriteria,
    IReadOnlyList<string> IndicativeCriteria)
{
    /// <summary>Scenarios where the register supports the cited ratio.</summary>
    public IEnumerable<string> Supporting => Scenarios.Where(r => r.Verdict == PreventionVerdict.ReachesCitedRatio).Select(r => r.ScenarioId);

    /// <summary>Scenarios with a preventive package that falls short of the cited ratio.</summary>
    public IEnumerable<string> NotSupporting => Scenarios
        .Where(r => r.Verdict is PreventionVerdict.PaysBelowCitedRatio or PreventionVerdict.DoesNotPay).Select(r => r.ScenarioId);
}

/// <summary>
/// Compares, for the same scenarios, the cost and the avoided damage of a preventive and a reactive package, and
/// tests each scenario against the ratio the GBVS cites: one euro of prevention saves up to sixteen of repair
/// (Institute for Economics &amp; Peace 2017).
/// </summary>
/// <remarks>
/// <para>Avoided damage of a package on a scenario: the present value over the period of EAD minus the residual EAD
/// with the package's measures in force that year (combined as in <see cref="ResidualRisk"/>). Monetisation is
/// required: the ratio is euros per euro.</para>
/// <para>Cost attribution: a measure acting on several compared scenarios has its present-value cost split in
/// proportion to the damage it avoids on each on its own; one that avoids nothing is split equally over the compared
/// scenarios it has an effect on. So the rows' costs add up to the packages' costs (less
/// <see cref="PreventionComparison.UnattributedCostEuros"/>), and no euro is counted twice.</para>
/// </remarks>
public static class PreventionVersusReaction
{
    /// <summary>The ratio cited in the GBVS (Institute for Economics &amp; Peace 2017): one euro of prevention saves up to sixteen.</summary>
    public const double GbvsCitedRatio = 16.0;

    /// <param name="citedRatio">The ratio to test against, &gt; 0 (default 16).</param>
    public static PreventionComparison Compare(
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        IReadOnlyCollection<ModelledMeasure> preventivePackage,
        IReadOnlyCollection<ModelledMeasure> reactivePackage,
        MonetisationTable table,
        AppraisalPeriod period,
        EffectEstimate estimate = EffectEstimate.Mean,
        double citedRatio = GbvsCitedRatio)
    {
        ScenarioSet.Check(scenarios, nameof(scenarios));
        CheckPackage(preventivePackage, nameof(preventivePackage));
        CheckPackage(reactivePackage, nameof(reactivePackage));
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(period);
        MeasureGuard.Finite(citedRatio, nameof(citedRatio), nameof(citedRatio));
        if (citedRatio <= 0)
            throw new ArgumentOutOfRangeException(nameof(citedRatio), citedRatio, $"citedRatio = {MeasureGuard.Format(citedRatio)} must be > 0.");

        var valuation = RiskValuation.Monetised(table);
        var preventive = Evaluate(scenarios, preventivePackage, valuation, period, estimate);
        var reactive = Evaluate(scenarios, reactivePackage, valuation, period, estimate);

        var rows = scenarios.Select((s, i) =>
        {
            var pRatio = Ratio(preventive.Avoided[i], preventive.Cost[i]);
            var rRatio = Ratio(reactive.Avoided[i], reactive.Cost[i]);
            return new PreventionComparisonRow(
                s.ScenarioId,
                preventive.Cost[i], preventive.Avoided[i], pRatio,
                reactive.Cost[i], reactive.Avoided[i], rRatio,
                pRatio is { } p && rRatio is { } r ? p > r : null,
                Verdict(pRatio, citedRatio));
        }).ToList();

        return new PreventionComparison(
            citedRatio,
            rows,
            Ratio(preventive.Avoided.Sum(), preventive.Cost.Sum()),
            Ratio(reactive.Avoided.Sum(), reactive.Cost.Sum()),
            preventive.Unattributed + reactive.Unattributed,
            valuation.UnmonetisedCriteria(scenarios),
            valuation.IndicativeCriteria(scenarios));
    }

    /// <summary>
    /// The comparison with the packages taken from <paramref name="measures"/> by kind: preventive measures against
    /// reactive ones. Preparatory measures belong to neither side of the GBVS's prevention-versus-repair claim and are
    /// left out; pass explicit packages to <see cref="Compare"/> to count them on one side.
    /// </summary>
    public static PreventionComparison CompareByKind(
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        IEnumerable<ModelledMeasure> measures,
        MonetisationTable table,
        AppraisalPeriod period,
        EffectEstimate estimate = EffectEstimate.Mean,
        double citedRatio = GbvsCitedRatio)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var list = measures.ToList();
        return Compare(
            scenarios,
            list.Where(m => m.Kind == MeasureKind.Preventive).ToList(),
            list.Where(m => m.Kind == MeasureKind.Reactive).ToList(),
            table, period, estimate, citedRatio);
    }

    private static PreventionVerdict Verdict(double? ratio, double cited) => ratio switch
    {
        null => PreventionVerdict.NoPreventiveMeasure,
        // A ratio that is 16 on paper may come out a few ulps short after discounting; that must not flip the verdict.
        _ when ratio >= cited * (1 - 1e-12) => PreventionVerdict.ReachesCitedRatio,
        >= 1 => PreventionVerdict.PaysBelowCitedRatio,
        _ => PreventionVerdict.DoesNotPay,
    };

    private static double? Ratio(double avoided, double cost) => cost > 0 ? avoided / cost : null;

    private sealed record PackageResult(double[] Avoided, double[] Cost, double Unattributed);

    private static PackageResult Evaluate(
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        IReadOnlyCollection<ModelledMeasure> package,
        RiskValuation valuation,
        AppraisalPeriod period,
        EffectEstimate estimate)
    {
        var list = scenarios.ToList();
        var avoided = list.Select(s => MeasureAppraisal.ScenarioPresentValueReduction(s, package, valuation, period, estimate)).ToArray();

        var cost = new double[list.Count];
        var unattributed = 0.0;
        foreach (var measure in package)
        {
            var pvCost = measure.Costs.PresentValueCost(period);
            var discountSum = MeasureAppraisal.InForceDiscountSum(measure, period);
            var own = list.Select(s => measure.EffectOn(s.ScenarioId) is null
                ? 0.0
                : discountSum * MeasureAppraisal.AnnualReduction(measure, [s], valuation, r => r.Pick(estimate))).ToArray();
            var acting = list.Select(s => measure.EffectOn(s.ScenarioId) is not null).ToArray();
            var ownTotal = own.Sum();
            var actingCount = acting.Count(a => a);
            if (actingCount == 0)
            {
                unattributed += pvCost;
                continue;
            }
            for (var i = 0; i < list.Count; i++)
                cost[i] += ownTotal > 0 ? pvCost * own[i] / ownTotal : acting[i] ? pvCost / actingCount : 0.0;
        }
        return new PackageResult(avoided, cost, unattributed);
    }

    private static void CheckPackage(IReadOnlyCollection<ModelledMeasure>? package, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(package, parameterName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in package)
        {
            ArgumentNullException.ThrowIfNull(measure, parameterName);
            if (!seen.Add(measure.Id))
                throw new ArgumentException($"Measure '{measure.Id}' occurs twice in {parameterName}.", parameterName);
        }
    }
}
