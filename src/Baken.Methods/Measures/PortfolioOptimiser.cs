using Google.OrTools.Sat;

namespace Baken.Methods.Measures;

/// <summary>An optimal portfolio for one budget.</summary>
/// <param name="BudgetEuros">The budget, euros.</param>
/// <param name="ChosenMeasureIds">The chosen measures, in the problem's order.</param>
/// <param name="CostEuros">Their total cost, euros (≤ the budget).</param>
/// <param name="RiskReduction">Their total risk reduction, in the candidates' unit.</param>
public sealed record PortfolioSelection(double BudgetEuros, IReadOnlyList<string> ChosenMeasureIds, double CostEuros, double RiskReduction);

/// <summary>The efficient frontier: the optimal portfolio for each budget, in ascending budget order.</summary>
public sealed record EfficientFrontier(IReadOnlyList<PortfolioSelection> Points);

/// <summary>How often one measure was in the optimal set over the Monte Carlo draws.</summary>
/// <param name="Share">TimesChosen / Draws, 0 … 1.</param>
public sealed record SelectionFrequency(string MeasureId, int TimesChosen, int Draws, double Share);

/// <summary>The robustness of a portfolio choice under uncertain effects.</summary>
/// <param name="Deterministic">The optimal set with the problem's own (expected) reductions.</param>
/// <param name="Measures">Per candidate, in the problem's order, how often it was optimal across the draws.</param>
public sealed record SelectionUncertainty(double BudgetEuros, int Draws, PortfolioSelection Deterministic, IReadOnlyList<SelectionFrequency> Measures);

/// <summary>
/// Chooses the set of measures with the largest total risk reduction within a budget, respecting prerequisites and
/// exclusions, solved exactly as a 0–1 integer programme with Google OR-Tools CP-SAT.
/// </summary>
/// <remarks>
/// <para>Model: x_m ∈ {0, 1}; maximise Σ r_m x_m subject to Σ c_m x_m ≤ B; x_a ≤ x_b for "a requires b";
/// x_a + x_b ≤ 1 for "a excludes b". Reductions add up: the objective counts each measure's stand-alone reduction,
/// which overstates sets with several measures on the same scenario (they combine multiplicatively, see
/// <see cref="ResidualRisk"/>); <see cref="MeasureAppraisal.CombinedPresentValueReduction"/> gives the chosen set's
/// real combined reduction for the report.</para>
/// <para>Integer scaling: CP-SAT needs integer coefficients. Costs are counted in whole cents, rounded up, and the
/// budget in whole cents, rounded down, so a chosen set never exceeds the real budget (only a set within a cent of
/// the budget can be missed). Reductions are multiplied by 2^40 / Σ r and rounded, a relative resolution of about
/// 10⁻¹² of the total; the reported reduction is summed from the unrounded values. Among sets with the same
/// (scaled) reduction the cheaper one is chosen, by a second solve that fixes the reduction and minimises cost, so
/// zero-value measures are never bought. Every answer is checked against the budget, prerequisites and exclusions
/// before it is returned.</para>
/// <para>The solver runs with one worker and a fixed seed, so the same problem always gives the same set.</para>
/// </remarks>
public static class PortfolioOptimiser
{
    private const double ReductionScale = 1L << 40;
    // Presolve is off: in OR-Tools 9.15.6755 its inclusion detection declared a feasible portfolio model infeasible
    // (google/or-tools#5293 reports the same family certifying a wrong optimum); a 0–1 knapsack of a few hundred
    // measures needs no presolve to be solved quickly.
    private const string SolverParameters = "num_workers:1, random_seed:20261123, cp_model_presolve:false, log_search_progress:false";

    /// <summary>The optimal set for <paramref name="budgetEuros"/> ≥ 0 euros.</summary>
    public static PortfolioSelection Optimise(PortfolioProblem problem, double budgetEuros)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckBudget(budgetEuros, nameof(budgetEuros));
        var chosen = Solve(problem, budgetEuros);
        var ids = new List<string>();
        double cost = 0, reduction = 0;
        for (var i = 0; i < chosen.Length; i++)
        {
            if (!chosen[i]) continue;
            var candidate = problem.Candidates[i];
            ids.Add(candidate.MeasureId);
            cost += candidate.CostEuros;
            reduction += candidate.RiskReduction;
        }
        return new PortfolioSelection(budgetEuros, ids, cost, reduction);
    }

    /// <summary>
    /// The optimal set for each budget (euros, ≥ 0), sorted ascending and without duplicates. More budget never
    /// gives less reduction: every set affordable at a budget is affordable at a larger one.
    /// </summary>
    public static EfficientFrontier Frontier(PortfolioProblem problem, IEnumerable<double> budgetsEuros)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(budgetsEuros);
        var budgets = budgetsEuros.ToList();
        foreach (var budget in budgets) CheckBudget(budget, nameof(budgetsEuros));
        return new EfficientFrontier(budgets.Distinct().Order().Select(b => Optimise(problem, b)).ToList());
    }

    /// <summary>
    /// The frontier at <paramref name="points"/> ≥ 2 evenly spaced budgets from 0 to the cost of all candidates together.
    /// </summary>
    public static EfficientFrontier Frontier(PortfolioProblem problem, int points)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (points is < 2 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(points), points, $"points = {points} lies outside 2 … 1000.");
        var total = problem.Candidates.Sum(c => c.CostEuros);
        return Frontier(problem, Enumerable.Range(0, points).Select(i => total * i / (points - 1)));
    }

    /// <summary>
    /// For each Monte Carlo draw of the reductions (<paramref name="reductionDraws"/>[draw][candidate], candidates in the
    /// problem's order; e.g. from <see cref="MeasureEffectDraws.Draw"/>), solves the portfolio at
    /// <paramref name="budgetEuros"/> and counts how often each measure is in the optimal set.
    /// </summary>
    public static SelectionUncertainty SelectionFrequencies(
        PortfolioProblem problem, double budgetEuros, IReadOnlyList<IReadOnlyList<double>> reductionDraws)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckBudget(budgetEuros, nameof(budgetEuros));
        ArgumentNullException.ThrowIfNull(reductionDraws);
        if (reductionDraws.Count == 0)
            throw new ArgumentException("reductionDraws is empty: give at least one draw.", nameof(reductionDraws));
        var counts = new int[problem.Candidates.Count];
        for (var d = 0; d < reductionDraws.Count; d++)
        {
            ArgumentNullException.ThrowIfNull(reductionDraws[d], nameof(reductionDraws));
            if (reductionDraws[d].Count != counts.Length)
                throw new ArgumentException(
                    $"reductionDraws[{d}] has {reductionDraws[d].Count} values; the problem has {counts.Length} candidates.", nameof(reductionDraws));
            var chosen = Solve(problem.WithReductions(reductionDraws[d]), budgetEuros);
            for (var i = 0; i < counts.Length; i++)
                if (chosen[i]) counts[i]++;
        }
        var draws = reductionDraws.Count;
        return new SelectionUncertainty(
            budgetEuros,
            draws,
            Optimise(problem, budgetEuros),
            problem.Candidates.Select((c, i) => new SelectionFrequency(c.MeasureId, counts[i], draws, (double)counts[i] / draws)).ToList());
    }

    private static void CheckBudget(double budget, string parameterName)
    {
        MeasureGuard.NonNegative(budget, "budget", parameterName);
        if (budget > 1e15)
            throw new ArgumentOutOfRangeException(parameterName, budget, $"budget = {MeasureGuard.Format(budget)} euros exceeds 1E+15.");
    }

    private static bool[] Solve(PortfolioProblem problem, double budgetEuros)
    {
        var candidates = problem.Candidates;
        var n = candidates.Count;
        if (n == 0) return [];
        var costs = candidates.Select(c => (long)Math.Ceiling(InCents(c.CostEuros))).ToArray();
        var totalReduction = candidates.Sum(c => c.RiskReduction);
        var scale = totalReduction > 0 ? ReductionScale / totalReduction : 0.0;
        var values = candidates.Select(c => (long)Math.Round(c.RiskReduction * scale)).ToArray();

        var model = new CpModel();
        var x = new BoolVar[n];
        for (var i = 0; i < n; i++) x[i] = model.NewBoolVar(candidates[i].MeasureId);
        model.AddLinearConstraint(LinearExpr.WeightedSum(x, costs), 0, (long)Math.Floor(InCents(budgetEuros)));
        for (var i = 0; i < n; i++)
        {
            foreach (var required in candidates[i].Requires) model.AddImplication(x[i], x[problem.Index[required]]);
            foreach (var excluded in candidates[i].Excludes) model.AddBoolOr([x[i].Not(), x[problem.Index[excluded]].Not()]);
        }

        var valueExpr = LinearExpr.WeightedSum(x, values);
        model.Maximize(valueExpr);
        var best = RunSolver(model);
        // Summed from the solution itself: ObjectiveValue is a double and can be off by one at 2^40.
        var optimum = 0L;
        for (var i = 0; i < n; i++)
            if (best.BooleanValue(x[i])) optimum += values[i];

        // Second pass: keep the optimal reduction, spend as little as possible (Minimize replaces the objective).
        model.AddLinearConstraint(valueExpr, optimum, values.Sum());
        model.Minimize(LinearExpr.WeightedSum(x, costs));
        var cheapest = RunSolver(model);
        var chosen = x.Select(v => cheapest.BooleanValue(v)).ToArray();
        CheckFeasible(problem, chosen, costs, (long)Math.Floor(InCents(budgetEuros)));
        return chosen;
    }

    // A solver fault must not reach a minister as an over-budget or inconsistent package: check the answer independently.
    private static void CheckFeasible(PortfolioProblem problem, bool[] chosen, long[] costs, long budgetCents)
    {
        var spent = 0L;
        for (var i = 0; i < chosen.Length; i++)
        {
            if (!chosen[i]) continue;
            spent += costs[i];
            var candidate = problem.Candidates[i];
            if (candidate.Requires.Any(r => !chosen[problem.Index[r]]) || candidate.Excludes.Any(e => chosen[problem.Index[e]]))
                throw new InvalidOperationException($"CP-SAT returned a set that breaks a prerequisite or exclusion of '{candidate.MeasureId}'.");
        }
        if (spent > budgetCents)
            throw new InvalidOperationException($"CP-SAT returned a set costing {spent} cents, over the budget of {budgetCents} cents.");
    }

    // Rounding to a millionth of a cent first keeps 0.07 × 100 = 7.000000000000001 from rounding up to 8 cents.
    private static double InCents(double euros) => Math.Round(euros * 100, 6);

    private static CpSolver RunSolver(CpModel model)
    {
        var solver = new CpSolver { StringParameters = SolverParameters };
        var status = solver.Solve(model);
        // The empty set is always feasible and no time limit is set, so anything but Optimal is a solver fault.
        if (status != CpSolverStatus.Optimal)
            throw new InvalidOperationException($"CP-SAT ended with status {status} on a portfolio problem; expected Optimal.");
        return solver;
    }
}
