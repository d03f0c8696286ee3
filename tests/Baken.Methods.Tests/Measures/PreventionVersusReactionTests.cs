using Baken.Methods.Measures;
using static Baken.Methods.Tests.Measures.MeasureBuilders;

namespace Baken.Methods.Tests.Measures;

public sealed class PreventionVersusReactionTests
{
    // One year, no discounting: avoided damage = EAD reduction, cost = what is spent that year.
    private static readonly ScenarioBaseline Flood = Scenario("flood", 0.1, euroDamage: 1e9);       // EAD €100 m
    private static readonly ScenarioBaseline Storm = Scenario("storm", 0.01, euroDamage: 1e8);      // EAD €1 m
    private static readonly ScenarioBaseline Outage = Scenario("outage", 0.01, euroDamage: 1e8);    // EAD €1 m
    private static readonly ScenarioBaseline Pandemic = Scenario("pandemic", 0.02, euroDamage: 1e10); // EAD €200 m

    private static PreventionComparison Compare() => PreventionVersusReaction.Compare(
        [Flood, Storm, Outage, Pandemic],
        [
            Measure("dikes", Costs(1e6), MeasureKind.Preventive, Likelihood("flood", 0.5)),     // avoids €50 m for €1 m: 50
            Measure("trees", Costs(1e5), MeasureKind.Preventive, Likelihood("storm", 0.5)),     // avoids €0.5 m for €0.1 m: 5
            Measure("grid", Costs(1e6), MeasureKind.Preventive, Likelihood("outage", 0.5)),     // avoids €0.5 m for €1 m: 0.5
        ],
        [
            Measure("pumps", Costs(2e6), MeasureKind.Reactive, Reduction("flood", "3.1", 0.2)), // avoids €20 m for €2 m: 10
            Measure("icu", Costs(1e7), MeasureKind.Reactive, Reduction("pandemic", "3.1", 0.1)), // avoids €20 m for €10 m: 2
        ],
        Table(),
        OneYear());

    [Fact]
    public void Compare_ScenarioAboveSixteen_SupportsTheGbvsClaim()
    {
        var flood = Compare().Scenarios.Single(r => r.ScenarioId == "flood");
        flood.PreventiveAvoidedDamageEuros.ShouldBe(5e7, 1e-6);
        flood.PreventiveCostEuros.ShouldBe(1e6, 1e-9);
        flood.PreventiveRatio!.Value.ShouldBe(50, 1e-9);
        flood.ReactiveRatio!.Value.ShouldBe(10, 1e-9);
        flood.PreventionOutperformsReaction.ShouldBe(true);
        flood.Verdict.ShouldBe(PreventionVerdict.ReachesCitedRatio);
    }

    [Fact]
    public void Compare_EachScenario_GetsItsVerdict()
    {
        var result = Compare();
        result.CitedRatio.ShouldBe(16);
        result.Scenarios.Select(r => (r.ScenarioId, r.Verdict)).ShouldBe([
            ("flood", PreventionVerdict.ReachesCitedRatio),
            ("storm", PreventionVerdict.PaysBelowCitedRatio),
            ("outage", PreventionVerdict.DoesNotPay),
            ("pandemic", PreventionVerdict.NoPreventiveMeasure),
        ]);
        result.Supporting.ShouldBe(["flood"]);
        result.NotSupporting.ShouldBe(["storm", "outage"]);
        result.Scenarios.Single(r => r.ScenarioId == "pandemic").PreventionOutperformsReaction.ShouldBeNull();
    }

    [Fact]
    public void Compare_PackageRatios_SumAvoidedDamageOverCost()
    {
        // Preventive: (50 + 0.5 + 0.5) m / 2.1 m; reactive: (20 + 20) m / 12 m.
        var result = Compare();
        result.PreventivePackageRatio!.Value.ShouldBe(51.0 / 2.1, 1e-9);
        result.ReactivePackageRatio!.Value.ShouldBe(40.0 / 12, 1e-9);
        result.UnattributedCostEuros.ShouldBe(0);
    }

    [Fact]
    public void Compare_ExactlySixteen_ReachesTheRatio()
    {
        // EAD €1 m halved = €0.5 m avoided for €31 250: exactly 16.
        var result = PreventionVersusReaction.Compare(
            [Storm], [Measure("trees", Costs(31_250), MeasureKind.Preventive, Likelihood("storm", 0.5))], [], Table(), OneYear());
        result.Scenarios[0].PreventiveRatio!.Value.ShouldBe(16, 1e-9);
        result.Scenarios[0].Verdict.ShouldBe(PreventionVerdict.ReachesCitedRatio);
        result.ReactivePackageRatio.ShouldBeNull();
    }

    [Fact]
    public void Compare_MeasureOnTwoScenarios_SplitsItsCostByAvoidedDamageAndConservesIt()
    {
        // "warning" multiplies both likelihoods by 0.9: it avoids €10 m on flood and €0.1 m on storm,
        // so its €1.01 m splits €1 m / €0.01 m; both ratios are 10 and the rows add up to the full cost.
        var warning = Measure("warning", Costs(1.01e6), MeasureKind.Preventive, Likelihood("flood", 0.9), Likelihood("storm", 0.9));
        var unrelated = Measure("satellite", Costs(5e5), MeasureKind.Preventive, Likelihood("volcano", 0.9));

        var result = PreventionVersusReaction.Compare([Flood, Storm], [warning, unrelated], [], Table(), OneYear());

        result.Scenarios[0].PreventiveCostEuros.ShouldBe(1e6, 1e-6);
        result.Scenarios[1].PreventiveCostEuros.ShouldBe(1e4, 1e-6);
        result.Scenarios.Sum(r => r.PreventiveCostEuros).ShouldBe(1.01e6, 1e-6);
        result.Scenarios.ShouldAllBe(r => Math.Abs(r.PreventiveRatio!.Value - 10) < 1e-9);
        result.UnattributedCostEuros.ShouldBe(5e5, 1e-6);
    }

    [Fact]
    public void Compare_OverSeveralYears_DiscountsBothSides()
    {
        // €1 m once, halving EAD of €100 m for 2 years at 4 %: avoided 50 m/1.04 + 50 m/1.04², cost 1 m/1.04.
        var dikes = Measure("dikes", Costs(1e6, 0, 2026, 2), MeasureKind.Preventive, Likelihood("flood", 0.5));
        var result = PreventionVersusReaction.Compare([Flood], [dikes], [], Table(), new AppraisalPeriod(2026, 10, 0.04));
        result.Scenarios[0].PreventiveAvoidedDamageEuros.ShouldBe(5e7 / 1.04 + 5e7 / (1.04 * 1.04), 1e-4);
        result.Scenarios[0].PreventiveCostEuros.ShouldBe(1e6 / 1.04, 1e-6);
    }

    [Fact]
    public void CompareByKind_SplitsByKindAndLeavesPreparatoryOut()
    {
        var dikes = Measure("dikes", Costs(1e6), MeasureKind.Preventive, Likelihood("flood", 0.5));
        var pumps = Measure("pumps", Costs(2e6), MeasureKind.Reactive, Reduction("flood", "3.1", 0.2));
        var exercise = Measure("exercise", Costs(1e9), MeasureKind.Preparatory, Reduction("flood", "3.1", 0.5));

        var row = PreventionVersusReaction.CompareByKind([Flood], [exercise, pumps, dikes], Table(), OneYear()).Scenarios[0];

        row.PreventiveRatio!.Value.ShouldBe(50, 1e-9);
        row.ReactiveRatio!.Value.ShouldBe(10, 1e-9);
    }

    [Fact]
    public void Compare_NonPositiveCitedRatio_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PreventionVersusReaction.Compare([Flood], [], [], Table(), OneYear(), citedRatio: 0))
            .Message.ShouldContain("citedRatio = 0 must be > 0");
    }

    [Fact]
    public void Compare_UnpricedCriterion_IsListedSoTheRatioReadsAsALowerBound()
    {
        var scenario = new ScenarioBaseline("heat", 0.1, new Dictionary<string, double> { ["3.1"] = 1e6, ["5.1"] = 1e5 });
        var result = PreventionVersusReaction.Compare([scenario], [], [], Table(), OneYear());
        result.UnmonetisedCriteria.ShouldBe(["5.1"]);
    }
}
