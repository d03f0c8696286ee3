using Baken.Methods.Measures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Measures.MeasureBuilders;

namespace Baken.Methods.Tests.Measures;

public sealed class CostBenefitTests
{
    private static readonly AppraisalPeriod FiveYearsAtFourPercent = new(2026, 5, 0.04);

    [Fact]
    public void DiscountFactor_EndOfYearConvention_DiscountsYearZeroOnce()
    {
        FiveYearsAtFourPercent.DiscountFactor(2026).ShouldBe(1 / 1.04, 1e-15);
        FiveYearsAtFourPercent.DiscountFactor(2030).ShouldBe(Math.Pow(1.04, -5), 1e-15);
        FiveYearsAtFourPercent.DiscountFactor(2025).ShouldBe(0);
        FiveYearsAtFourPercent.DiscountFactor(2031).ShouldBe(0);
    }

    [Fact]
    public void NetPresentValue_HandComputed_Matches()
    {
        // One-off 100 and 10 a year for 3 years from 2026, benefit 60 a year while in force, 4 %, 2026–2030:
        // net flows −50, +50, +50, 0, 0 → −50/1.04 + 50/1.04² + 50/1.04³ = 42.600705507510234.
        var npv = MeasureAppraisal.NetPresentValue(Costs(100, 10, 2026, 3), 60, FiveYearsAtFourPercent);
        npv.ShouldBe(42.600705507510234, 1e-9);
    }

    [Fact]
    public void NetPresentValue_MeasureStartingInYearOne_IsShiftedOneYear()
    {
        // Same measure from 2027: −50/1.04² + 50/1.04³ + 50/1.04⁴ = 40.962216834144456.
        MeasureAppraisal.NetPresentValue(Costs(100, 10, 2027, 3), 60, FiveYearsAtFourPercent).ShouldBe(40.962216834144456, 1e-9);
    }

    [Fact]
    public void NetPresentValue_LifetimeBeyondHorizon_CountsOnlyTheHorizon()
    {
        // Ten years of 50 net a year, horizon 2 years at 0 %: 100; the eight later years are ignored.
        MeasureAppraisal.NetPresentValue(Costs(0, 10, 2026, 10), 60, new AppraisalPeriod(2026, 2, 0)).ShouldBe(100, 1e-12);
    }

    [Fact]
    public void NetPresentValue_MeasureStartedBeforePeriod_TreatsOneOffAsSunk()
    {
        // Started 2025 with a one-off of 1000: in 2026–2027 only 60 − 10 a year counts.
        MeasureAppraisal.NetPresentValue(Costs(1000, 10, 2025, 3), 60, new AppraisalPeriod(2026, 5, 0)).ShouldBe(100, 1e-12);
    }

    [Fact]
    public void PresentValueCost_HandComputed_Matches()
    {
        // 110/1.04 + 10/1.04² + 10/1.04³ = 123.90475648611742; nominal 130.
        var costs = Costs(100, 10, 2026, 3);
        costs.PresentValueCost(FiveYearsAtFourPercent).ShouldBe(123.90475648611742, 1e-9);
        costs.NominalCost(FiveYearsAtFourPercent).ShouldBe(130);
    }

    [Fact]
    public void ExpectedAnnualDamage_MonetisedScenario_IsProbabilityTimesDamage()
    {
        // D = 10 deaths × €3.2 m + 100 seriously injured × €0.32 m + 10⁶ person-days × €50 + €200 m = €314 m;
        // EAD = 0.01 × 314 m = €3.14 m a year. Criterion 4.1 has a quantity but no rate.
        var table = new MonetisationTable([
            new MonetisationRate("2.1", "death", 3.2e6, Indicative: true, "VSL, indicative"),
            new MonetisationRate("2.2", "seriously injured", 3.2e5, Indicative: true, "10 % of VSL, indicative"),
            new MonetisationRate("5.1", "person-day", 50, Indicative: true, "indicative"),
            new MonetisationRate("3.1", "euro", 1, Indicative: false, "euros"),
        ]);
        var scenario = new ScenarioBaseline("flood", 0.01, new Dictionary<string, double>
        {
            ["2.1"] = 10,
            ["2.2"] = 100,
            ["5.1"] = 1e6,
            ["3.1"] = 2e8,
            ["4.1"] = 5,
            ["1.1"] = 0,
        });

        var estimate = ExpectedAnnualDamage.Of(scenario, table);

        estimate.DamageEuros.ShouldBe(3.14e8, 1e-3);
        estimate.ExpectedAnnualDamageEuros.ShouldBe(3.14e6, 1e-5);
        estimate.UnmonetisedCriteria.ShouldBe(["4.1"]);
        estimate.Complete.ShouldBeFalse();
        estimate.IndicativeCriteria.ShouldBe(["2.1", "2.2", "5.1"]);
        RiskValuation.Monetised(table).AnnualRisk(scenario).ShouldBe(3.14e6, 1e-5);
    }

    [Fact]
    public void RiskPoints_IsLikelihoodWeightedImpactScore()
    {
        var scenario = new ScenarioBaseline("cyber", 0.02, null, new Dictionary<string, double> { ["2.1"] = 3, ["3.1"] = 6 });
        scenario.ImpactScore.ShouldBe(9);
        RiskValuation.RiskPoints.AnnualRisk(scenario).ShouldBe(0.18, 1e-15);
    }

    [Fact]
    public void Appraise_Monetised_GivesHandComputedNpvAndRatio()
    {
        // EAD 0.01 × €1 bn = €10 m a year; halving the likelihood avoids €5 m a year for 3 years.
        // Costs €10 m once + €1 m a year. At 4 %: PV benefit 5 m × (1/1.04 + 1/1.04² + 1/1.04³) = 13 875 455.166;
        // PV cost 11 m/1.04 + 1 m/1.04² + 1 m/1.04³ = 12 390 475.649; NPV = 1 484 979.518.
        var measure = Measure("dikes", Costs(1e7, 1e6, 2026, 3), MeasureKind.Preventive, Likelihood("flood", 0.5));
        var result = MeasureAppraisal.Appraise(measure, [Scenario("flood", 0.01, euroDamage: 1e9)], RiskValuation.Monetised(Table()), FiveYearsAtFourPercent);

        result.AnnualRiskReduction.ShouldBe(5e6, 1e-6);
        result.YearsInForceWithinPeriod.ShouldBe(3);
        result.PresentValueRiskReduction.ShouldBe(13_875_455.166135637, 1e-4);
        result.PresentValueCostEuros.ShouldBe(12_390_475.648611741, 1e-4);
        result.NetPresentValueEuros!.Value.ShouldBe(1_484_979.5175238955, 1e-4);
        result.ReductionPerEuro!.Value.ShouldBe(13_875_455.166135637 / 12_390_475.648611741, 1e-12);
    }

    [Fact]
    public void Appraise_RiskPoints_GivesCostEffectivenessAndNoNpv()
    {
        // 0.1 × 9 points = 0.9; a 30 % cut on criterion 3.1 (6 of the 9 points) leaves 0.1 × (3 + 4.2) = 0.72:
        // 0.18 points a year for €1 000 in one year at 0 % → 0.00018 points per euro.
        var scenario = new ScenarioBaseline("cyber", 0.1, null, new Dictionary<string, double> { ["2.1"] = 3, ["3.1"] = 6 });
        var measure = Measure("soc", Costs(1000), MeasureKind.Preventive, Reduction("cyber", "3.1", 0.3));

        var result = MeasureAppraisal.Appraise(measure, [scenario], RiskValuation.RiskPoints, OneYear());

        result.Metric.ShouldBe(RiskMetric.RiskPoints);
        result.AnnualRiskReduction.ShouldBe(0.18, 1e-12);
        result.NetPresentValueEuros.ShouldBeNull();
        result.ReductionPerEuro!.Value.ShouldBe(0.00018, 1e-15);
    }

    [Fact]
    public void Appraise_UsesTriangularMeanByDefault()
    {
        // Multiplier range 0.2–0.5–0.8 has mean 0.5: same reduction as an exact 0.5.
        var ranged = new ModelledMeasure("dikes", MeasureKind.Preventive, Costs(1), [new MeasureEffect("flood", new EffectRange(0.2, 0.5, 0.8))]);
        var result = MeasureAppraisal.Appraise(ranged, [Scenario("flood", 0.01, euroDamage: 1e9)], RiskValuation.Monetised(Table()), OneYear());
        result.AnnualRiskReduction.ShouldBe(5e6, 1e-6);
        MeasureAppraisal.Appraise(ranged, [Scenario("flood", 0.01, euroDamage: 1e9)], RiskValuation.Monetised(Table()), OneYear(), EffectEstimate.Low)
            .AnnualRiskReduction.ShouldBe(8e6, 1e-6);
    }

    [Fact]
    public void CombinedPresentValueReduction_TwoHalvings_RemoveThreeQuartersNotAll()
    {
        // EAD €10 m; each measure alone halves the likelihood (€5 m each, €10 m added up); together 0.25 remains: €7.5 m.
        var scenarios = new[] { Scenario("flood", 0.01, euroDamage: 1e9) };
        var measures = new[]
        {
            Measure("dikes", Costs(1), MeasureKind.Preventive, Likelihood("flood", 0.5)),
            Measure("warning", Costs(1), MeasureKind.Preventive, Likelihood("flood", 0.5)),
        };
        var valuation = RiskValuation.Monetised(Table());

        MeasureAppraisal.CombinedPresentValueReduction(measures, scenarios, valuation, OneYear()).ShouldBe(7.5e6, 1e-6);
        PortfolioProblem.FromMeasures(measures, scenarios, valuation, OneYear()).Candidates.Sum(c => c.RiskReduction).ShouldBe(1e7, 1e-6);
    }

    [Fact]
    public void CombinedPresentValueReduction_MeasuresInDifferentYears_CountEachOnlyWhileInForce()
    {
        // 2026: dikes alone (€5 m); 2027: both (€7.5 m); 2028: warning alone (€5 m); 0 % → €17.5 m.
        var measures = new[]
        {
            Measure("dikes", Costs(1, 0, 2026, 2), MeasureKind.Preventive, Likelihood("flood", 0.5)),
            Measure("warning", Costs(1, 0, 2027, 2), MeasureKind.Preventive, Likelihood("flood", 0.5)),
        };
        MeasureAppraisal.CombinedPresentValueReduction(measures, [Scenario("flood", 0.01, euroDamage: 1e9)],
            RiskValuation.Monetised(Table()), new AppraisalPeriod(2026, 3, 0)).ShouldBe(1.75e7, 1e-6);
    }

    private static Arbitrary<(double OneOff, double Yearly, double Benefit, int Rate)> Streams() =>
        Gen.Choose(0, 1000).SelectMany(a => Gen.Choose(0, 100).SelectMany(b => Gen.Choose(0, 200).SelectMany(c => Gen.Choose(0, 10)
            .Select(r => ((double)a, (double)b, (double)c, r))))).ToArbitrary();

    [Property(MaxTest = 200, Replay = "(20261123,501)")]
    public Property NetPresentValue_HigherDiscountRate_NeverRaisesThePresentValueOfCosts() =>
        Prop.ForAll(Streams(), s =>
        {
            var costs = Costs(s.OneOff, s.Yearly, 2026, 7);
            var low = costs.PresentValueCost(new AppraisalPeriod(2026, 10, s.Rate / 100.0));
            var high = costs.PresentValueCost(new AppraisalPeriod(2026, 10, (s.Rate + 1) / 100.0));
            return high <= low + 1e-9;
        });

    [Property(MaxTest = 200, Replay = "(20261123,503)")]
    public Property NetPresentValue_IsBenefitMinusCostPresentValues() =>
        Prop.ForAll(Streams(), s =>
        {
            var costs = Costs(s.OneOff, s.Yearly, 2027, 4);
            var period = new AppraisalPeriod(2026, 6, s.Rate / 100.0);
            var benefit = period.PresentValue(y => costs.InForce(y) ? s.Benefit : 0);
            return Math.Abs(MeasureAppraisal.NetPresentValue(costs, s.Benefit, period) - (benefit - costs.PresentValueCost(period))) < 1e-9;
        });
}
