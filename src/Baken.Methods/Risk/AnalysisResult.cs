namespace Baken.Methods.Risk;

/// <summary>The settings of a run as plain values, recorded with the result.</summary>
/// <param name="Weights">The profile's normalised weights per criterion code, in criteria order.</param>
/// <param name="MonteCarloBlockSize">Iterations per random-stream block (fixed; part of the reproducibility contract).</param>
public sealed record SettingsRecord(
    string Profile,
    IReadOnlyList<CriterionWeight> Weights,
    double Factor,
    int Iterations,
    long Seed,
    double? DirichletConcentration,
    BandRounding BandRounding,
    IReadOnlyList<double> LikelihoodLowerBounds,
    double LikelihoodHorizonYears,
    int LikelihoodScaleVersion,
    ThreatRuleKind ThreatRule,
    IReadOnlyList<double> SensitivityFactors,
    IReadOnlyList<string> SensitivityProfiles,
    int MonteCarloBlockSize,
    string? CodeVersion);

public sealed record CriterionWeight(string Criterion, string Interest, double Weight);

/// <summary>How one analyst's likelihood class was obtained.</summary>
/// <param name="Judgement">The class or range used ("C", "B-D~C").</param>
/// <param name="Explanation">How it was found (stated, from a probability, or suggested by the threat rule).</param>
/// <param name="SuggestedByRule">For threats with sub-judgements: the class the rule suggests.</param>
/// <param name="OverrideReason">Reason when the analyst overrode the rule.</param>
public sealed record AnalystLikelihood(
    string Analyst,
    string Organisation,
    string Judgement,
    ImpactClass PointClass,
    string Explanation,
    ImpactClass? SuggestedByRule,
    string? OverrideReason,
    Confidence? Confidence);

/// <summary>Monte Carlo outcome for one scenario.</summary>
/// <param name="P05">5th percentile of I(s) (linear interpolation between order statistics, R-7).</param>
/// <param name="P50">Median of I(s).</param>
/// <param name="P95">95th percentile of I(s).</param>
/// <param name="BandP05">5th percentile of the band (nearest rank).</param>
/// <param name="LikelihoodP05">5th percentile of the drawn likelihood class (nearest rank).</param>
/// <param name="PTop5">Probability of ranking in the top 5.</param>
/// <param name="PTop10">Probability of ranking in the top 10.</param>
/// <param name="RankDistribution">Probability of each rank; element r − 1 is P(rank = r).</param>
/// <param name="BandDistribution">Probability of each band, indexed X, A, …, E.</param>
public sealed record MonteCarloSummary(
    double P05,
    double P50,
    double P95,
    double Mean,
    ImpactClass BandP05,
    ImpactClass BandP50,
    ImpactClass BandP95,
    ImpactClass LikelihoodP05,
    ImpactClass LikelihoodP50,
    ImpactClass LikelihoodP95,
    double PTop5,
    double PTop10,
    double MedianRank,
    IReadOnlyList<double> RankDistribution,
    IReadOnlyList<double> BandDistribution);

/// <summary>A scenario's rank under one sensitivity variant.</summary>
public sealed record VariantRank(string Variant, int Rank);

/// <summary>Ranks of a scenario across the sensitivity variants.</summary>
/// <param name="MinRank">Best (lowest) rank over the variants.</param>
/// <param name="MaxRank">Worst rank over the variants.</param>
/// <param name="Flagged">True when some variant moves the scenario more than two places from its base rank.</param>
public sealed record SensitivityOutcome(IReadOnlyList<VariantRank> Ranks, int MinRank, int MaxRank, int RankRange, int LargestMove, bool Flagged);

/// <summary>The analysis of one scenario.</summary>
/// <param name="Likelihood">Consensus likelihood class (median of the analysts' classes, even count: higher middle).</param>
/// <param name="ImpactValue">The deterministic I(s) of the consensus classes with the run's profile and factor.</param>
/// <param name="ImpactBand">Band of <paramref name="ImpactValue"/>.</param>
/// <param name="Rank">1 = highest I(s); ties by higher likelihood, then scenario id (ordinal).</param>
/// <param name="Criteria">Consensus and spread per criterion, in criteria order.</param>
/// <param name="MonteCarlo">Null when the run had 0 iterations.</param>
/// <param name="MedalRank">Rank by the medal method.</param>
/// <param name="EvamixRank">Rank by Evamix-style net dominance.</param>
/// <param name="EvamixNetDominance">Net dominance score, in [−(n − 1), n − 1].</param>
public sealed record ScenarioResult(
    string Id,
    string Title,
    string Theme,
    RiskKind Kind,
    int ClassificationLevel,
    ImpactClass Likelihood,
    double ImpactValue,
    ImpactClass ImpactBand,
    int Rank,
    IReadOnlyList<ClassDisagreement> Criteria,
    ClassDisagreement LikelihoodDisagreement,
    IReadOnlyList<AnalystLikelihood> AnalystLikelihoods,
    ScenarioDisagreement Disagreement,
    MonteCarloSummary? MonteCarlo,
    int MedalRank,
    int EvamixRank,
    double EvamixNetDominance,
    SensitivityOutcome Sensitivity);

/// <summary>The result of an integrated analysis.</summary>
/// <param name="Scenarios">One result per scenario, ordered by rank.</param>
/// <param name="OutrankingOrder">Scenario ids in the row/column order of <paramref name="Outranking"/> (ordinal id order).</param>
/// <param name="Outranking">Outranking[i][j] = P(scenario i ranks above scenario j) over the Monte Carlo draws; diagonal 0; empty without Monte Carlo.</param>
/// <param name="SensitivityVariants">Names of the sensitivity variants, in the order of each scenario's ranks.</param>
public sealed record AnalysisResult(
    SettingsRecord Settings,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<string> OutrankingOrder,
    IReadOnlyList<IReadOnlyList<double>> Outranking,
    IReadOnlyList<string> SensitivityVariants);
