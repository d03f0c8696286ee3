using Baken.Methods.Measures;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Application.Strategy;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using static Baken.Application.Tests.Strategy.RegisterWrites;

namespace Baken.Application.Tests.Strategy;

/// <summary>The measures analysis on the register: baselines from the latest run, the portfolio, and clearance.</summary>
public sealed class MeasuresAnalysisTests
{
    private static readonly FixedUser Confidential = new("analyst-c", ClassificationLevel.StaatsgeheimConfidentieel, 0, [Roles.Analyst]);

    private static async Task<TestDatabase> WithAnalysedExample(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var rows = File.ReadAllLines(SharedData.File("examples/assessments-example.csv")).Select((l, i) => new AssessmentRawRow(i + 1, l.Split(','))).ToList();
        await using (var db = database.Context(FixedUser.System))
        {
            var imported = await new ImportAssessmentTable(db, FixedUser.System, new LoadAnalysisCatalogue(db)).HandleAsync(rows);
            imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Errors));
        }
        await using (var db = database.Context(FixedUser.System))
            (await new RunIntegratedAnalysis(db, FixedUser.System, TimeProvider.System, new LoadAnalysisCatalogue(db))
                .HandleAsync(new RunIntegratedAnalysisRequest(Iterations: 200, Seed: 5))).IsOk.ShouldBeTrue();
        var u = FixedUser.System;
        await Ok(Add(database, u, "measure", "M-WATER", ("title", "Water buffers"), ("type", "preventive"), ("one_off_cost", "200000000"), ("yearly_cost", "5000000"),
            ("start_year", "2026"), ("lifetime_years", "20"), ("effects", "E-DROUGHT: likelihood 0.6-0.7-0.8; 3.1 0.2-0.4")));
        await Ok(Add(database, u, "measure", "M-BACKUP", ("title", "Offline back-ups"), ("type", "preparatory"), ("one_off_cost", "50000000"),
            ("start_year", "2026"), ("lifetime_years", "10"), ("effects", "E-RANSOM: 3.1 0.3-0.5; 5.1 0.2-0.3")));
        await Ok(Add(database, u, "measure", "M-SOC", ("title", "Security operations centre"), ("type", "preventive"), ("one_off_cost", "300000000"),
            ("start_year", "2026"), ("lifetime_years", "10"), ("requires", "M-BACKUP"), ("effects", "E-RANSOM: likelihood 0.5-0.8")));
        await Ok(Add(database, u, "measure", "M-VACCINE", ("title", "Vaccine capacity"), ("type", "reactive"), ("one_off_cost", "250000000"),
            ("start_year", "2026"), ("lifetime_years", "15"), ("excludes", "M-WATER"), ("effects", "E-ZOONOSE: 2.1 0.3-0.6; 2.2 0.2-0.5")));
        return database;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Portfolio_OnTheRegister_EqualsBruteForceOverTheSameCandidates(DatabaseProvider provider)
    {
        await using var database = await WithAnalysedExample(provider);
        await using var db = database.Context(FixedUser.System);
        var analysis = new MeasuresAnalysis(db, new LoadAnalysisCatalogue(db), TimeProvider.System);

        foreach (var budget in new[] { 100e6, 300e6, 500e6, 1e9 })
        {
            var result = await analysis.PortfolioAsync(budget, draws: 20);
            result.Overview.Measures.Count.ShouldBe(4);
            result.Overview.Scenarios.Count.ShouldBe(4);
            var period = result.Overview.Period;
            var candidates = result.Overview.Measures.Select(r => (r.Model, Cost: r.Model.Costs.NominalCost(period), Gain: r.Appraisal.PresentValueRiskReduction)).ToList();
            var best = 0.0;
            for (var mask = 0; mask < 1 << candidates.Count; mask++)
            {
                var chosen = candidates.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                var ids = chosen.Select(c => c.Model.Id).ToHashSet();
                if (chosen.Sum(c => c.Cost) > budget) continue;
                if (chosen.Any(c => c.Model.Requires.Any(r => !ids.Contains(r)) || c.Model.Excludes.Any(ids.Contains))) continue;
                best = Math.Max(best, chosen.Sum(c => c.Gain));
            }
            result.Selection.RiskReduction.ShouldBe(best, Math.Max(1e-6 * best, 1e-6), $"budget {budget}");
            result.Selection.CostEuros.ShouldBeLessThanOrEqualTo(budget);
            (result.Selection.ChosenMeasureIds.Contains("M-WATER") && result.Selection.ChosenMeasureIds.Contains("M-VACCINE")).ShouldBeFalse("M-VACCINE excludes M-WATER");
            if (result.Selection.ChosenMeasureIds.Contains("M-SOC")) result.Selection.ChosenMeasureIds.ShouldContain("M-BACKUP");
            result.Uncertainty!.Measures.ShouldAllBe(m => m.Share >= 0 && m.Share <= 1);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Baselines_FollowTheRunsClasses_AndExpectedDamageUsesTheMonetisationTable(DatabaseProvider provider)
    {
        await using var database = await WithAnalysedExample(provider);
        await using var db = database.Context(FixedUser.System);
        var overview = await new MeasuresAnalysis(db, new LoadAnalysisCatalogue(db), TimeProvider.System).OverviewAsync();
        overview.Settings.Indicative.ShouldBeTrue();
        overview.Settings.DiscountRate.ShouldBe(0.0225);
        overview.Settings.Table.RateFor("2.1")!.EurosPerUnit.ShouldBe(2_600_000);
        foreach (var s in overview.Scenarios)
        {
            s.AnnualProbability.ShouldBeInRange(0, 1);
            // Risk points agree with the run: Σ w·v(c) is the run's I(s).
            var stored = RunSummary.Parse(db.AnalysisRuns.Single().ResultsJson).Single(x => x.Id == s.ScenarioId);
            s.ImpactScore.ShouldBe(stored.ImpactValue, 1e-9);
        }
        // A likelihood class D over five years stands for √(5 % · 50 %) ≈ 15.8 %, about 3.4 % a year.
        var d = MeasureBaselines.RepresentativeProbability(LikelihoodScale.Default, ImpactClass.D);
        d.ShouldBe(Math.Sqrt(0.05 * 0.5), 1e-12);
        var water = overview.Measures.Single(m => m.Measure.Code == "M-WATER").Appraisal;
        water.Metric.ShouldBe(RiskMetric.ExpectedAnnualDamage);
        water.NetPresentValueEuros.ShouldNotBeNull();
        water.NetPresentValueEuros!.Value.ShouldBe(water.PresentValueRiskReduction - water.PresentValueCostEuros, 1e-3);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Portfolio_ForALowerClearance_NeverChoosesAMeasureWhosePrerequisiteItCannotSee(DatabaseProvider provider)
    {
        await using var database = await WithAnalysedExample(provider);
        await Ok(Edit(database, FixedUser.System, "measure", "M-BACKUP", ("classification", "Stg.G")));
        await using var db = database.Context(Confidential);
        var result = await new MeasuresAnalysis(db, new LoadAnalysisCatalogue(db), TimeProvider.System).PortfolioAsync(2e9, draws: 0);
        result.Overview.Measures.Select(m => m.Measure.Code).ShouldNotContain("M-BACKUP");
        result.Selection.ChosenMeasureIds.ShouldNotContain("M-SOC");
        result.Selection.ChosenMeasureIds.ShouldNotContain("M-BACKUP");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Residual_WithAMeasureApplied_MovesOnlyItsScenario_ByItsMeanEffect(DatabaseProvider provider)
    {
        await using var database = await WithAnalysedExample(provider);
        await using var db = database.Context(FixedUser.System);
        var (overview, residual) = await new MeasuresAnalysis(db, new LoadAnalysisCatalogue(db), TimeProvider.System).ResidualAsync(["M-WATER", "M-NOPE"]);
        overview.Problems.ShouldContain(p => p.Contains("M-NOPE"));
        var drought = residual.Single(r => r.ScenarioId == "E-DROUGHT");
        var baseline = overview.Scenarios.Single(s => s.ScenarioId == "E-DROUGHT");
        // likelihood 0.6-0.7-0.8 has mean 0.7; criterion 3.1 loses the mean of 0.2-0.3-0.4 = 0.3 of its points.
        drought.ResidualAnnualProbability.ShouldBe(baseline.AnnualProbability * 0.7, 1e-12);
        drought.ResidualImpactScore.ShouldBe(baseline.ImpactScore - 0.3 * baseline.ImpactPointsByCriterion.GetValueOrDefault("3.1"), 1e-9);
        drought.AppliedMeasureIds.ShouldBe(["M-WATER"]);
        residual.Where(r => r.ScenarioId != "E-DROUGHT").ShouldAllBe(r => r.ReducedShare == 0);
    }
}
