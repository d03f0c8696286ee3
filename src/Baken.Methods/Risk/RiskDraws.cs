namespace Baken.Methods.Risk;

/// <summary>
/// The classes and weights drawn in the first <see cref="Count"/> iterations of an analysis's Monte Carlo (METHODS §1.5):
/// the very draws behind the run's I(s) distribution, so that other calculations (the value of measures) share its
/// uncertainty instead of drawing their own. Made by <see cref="IntegratedAnalysis.Draws"/>.
/// </summary>
public sealed class RiskDraws
{
    private readonly RecordedDraws _draws;

    internal RiskDraws(IReadOnlyList<string> scenarioIds, IReadOnlyList<string> criterionCodes, RecordedDraws draws)
    {
        ScenarioIds = scenarioIds;
        CriterionCodes = criterionCodes;
        _draws = draws;
    }

    /// <summary>Scenario ids in ordinal order (the analysis's order).</summary>
    public IReadOnlyList<string> ScenarioIds { get; }

    public IReadOnlyList<string> CriterionCodes { get; }

    /// <summary>Number of iterations kept.</summary>
    public int Count => _draws.Iterations;

    /// <summary>The class of criterion <paramref name="criterion"/> of scenario <paramref name="scenario"/> in iteration <paramref name="iteration"/>.</summary>
    public ImpactClass Class(int iteration, int scenario, int criterion) =>
        (ImpactClass)_draws.Classes[(iteration * _draws.ScenarioCount + scenario) * _draws.CriterionCount + criterion];

    public ImpactClass Likelihood(int iteration, int scenario) => (ImpactClass)_draws.Likelihoods[iteration * _draws.ScenarioCount + scenario];

    /// <summary>The weight of a criterion in an iteration (weights sum to 1; fixed unless the run drew them from a Dirichlet).</summary>
    public double Weight(int iteration, int criterion) => _draws.Weights[iteration * _draws.CriterionCount + criterion];

    /// <summary>I(s) of the iteration, exactly the run's sample.</summary>
    public double ImpactScore(int iteration, int scenario) => _draws.Samples[scenario][iteration];
}
