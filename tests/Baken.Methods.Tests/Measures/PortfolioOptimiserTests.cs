using Baken.Methods.Measures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Measures.MeasureBuilders;

namespace Baken.Methods.Tests.Measures;

public sealed class PortfolioOptimiserTests
{
    // A (4, 10), B (3, 7), C (2, 5), D (1, 1): cost and reduction, solvable by hand.
    private static PortfolioProblem Hand(string[]? aRequires = null, string[]? bExcludes = null) => new([
        Candidate("A", 4, 10, requires: aRequires),
        Candidate("B", 3, 7, excludes: bExcludes),
        Candidate("C", 2, 5),
        Candidate("D", 1, 1),
    ]);

    [Theory]
    [InlineData(5, "B,C", 12)]   // A+D = 11 < B+C = 12
    [InlineData(6, "A,C", 15)]   // A+C = 15 > B+C+D = 13
    [InlineData(10, "A,B,C,D", 23)]
    [InlineData(1, "D", 1)]
    public void Optimise_HandInstance_FindsTheHandOptimum(double budget, string expected, double reduction)
    {
        var selection = PortfolioOptimiser.Optimise(Hand(), budget);
        selection.ChosenMeasureIds.ShouldBe(expected.Split(','));
        selection.RiskReduction.ShouldBe(reduction, 1e-12);
        selection.CostEuros.ShouldBeLessThanOrEqualTo(budget);
    }

    [Fact]
    public void Optimise_Prerequisite_ForcesTheRequiredMeasureOrDropsTheDependent()
    {
        // A requires D: A+C (cost 6) now needs D (cost 7); at 6 the best is B+C+D = 13.
        var selection = PortfolioOptimiser.Optimise(Hand(aRequires: ["D"]), 6);
        selection.ChosenMeasureIds.ShouldBe(["B", "C", "D"]);
        selection.RiskReduction.ShouldBe(13);
        PortfolioOptimiser.Optimise(Hand(aRequires: ["D"]), 7).ChosenMeasureIds.ShouldBe(["A", "C", "D"]);
    }

    [Fact]
    public void Optimise_Exclusion_NeverChoosesBothAndWorksBothWays()
    {
        // B excludes C: at 5, B+C is forbidden, so A+D = 11; with money for all, A+B+D = 18 beats A+C+D = 16.
        PortfolioOptimiser.Optimise(Hand(bExcludes: ["C"]), 5).ChosenMeasureIds.ShouldBe(["A", "D"]);
        PortfolioOptimiser.Optimise(Hand(bExcludes: ["C"]), 100).ChosenMeasureIds.ShouldBe(["A", "B", "D"]);

        // Stated on C instead of B, the exclusion binds the same way.
        var reversed = new PortfolioProblem([Candidate("A", 4, 10), Candidate("B", 3, 7), Candidate("C", 2, 5, excludes: ["B"]), Candidate("D", 1, 1)]);
        PortfolioOptimiser.Optimise(reversed, 5).ChosenMeasureIds.ShouldBe(["A", "D"]);
        PortfolioOptimiser.Optimise(reversed, 100).ChosenMeasureIds.ShouldBe(["A", "B", "D"]);
    }

    [Fact]
    public void Optimise_ZeroBudget_ChoosesNothing()
    {
        var selection = PortfolioOptimiser.Optimise(Hand(), 0);
        selection.ChosenMeasureIds.ShouldBeEmpty();
        selection.CostEuros.ShouldBe(0);
        selection.RiskReduction.ShouldBe(0);
    }

    [Fact]
    public void Optimise_MeasureWithoutReduction_IsNeverBought()
    {
        var problem = new PortfolioProblem([Candidate("useful", 5, 3), Candidate("useless", 1, 0)]);
        PortfolioOptimiser.Optimise(problem, 100).ChosenMeasureIds.ShouldBe(["useful"]);
    }

    [Fact]
    public void Optimise_EqualReductions_PrefersTheCheaperSet()
    {
        var problem = new PortfolioProblem([Candidate("dear", 9, 5), Candidate("cheap", 2, 5)]);
        PortfolioOptimiser.Optimise(problem, 10).ChosenMeasureIds.ShouldBe(["cheap"]);
    }

    [Fact]
    public void Optimise_CentCosts_FitABudgetExactly()
    {
        // 0.07 × 100 is 7.000000000000001 in binary floating point: must still count as 7 cents.
        var problem = new PortfolioProblem([Candidate("a", 0.07, 1), Candidate("b", 0.03, 1), Candidate("c", 2.5e8, 1), Candidate("d", 2.5e8, 1)]);
        PortfolioOptimiser.Optimise(problem, 0.10).ChosenMeasureIds.ShouldBe(["a", "b"]);
        PortfolioOptimiser.Optimise(problem, 5e8 + 0.09).ChosenMeasureIds.Count.ShouldBe(3, "one cent short of all four");
        PortfolioOptimiser.Optimise(problem, 5e8 + 0.10).ChosenMeasureIds.ShouldBe(["a", "b", "c", "d"]);
    }

    [Fact]
    public void Optimise_SameProblemTwice_GivesTheSameSet()
    {
        var problem = RandomProblem(new Random(99), 12, integerReductions: true);
        PortfolioOptimiser.Optimise(problem, 150).ShouldBeEquivalentTo(PortfolioOptimiser.Optimise(problem, 150));
    }

    [Theory]
    [InlineData(20261123, false)]
    [InlineData(42, true)]
    public void Optimise_RandomInstances_MatchesBruteForceOverAllSubsets(int seed, bool integerReductions)
    {
        var random = new Random(seed);
        for (var instance = 0; instance < 40; instance++)
        {
            var problem = RandomProblem(random, random.Next(1, 11), integerReductions);
            var budget = random.Next(0, (int)problem.Candidates.Sum(c => c.CostEuros) + 2);

            var selection = PortfolioOptimiser.Optimise(problem, budget);
            var oracle = BruteForce(problem, budget);

            selection.RiskReduction.ShouldBe(oracle.Reduction, 1e-9 * Math.Max(1, oracle.Reduction), $"instance {instance}, budget {budget}");
            selection.CostEuros.ShouldBe(oracle.Cost, 1e-9, $"instance {instance}: the cheapest optimal set");
            Feasible(problem, selection.ChosenMeasureIds.ToHashSet(), budget).ShouldBeTrue($"instance {instance}");
        }
    }

    [Fact]
    public void Optimise_InstanceThatTrippedCpSatPresolve_FindsTheOptimum()
    {
        // Found by the frontier test: with presolve on, OR-Tools 9.15.6755 called the second (cheapest-set) pass
        // infeasible. Brute force: m0 + m3 + m6 = 547 865 527 271 for €60.00 of the €63.60 budget.
        double[] reductions = [101332152168, 101777870401, 50887265662, 192209271110, 38394397989, 93835282617, 254324103993, 145913342488, 120837941349];
        double[] costs = [15, 30, 19, 12, 13, 5, 33, 41, 44];
        var requires = new Dictionary<int, string[]> { [2] = ["m3"], [4] = ["m6"], [6] = ["m0"], [8] = ["m0", "m4", "m6"] };
        var excludes = new Dictionary<int, string[]> { [4] = ["m0"], [6] = ["m8"], [8] = ["m2"] };
        var problem = new PortfolioProblem(reductions.Select((r, i) =>
            Candidate($"m{i}", costs[i], r, requires.GetValueOrDefault(i), excludes.GetValueOrDefault(i))));

        var selection = PortfolioOptimiser.Optimise(problem, 63.60);

        selection.ChosenMeasureIds.ShouldBe(["m0", "m3", "m6"]);
        selection.RiskReduction.ShouldBe(547_865_527_271, 1e-3);
        BruteForce(problem, 63.60).Reduction.ShouldBe(selection.RiskReduction, 1e-3);
    }

    [Fact]
    public void Frontier_RandomInstances_MoreBudgetNeverLessReduction()
    {
        var random = new Random(7);
        for (var instance = 0; instance < 5; instance++)
        {
            var problem = RandomProblem(random, 9, integerReductions: false);
            var total = problem.Candidates.Sum(c => c.CostEuros);
            var budgets = Enumerable.Range(0, 21).Select(i => total * i / 20.0).Reverse().ToList();

            var frontier = PortfolioOptimiser.Frontier(problem, budgets);

            frontier.Points.Select(p => p.BudgetEuros).ShouldBe(budgets.Order().ToList());
            for (var i = 1; i < frontier.Points.Count; i++)
                frontier.Points[i].RiskReduction.ShouldBeGreaterThanOrEqualTo(frontier.Points[i - 1].RiskReduction - 1e-9);
            frontier.Points[0].ChosenMeasureIds.ShouldBeEmpty();
            frontier.Points[^1].RiskReduction.ShouldBe(BruteForce(problem, total).Reduction, 1e-9 * total);
        }
    }

    [Fact]
    public void Optimise_HundredTwentyCandidates_SolvesAndBeatsAFeasibleGreedySet()
    {
        // Too many for brute force: the exact optimum must at least match a greedy feasible set (best ratio first).
        var random = new Random(2026);
        var problem = RandomProblem(random, 120, integerReductions: false, linkProbability: 0.01);
        var budget = problem.Candidates.Sum(c => c.CostEuros) / 4;

        var selection = PortfolioOptimiser.Optimise(problem, budget);

        Feasible(problem, selection.ChosenMeasureIds.ToHashSet(), budget).ShouldBeTrue();
        selection.RiskReduction.ShouldBeGreaterThanOrEqualTo(Greedy(problem, budget) - 1e-9);
    }

    [Property(MaxTest = 40, Replay = "(20261123,521)")]
    public Property Optimise_MoreBudget_NeverLessReductionAndNeverOverBudget() =>
        Prop.ForAll(Gen.Choose(0, 10_000).SelectMany(seed => Gen.Choose(0, 300).SelectMany(b => Gen.Choose(0, 300).Select(extra => (seed, b, extra)))).ToArbitrary(), t =>
        {
            var problem = RandomProblem(new Random(t.seed), 8, integerReductions: false);
            var smaller = PortfolioOptimiser.Optimise(problem, t.b);
            var larger = PortfolioOptimiser.Optimise(problem, t.b + t.extra);
            return larger.RiskReduction >= smaller.RiskReduction - 1e-9 && smaller.CostEuros <= t.b && larger.CostEuros <= t.b + t.extra;
        });

    [Fact]
    public void Frontier_EvenlySpacedPoints_RunFromZeroToTheFullCost()
    {
        var frontier = PortfolioOptimiser.Frontier(Hand(), 11);
        frontier.Points.Select(p => p.BudgetEuros).ShouldBe(Enumerable.Range(0, 11).Select(i => i * 1.0).ToList());
        frontier.Points[0].ChosenMeasureIds.ShouldBeEmpty();
        frontier.Points[^1].RiskReduction.ShouldBe(23);
        frontier.Points.Select(p => p.RiskReduction).ShouldBe([0, 1, 5, 7, 10, 12, 15, 17, 18, 22, 23]);
    }

    [Fact]
    public void SelectionFrequencies_ExclusiveRivals_CountsHowOftenEachWins()
    {
        // A and B exclude each other; A has the larger reduction in 7 of 10 draws; C always fits and always pays.
        var problem = new PortfolioProblem([Candidate("A", 1, 5, excludes: ["B"]), Candidate("B", 1, 5), Candidate("C", 1, 1)]);
        var draws = Enumerable.Range(0, 10)
            .Select(d => (IReadOnlyList<double>)[d < 7 ? 6.0 : 4.0, 5.0, 1.0]).ToList();

        var result = PortfolioOptimiser.SelectionFrequencies(problem, 2, draws);

        result.Draws.ShouldBe(10);
        result.Measures.Select(m => m.Share).ShouldBe([0.7, 0.3, 1.0]);
        result.Measures[0].TimesChosen.ShouldBe(7);
    }

    [Fact]
    public void SelectionFrequencies_DrawWithWrongLength_ThrowsNamingTheDraw()
    {
        Should.Throw<ArgumentException>(() => PortfolioOptimiser.SelectionFrequencies(Hand(), 5, [[1, 2, 3, 4], [1, 2]]))
            .Message.ShouldContain("reductionDraws[1] has 2 values; the problem has 4 candidates");
    }

    [Fact]
    public void SelectionFrequencies_FromEffectDraws_ReproducibleWithSeedAndCentredOnTheMean()
    {
        // Two rival dike designs: "wide" range 0.3–0.5–0.7 (mean 0.5), "narrow" exactly 0.55. With a 4.5 m budget only one fits.
        var scenarios = new[] { Scenario("flood", 0.01, euroDamage: 1e9) };
        var measures = new[]
        {
            new ModelledMeasure("wide", MeasureKind.Preventive, Costs(4e6), [new MeasureEffect("flood", new EffectRange(0.3, 0.5, 0.7))]),
            new ModelledMeasure("narrow", MeasureKind.Preventive, Costs(4e6), [Likelihood("flood", 0.55)]),
        };
        var valuation = RiskValuation.Monetised(Table());
        var draws = MeasureEffectDraws.Draw(measures, scenarios, valuation, OneYear(), 400, seed: 5);
        var again = MeasureEffectDraws.Draw(measures, scenarios, valuation, OneYear(), 400, seed: 5);
        draws.SelectMany(d => d).ShouldBe(again.SelectMany(d => d));

        // Mean reduction of "wide" is 0.01 × 1e9 × 0.5 = €5 m; the sd of one draw is 0.01 × 1e9 × 0.0816 ≈ €0.82 m,
        // so the mean of 400 is within 0.2 m at about five standard errors.
        draws.Average(d => d[0]).ShouldBe(5e6, 2e5);
        draws.ShouldAllBe(d => Math.Abs(d[1] - 4.5e6) < 1e-6);

        var problem = PortfolioProblem.FromMeasures(measures, scenarios, valuation, OneYear());
        var result = PortfolioOptimiser.SelectionFrequencies(problem, 4.5e6, draws);

        // "wide" wins when its multiplier is below 0.55: for the triangle 0.3–0.5–0.7,
        // P(T < 0.55) = 1 − (0.7 − 0.55)² / ((0.7 − 0.3)(0.7 − 0.5)) = 1 − 0.0225 / 0.08 = 0.71875; 0.08 is 3.5 standard errors of 400 draws.
        result.Deterministic.ChosenMeasureIds.ShouldBe(["wide"]);
        result.Measures[0].Share.ShouldBe(0.71875, 0.08);
        (result.Measures[0].TimesChosen + result.Measures[1].TimesChosen).ShouldBe(400);
    }

    [Fact]
    public void PortfolioProblem_UnknownPrerequisite_ThrowsNamingBoth()
    {
        Should.Throw<ArgumentException>(() => new PortfolioProblem([Candidate("A", 1, 1, requires: ["Z"])]))
            .Message.ShouldContain("Candidate 'A' requires or excludes 'Z', which is not a candidate");
    }

    [Fact]
    public void PortfolioProblem_DuplicateId_Throws()
    {
        Should.Throw<ArgumentException>(() => new PortfolioProblem([Candidate("A", 1, 1), Candidate("A", 2, 2)]))
            .Message.ShouldContain("'A' occurs twice");
    }

    [Fact]
    public void PortfolioCandidate_NegativeReduction_ThrowsNamingTheCandidate()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Candidate("A", 1, -2))
            .Message.ShouldContain("RiskReduction of candidate 'A' = -2");
    }

    [Fact]
    public void Optimise_NegativeBudget_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PortfolioOptimiser.Optimise(Hand(), -1)).Message.ShouldContain("budget = -1");
    }

    [Fact]
    public void FromMeasures_UsesNominalCostsAndPresentValueReductions()
    {
        // €10 m a year of EAD halved for 2 years at 0 %: reduction €10 m; cost 1 m + 2 × 0.5 m = €2 m.
        var dikes = new ModelledMeasure("dikes", MeasureKind.Preventive, Costs(1e6, 5e5, 2026, 2), [Likelihood("flood", 0.5)], excludes: ["pumps"]);
        var pumps = new ModelledMeasure("pumps", MeasureKind.Reactive, Costs(1e6), [Reduction("flood", "3.1", 0.1)]);
        var problem = PortfolioProblem.FromMeasures([dikes, pumps], [Scenario("flood", 0.01, euroDamage: 1e9)],
            RiskValuation.Monetised(Table()), new AppraisalPeriod(2026, 5, 0));
        problem.Candidates[0].CostEuros.ShouldBe(2e6);
        problem.Candidates[0].RiskReduction.ShouldBe(1e7, 1e-6);
        problem.Candidates[0].Excludes.ShouldBe(["pumps"]);
        problem.Candidates[1].RiskReduction.ShouldBe(1e6, 1e-6);
    }

    private static PortfolioProblem RandomProblem(Random random, int n, bool integerReductions, double linkProbability = 0.1)
    {
        var ids = Enumerable.Range(0, n).Select(i => $"m{i}").ToArray();
        return new PortfolioProblem(ids.Select((id, i) =>
        {
            var requires = ids.Where((_, j) => j != i && random.NextDouble() < linkProbability).ToArray();
            var excludes = ids.Where((other, j) => j != i && !requires.Contains(other) && random.NextDouble() < linkProbability * 0.8).ToArray();
            var reduction = integerReductions ? random.Next(0, 20) : random.NextDouble() * 100;
            return Candidate(id, random.Next(1, 60), reduction, requires, excludes);
        }));
    }

    private static bool Feasible(PortfolioProblem problem, HashSet<string> chosen, double budget) =>
        problem.Candidates.Where(c => chosen.Contains(c.MeasureId)).Sum(c => c.CostEuros) <= budget
        && problem.Candidates.Where(c => chosen.Contains(c.MeasureId)).All(c =>
            c.Requires.All(chosen.Contains) && !c.Excludes.Any(chosen.Contains));

    /// <summary>A feasible set built by ratio: take a candidate when it, with what it requires, fits and breaks no exclusion.</summary>
    private static double Greedy(PortfolioProblem problem, double budget)
    {
        var chosen = new HashSet<string>();
        foreach (var candidate in problem.Candidates.OrderByDescending(c => c.RiskReduction / c.CostEuros))
        {
            var trial = new HashSet<string>(chosen) { candidate.MeasureId };
            foreach (var required in candidate.Requires) trial.Add(required);
            if (Feasible(problem, trial, budget)) chosen = trial;
        }
        return problem.Candidates.Where(c => chosen.Contains(c.MeasureId)).Sum(c => c.RiskReduction);
    }

    /// <summary>The oracle: every subset, the largest reduction, then the smallest cost among the optimal sets.</summary>
    private static (double Reduction, double Cost) BruteForce(PortfolioProblem problem, double budget)
    {
        var n = problem.Candidates.Count;
        var subsets = new List<(double Reduction, double Cost)>();
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var chosen = problem.Candidates.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (!Feasible(problem, chosen.Select(c => c.MeasureId).ToHashSet(), budget)) continue;
            subsets.Add((chosen.Sum(c => c.RiskReduction), chosen.Sum(c => c.CostEuros)));
        }
        var best = subsets.Max(s => s.Reduction);
        return (best, subsets.Where(s => s.Reduction >= best - 1e-9).Min(s => s.Cost));
    }
}
