namespace Baken.Methods.Measures;

/// <summary>
/// A measure as a portfolio option: what it costs against the budget and how much risk it removes.
/// </summary>
/// <param name="MeasureId">Unique id.</param>
/// <param name="CostEuros">Cost counted against the budget, euros, 0 … 10¹³ (the caller chooses the basis: nominal or present value over the period).</param>
/// <param name="RiskReduction">Expected risk reduction, ≥ 0, in one unit for all candidates (e.g. present-value euros of avoided damage, or risk points).</param>
/// <param name="Requires">Ids of candidates that must be chosen whenever this one is.</param>
/// <param name="Excludes">Ids of candidates that cannot be chosen together with this one.</param>
public sealed record PortfolioCandidate(
    string MeasureId, double CostEuros, double RiskReduction, IReadOnlyList<string> Requires, IReadOnlyList<string> Excludes)
{
    public string MeasureId { get; } = MeasureGuard.Code(MeasureId, nameof(MeasureId), nameof(MeasureId));

    public double CostEuros { get; } = CheckCost(CostEuros, MeasureId);

    public double RiskReduction { get; } = CheckReduction(RiskReduction, MeasureId);

    public IReadOnlyList<string> Requires { get; } = MeasureGuard.Ids(Requires, $"Requires of candidate '{MeasureId}'", nameof(Requires));

    public IReadOnlyList<string> Excludes { get; } = MeasureGuard.Ids(Excludes, $"Excludes of candidate '{MeasureId}'", nameof(Excludes));

    /// <summary>
    /// The candidate for <paramref name="measure"/>: its present-value risk reduction over <paramref name="period"/>
    /// (see <see cref="MeasureAppraisal"/>) and its cost over the period, nominal (what a ministry budget counts) or
    /// discounted.
    /// </summary>
    public static PortfolioCandidate FromMeasure(
        ModelledMeasure measure,
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        RiskValuation valuation,
        AppraisalPeriod period,
        PortfolioCostBasis costBasis = PortfolioCostBasis.Nominal,
        EffectEstimate estimate = EffectEstimate.Mean)
    {
        var appraisal = MeasureAppraisal.Appraise(measure, scenarios, valuation, period, estimate);
        var cost = costBasis == PortfolioCostBasis.Nominal ? measure.Costs.NominalCost(period) : appraisal.PresentValueCostEuros;
        return new PortfolioCandidate(measure.Id, cost, appraisal.PresentValueRiskReduction, measure.Requires, measure.Excludes);
    }

    private static double CheckCost(double value, string id)
    {
        MeasureGuard.NonNegative(value, $"CostEuros of candidate '{id}'", nameof(CostEuros));
        if (value > MeasureCosts.MaximumEuros)
            throw new ArgumentOutOfRangeException(nameof(CostEuros), value, $"CostEuros of candidate '{id}' = {MeasureGuard.Format(value)} exceeds 1E+13 euros.");
        return value;
    }

    private static double CheckReduction(double value, string id)
    {
        MeasureGuard.NonNegative(value, $"RiskReduction of candidate '{id}'", nameof(RiskReduction));
        return value;
    }
}

/// <summary>Which cost of a measure counts against a portfolio budget.</summary>
public enum PortfolioCostBasis
{
    /// <summary>Undiscounted sum of the costs inside the appraisal period.</summary>
    Nominal,

    /// <summary>Present value of the costs inside the appraisal period.</summary>
    PresentValue,
}

/// <summary>
/// The options of a portfolio choice: unique ids, with every prerequisite and exclusion naming another candidate.
/// Exclusions are symmetric (A excludes B forbids B with A too).
/// </summary>
public sealed record PortfolioProblem
{
    /// <summary>Largest total cost of all candidates together, euros: costs become integer cents in the solver.</summary>
    public const double MaximumTotalCostEuros = 1e15;

    /// <summary>At most 10 000 candidates costing at most 10¹⁵ euros together.</summary>
    public PortfolioProblem(IEnumerable<PortfolioCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = new List<PortfolioCandidate>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(candidates));
            if (!index.TryAdd(candidate.MeasureId, list.Count))
                throw new ArgumentException($"Candidate '{candidate.MeasureId}' occurs twice: measure ids must be unique.", nameof(candidates));
            list.Add(candidate);
        }
        if (list.Count > 10_000)
            throw new ArgumentException($"{list.Count} candidates exceed the 10 000 a portfolio accepts.", nameof(candidates));
        var totalCost = list.Sum(c => c.CostEuros);
        if (totalCost > MaximumTotalCostEuros)
            throw new ArgumentException(
                $"The candidates cost {MeasureGuard.Format(totalCost)} euros together, more than the 1E+15 the solver's integer scaling allows.", nameof(candidates));
        foreach (var candidate in list)
        {
            foreach (var other in candidate.Requires.Concat(candidate.Excludes))
            {
                if (!index.ContainsKey(other))
                    throw new ArgumentException(
                        $"Candidate '{candidate.MeasureId}' requires or excludes '{other}', which is not a candidate: add it or drop the link.", nameof(candidates));
                if (other == candidate.MeasureId)
                    throw new ArgumentException($"Candidate '{candidate.MeasureId}' requires or excludes itself.", nameof(candidates));
            }
        }
        Candidates = list;
        Index = index;
    }

    public IReadOnlyList<PortfolioCandidate> Candidates { get; }

    internal IReadOnlyDictionary<string, int> Index { get; }

    /// <summary>
    /// The candidates for <paramref name="measures"/> (see <see cref="PortfolioCandidate.FromMeasure"/>).
    /// </summary>
    public static PortfolioProblem FromMeasures(
        IEnumerable<ModelledMeasure> measures,
        IReadOnlyCollection<ScenarioBaseline> scenarios,
        RiskValuation valuation,
        AppraisalPeriod period,
        PortfolioCostBasis costBasis = PortfolioCostBasis.Nominal,
        EffectEstimate estimate = EffectEstimate.Mean)
    {
        ArgumentNullException.ThrowIfNull(measures);
        return new PortfolioProblem(measures.Select(m => PortfolioCandidate.FromMeasure(m, scenarios, valuation, period, costBasis, estimate)));
    }

    /// <summary>The same options with other risk reductions (one per candidate, same order), e.g. one Monte Carlo draw.</summary>
    public PortfolioProblem WithReductions(IReadOnlyList<double> reductions)
    {
        ArgumentNullException.ThrowIfNull(reductions);
        if (reductions.Count != Candidates.Count)
            throw new ArgumentException($"reductions has {reductions.Count} values; the problem has {Candidates.Count} candidates.", nameof(reductions));
        return new PortfolioProblem(Candidates.Select((c, i) => new PortfolioCandidate(c.MeasureId, c.CostEuros, reductions[i], c.Requires, c.Excludes)));
    }
}
