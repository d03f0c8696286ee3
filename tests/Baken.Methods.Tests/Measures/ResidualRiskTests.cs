using Baken.Methods.Measures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Measures.MeasureBuilders;

namespace Baken.Methods.Tests.Measures;

public sealed class ResidualRiskTests
{
    [Fact]
    public void Apply_TwoLikelihoodMultipliers_Multiply()
    {
        // 0.01 × 0.5 × 0.8 = 0.004.
        var residual = ResidualRisk.Apply(Scenario("flood", 0.01, euroDamage: 1e9), [
            Measure("dikes", Costs(), MeasureKind.Preventive, Likelihood("flood", 0.5)),
            Measure("warning", Costs(), MeasureKind.Preventive, Likelihood("flood", 0.8)),
        ]);
        residual.AnnualProbability.ShouldBe(0.004, 1e-15);
        residual.QuantityByCriterion["3.1"].ShouldBe(1e9);
    }

    [Fact]
    public void Apply_TwoHalvingReductions_LeaveAQuarterNotNothing()
    {
        var residual = ResidualRisk.Apply(Scenario("flood", 0.01, deaths: 100, points: 8), [
            Measure("evacuation", Costs(), MeasureKind.Reactive, Reduction("flood", "2.1", 0.5)),
            Measure("shelters", Costs(), MeasureKind.Preparatory, Reduction("flood", "2.1", 0.5)),
        ]);
        residual.QuantityByCriterion["2.1"].ShouldBe(25, 1e-12);
        residual.AnnualProbability.ShouldBe(0.01);
        residual.ImpactPointsByCriterion["3.1"].ShouldBe(8, 1e-12, "a reduction on 2.1 leaves 3.1 alone");
    }

    [Fact]
    public void Apply_MeasureOnOtherScenario_ChangesNothing()
    {
        var scenario = Scenario("flood", 0.01, euroDamage: 1e9);
        ResidualRisk.Apply(scenario, [Measure("soc", Costs(), MeasureKind.Preventive, Likelihood("cyber", 0.1))]).ShouldBe(scenario);
    }

    [Fact]
    public void Apply_InAYearOutsideTheLifetime_IgnoresTheMeasure()
    {
        var dikes = Measure("dikes", Costs(start: 2030, lifetime: 2), MeasureKind.Preventive, Likelihood("flood", 0.5));
        var scenario = Scenario("flood", 0.01);
        ResidualRisk.Apply(scenario, [dikes], year: 2029).AnnualProbability.ShouldBe(0.01);
        ResidualRisk.Apply(scenario, [dikes], year: 2031).AnnualProbability.ShouldBe(0.005, 1e-15);
        ResidualRisk.Apply(scenario, [dikes], year: 2032).AnnualProbability.ShouldBe(0.01);
    }

    [Fact]
    public void Assess_ReportsCurrentAndResidualPosition()
    {
        // EAD 0.01 × (€1 bn + 10 deaths × €3.2 m) = €10.32 m; halve likelihood and deaths:
        // 0.005 × (€1 bn + 5 × €3.2 m) = €5.08 m.
        var result = ResidualRisk.Assess(
            Scenario("flood", 0.01, euroDamage: 1e9, deaths: 10, points: 4),
            [new ModelledMeasure("dikes", MeasureKind.Preventive, Costs(), [new MeasureEffect("flood", EffectRange.Exactly(0.5),
                new Dictionary<string, EffectRange> { ["2.1"] = EffectRange.Exactly(0.5) })])],
            RiskValuation.Monetised(Table()));
        result.AppliedMeasureIds.ShouldBe(["dikes"]);
        result.CurrentAnnualProbability.ShouldBe(0.01);
        result.ResidualAnnualProbability.ShouldBe(0.005, 1e-15);
        result.CurrentImpactScore.ShouldBe(4);
        result.ResidualImpactScore.ShouldBe(4);
        result.CurrentAnnualRisk.ShouldBe(1.032e7, 1e-6);
        result.ResidualAnnualRisk.ShouldBe(5.08e6, 1e-6);
        result.ReducedShare.ShouldBe(1 - 5.08 / 10.32, 1e-12);
    }

    private static Arbitrary<double[]> Fractions() =>
        Gen.Choose(0, 100).Select(i => i / 100.0).ArrayOf().Where(a => a.Length is > 0 and < 8).ToArbitrary();

    private static List<ModelledMeasure> MeasuresFrom(double[] fractions) =>
        fractions.Select((f, i) => new ModelledMeasure($"m{i}", MeasureKind.Preventive, Costs(), [new MeasureEffect("s",
            EffectRange.Exactly(1 - f / 2), new Dictionary<string, EffectRange> { ["2.1"] = EffectRange.Exactly(f) })])).ToList();

    [Property(MaxTest = 200, Replay = "(20261123,511)")]
    public Property Apply_ReorderingMeasures_ChangesNothing() =>
        Prop.ForAll(Fractions(), fractions =>
        {
            var scenario = Scenario("s", 0.3, deaths: 1000, points: 5);
            var measures = MeasuresFrom(fractions);
            var forward = ResidualRisk.Apply(scenario, measures);
            var backward = ResidualRisk.Apply(scenario, Enumerable.Reverse(measures));
            return Math.Abs(forward.AnnualProbability - backward.AnnualProbability) < 1e-15
                && Math.Abs(forward.QuantityByCriterion["2.1"] - backward.QuantityByCriterion["2.1"]) < 1e-9;
        });

    [Property(MaxTest = 200, Replay = "(20261123,513)")]
    public Property Apply_AddingAMeasure_NeverRaisesRiskAndNeverGoesBelowZero() =>
        Prop.ForAll(Fractions(), fractions =>
        {
            var scenario = Scenario("s", 0.3, euroDamage: 1e6, deaths: 1000, points: 5);
            var valuation = RiskValuation.Monetised(Table());
            var measures = MeasuresFrom(fractions);
            var all = valuation.AnnualRisk(ResidualRisk.Apply(scenario, measures));
            var fewer = valuation.AnnualRisk(ResidualRisk.Apply(scenario, measures.Skip(1)));
            return all >= 0 && all <= fewer + 1e-6 && fewer <= valuation.AnnualRisk(scenario) + 1e-6;
        });
}
