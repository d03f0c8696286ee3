using System.Globalization;

namespace Baken.Methods.Risk;

/// <summary>
/// The integrated risk analysis of METHODS §1: consensus and disagreement per scenario, the deterministic weighted
/// impact I(s) and its band, the ranking, the medal and Evamix robustness rankings, the sensitivity over factors and
/// profiles, and the Monte Carlo over class ranges, likelihood and weights.
/// <para>
/// Ranking: rank 1 has the highest I(s). Equal I(s) (after quantisation, see below) is decided by the higher consensus
/// likelihood class, then by the scenario id in ordinal order. The same rule holds in every Monte Carlo iteration
/// (with that iteration's drawn likelihood), so ranks are always a strict order.
/// </para>
/// <para>
/// Determinism: scenarios are processed in ordinal id order and analysts in ordinal analyst-id order, so the input's
/// row order changes nothing; the Monte Carlo depends only on the seed (see <see cref="MonteCarloEngine"/>).
/// </para>
/// </summary>
public static class IntegratedAnalysis
{
    /// <summary>Runs the analysis. Throws <see cref="ArgumentException"/> naming the scenario, analyst and field when the input is inconsistent.</summary>
    /// <param name="progress">Told the fraction of the Monte Carlo done (0 to 1) as blocks of iterations finish; it never changes the result.</param>
    public static AnalysisResult Run(AnalysisInput input, AnalysisSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(input);

        var criteria = input.Criteria;
        var codes = criteria.Select(c => c.Code).ToArray();
        var m = codes.Length;
        var profile = settings.Profile.RestrictTo(codes);
        var rawWeights = codes.Select(c => profile.RawWeights[c]).ToArray();
        var ladder = new ImpactLadder(settings.Factor, settings.BandRounding);

        var scenarios = input.Scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        var n = scenarios.Length;
        var prepared = scenarios.Select(s => Prepare(s, codes, settings)).ToArray();

        var entries = prepared.Select(p => new OrdinalRanking.Entry(p.Scenario.Id, p.Likelihood.Consensus, p.ConsensusClasses)).ToArray();
        var impactValues = prepared.Select(p => ladder.ImpactValue(rawWeights, p.ConsensusClasses)).ToArray();
        var ranks = RankByImpact(entries, impactValues, settings.Factor);
        var medal = OrdinalRanking.Medal(entries);
        var (evamix, netDominance) = OrdinalRanking.Evamix(entries, rawWeights);

        var (variantNames, variantRanks) = Sensitivity(entries, criteria, codes, settings, ranks, medal, evamix);

        MonteCarloOutput? mc = null;
        if (settings.Iterations > 0)
        {
            var model = BuildModel(prepared, rawWeights, profile, ladder, settings);
            mc = MonteCarloEngine.Run(model, settings.Iterations, settings.Seed, settings.MaxDegreeOfParallelism, progress);
        }
        var summaries = mc is null ? new MonteCarloSummary?[n] : Summarise(mc, n);

        var results = new ScenarioResult[n];
        for (var s = 0; s < n; s++)
        {
            var p = prepared[s];
            var own = variantRanks.Select(v => v[s]).ToArray();
            var largestMove = own.Max(r => Math.Abs(r - ranks[s]));
            var sensitivity = new SensitivityOutcome(
                variantNames.Select((name, v) => new VariantRank(name, own[v])).ToList(),
                own.Min(), own.Max(), own.Max() - own.Min(), largestMove, largestMove > 2);
            results[s] = new ScenarioResult(
                p.Scenario.Id, p.Scenario.Title, p.Scenario.Theme, p.Scenario.Kind, p.Scenario.ClassificationLevel,
                p.Likelihood.Consensus, impactValues[s], ladder.Band(impactValues[s]), ranks[s],
                p.Criteria, p.Likelihood, p.AnalystLikelihoods, p.Disagreement, summaries[s],
                medal[s], evamix[s], netDominance[s], sensitivity);
        }

        var outranking = new List<IReadOnlyList<double>>();
        if (mc is not null)
        {
            for (var i = 0; i < n; i++)
            {
                var row = new double[n];
                for (var j = 0; j < n; j++)
                {
                    if (i == j) continue;
                    row[j] = i < j
                        ? (double)mc.Wins[i * n + j] / mc.Iterations
                        : (double)(mc.Iterations - mc.Wins[j * n + i]) / mc.Iterations;
                }
                outranking.Add(row);
            }
        }

        var sensitivityProfiles = SensitivityProfiles(criteria, settings);
        var record = new SettingsRecord(
            profile.Name,
            criteria.Select(c => new CriterionWeight(c.Code, c.InterestCode, profile.Weights[c.Code])).ToList(),
            settings.Factor, settings.Iterations, settings.Seed, settings.DirichletConcentration, settings.BandRounding,
            settings.LikelihoodScale.LowerBounds.ToList(), settings.LikelihoodScale.HorizonYears, settings.LikelihoodScale.Version,
            settings.ThreatRule.Kind, settings.SensitivityFactors.ToList(), sensitivityProfiles.Select(x => x.Name).ToList(),
            MonteCarloEngine.BlockSize, settings.CodeVersion);

        return new AnalysisResult(
            record,
            criteria.ToList(),
            results.OrderBy(r => r.Rank).ToList(),
            scenarios.Select(s => s.Id).ToList(),
            outranking,
            variantNames);
    }

    /// <summary>
    /// The classes and weights drawn in the first <paramref name="draws"/> iterations of the Monte Carlo that
    /// <see cref="Run"/> makes with the same input and settings (same seed, same streams): the risks' own draws.
    /// </summary>
    /// <param name="draws">1 … the settings' iteration count.</param>
    public static RiskDraws Draws(AnalysisInput input, AnalysisSettings settings, int draws)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        if (draws < 1 || draws > settings.Iterations)
            throw new ArgumentOutOfRangeException(nameof(draws), draws, $"draws = {draws} lies outside 1 … {settings.Iterations} (the run's iterations).");
        Validate(input);
        var codes = input.Criteria.Select(c => c.Code).ToArray();
        var profile = settings.Profile.RestrictTo(codes);
        var rawWeights = codes.Select(c => profile.RawWeights[c]).ToArray();
        var prepared = input.Scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => Prepare(s, codes, settings)).ToArray();
        var model = BuildModel(prepared, rawWeights, profile, new ImpactLadder(settings.Factor, settings.BandRounding), settings);
        return new RiskDraws(prepared.Select(p => p.Scenario.Id).ToList(), codes, MonteCarloEngine.Record(model, draws, settings.Seed));
    }

    private sealed record Prepared(
        ScenarioInput Scenario,
        ImpactClass[] ConsensusClasses,
        IReadOnlyList<ClassDisagreement> Criteria,
        ClassDisagreement Likelihood,
        IReadOnlyList<AnalystLikelihood> AnalystLikelihoods,
        ClassJudgement[] LikelihoodJudgements,
        AnalystAssessment[] Analysts,
        ScenarioDisagreement Disagreement);

    private static Prepared Prepare(ScenarioInput scenario, string[] codes, AnalysisSettings settings)
    {
        var analysts = scenario.Assessments.OrderBy(a => a.Analyst, StringComparer.Ordinal).ToArray();
        var criteria = codes.Select(code => Consensus.Describe(code, analysts.Select(a => (a.Analyst, a.Organisation, a.Impacts[code])))).ToList();

        var likelihoods = new List<AnalystLikelihood>();
        var likelihoodJudgements = new ClassJudgement[analysts.Length];
        for (var i = 0; i < analysts.Length; i++)
        {
            var (judgement, line) = ResolveLikelihood(scenario, analysts[i], settings);
            likelihoodJudgements[i] = judgement;
            likelihoods.Add(line);
        }
        var likelihood = Consensus.Describe("likelihood", analysts.Select((a, i) => (a.Analyst, a.Organisation, likelihoodJudgements[i])));

        var apart = criteria.Where(c => c.RangeInClasses >= 2).Select(c => c.Code).ToList();
        var disagreement = new ScenarioDisagreement(
            analysts.Length,
            codes.Length == 0 ? 0 : (double)apart.Count / codes.Length,
            apart,
            criteria.Count == 0 ? 0 : criteria.Max(c => c.RangeInClasses),
            likelihood.RangeInClasses);

        return new Prepared(scenario, criteria.Select(c => c.Consensus).ToArray(), criteria, likelihood, likelihoods,
            likelihoodJudgements, analysts, disagreement);
    }

    private static (ClassJudgement Judgement, AnalystLikelihood Line) ResolveLikelihood(ScenarioInput scenario, AnalystAssessment a, AnalysisSettings settings)
    {
        var l = a.Likelihood;
        ScaleClassification? suggestion = l.Threat is { } t ? settings.ThreatRule.Suggest(t) : null;
        ClassJudgement judgement;
        string explanation;
        if (l.Stated is { } stated)
        {
            judgement = stated;
            explanation = "stated by the analyst";
        }
        else if (l.Probability is { } p)
        {
            var c = settings.LikelihoodScale.Classify(p, a.HorizonYears);
            judgement = new ClassJudgement(c.Class, c.Class, derivation: c.Explanation);
            explanation = c.Explanation;
        }
        else
        {
            judgement = ClassJudgement.Of(suggestion!.Class);
            explanation = "suggested by the threat rule: " + suggestion.Explanation;
        }
        if (l.IsOverride) explanation += $"; overrides the rule's {suggestion!.Class} ({suggestion.Explanation}) because: {l.OverrideReason}";
        if (judgement.PointClass == ImpactClass.X)
            throw new ArgumentException($"Scenario {scenario.Id}, analyst {a.Analyst}: the likelihood class is X; a likelihood is A–E.", nameof(scenario));
        return (judgement, new AnalystLikelihood(a.Analyst, a.Organisation, judgement.ToString(), judgement.PointClass, explanation,
            suggestion?.Class, l.OverrideReason, a.Confidence));
    }

    private static int[] RankByImpact(OrdinalRanking.Entry[] entries, double[] impactValues, double factor)
    {
        var scale = ImpactKey.Scale(factor);
        var keys = impactValues.Select(v => ImpactKey.Quantise(v, scale)).ToArray();
        return OrdinalRanking.Rank(entries, (a, b) => keys[a].CompareTo(keys[b]));
    }

    private static IReadOnlyList<PreferenceProfile> SensitivityProfiles(IReadOnlyList<Criterion> criteria, AnalysisSettings settings) =>
        settings.SensitivityProfiles ?? BuiltInProfiles.Create(criteria);

    private static (List<string> Names, List<int[]> Ranks) Sensitivity(
        OrdinalRanking.Entry[] entries, IReadOnlyList<Criterion> criteria, string[] codes, AnalysisSettings settings,
        int[] baseRanks, int[] medal, int[] evamix)
    {
        var names = new List<string> { "base" };
        var ranks = new List<int[]> { baseRanks };
        var baseProfile = settings.Profile.RestrictTo(codes);
        var baseWeights = codes.Select(c => baseProfile.RawWeights[c]).ToArray();
        foreach (var f in settings.SensitivityFactors)
        {
            var ladder = new ImpactLadder(f, settings.BandRounding);
            names.Add(string.Create(CultureInfo.InvariantCulture, $"f={f}"));
            ranks.Add(RankByImpact(entries, entries.Select(e => ladder.ImpactValue(baseWeights, e.Classes)).ToArray(), f));
        }
        var baseLadder = new ImpactLadder(settings.Factor, settings.BandRounding);
        foreach (var p in SensitivityProfiles(criteria, settings))
        {
            var restricted = p.RestrictTo(codes);
            var weights = codes.Select(c => restricted.RawWeights[c]).ToArray();
            names.Add("profile:" + p.Name);
            ranks.Add(RankByImpact(entries, entries.Select(e => baseLadder.ImpactValue(weights, e.Classes)).ToArray(), settings.Factor));
        }
        names.Add("medal");
        ranks.Add(medal);
        names.Add("evamix");
        ranks.Add(evamix);
        return (names, ranks);
    }

    private static MonteCarloModel BuildModel(Prepared[] prepared, double[] rawWeights, PreferenceProfile profile, ImpactLadder ladder, AnalysisSettings settings)
    {
        var n = prepared.Length;
        var m = rawWeights.Length;
        var cells = new ulong[n * m * 5];
        var lik = new ulong[n * 5];
        for (var s = 0; s < n; s++)
        {
            var p = prepared[s];
            for (var k = 0; k < m; k++)
            {
                var code = p.Criteria[k].Code;
                var mix = Pool(p.Analysts.Select(a => a.Impacts[code]));
                MonteCarloModel.WriteThresholds(mix, cells.AsSpan((s * m + k) * 5, 5));
            }
            MonteCarloModel.WriteThresholds(Pool(p.LikelihoodJudgements), lik.AsSpan(s * 5, 5));
        }

        double[]? alphas = null;
        if (settings.DirichletConcentration is { } alpha)
        {
            var sum = rawWeights.Sum();
            alphas = rawWeights.Select(w => alpha * w / sum).ToArray();
        }
        return new MonteCarloModel
        {
            ScenarioCount = n,
            CriterionCount = m,
            CellThresholds = cells,
            LikelihoodThresholds = lik,
            LadderValues = ladder.Values(),
            BandThresholds = ladder.BandThresholds(),
            RawWeights = rawWeights,
            DirichletAlphas = alphas,
            KeyScale = ImpactKey.Scale(settings.Factor),
        };
    }

    /// <summary>
    /// The pooled distribution: pick an analyst uniformly, then draw from that analyst's judgement. Drawing from this
    /// mixture in one step is the same distribution and needs one uniform instead of two.
    /// </summary>
    private static double[] Pool(IEnumerable<ClassJudgement> judgements)
    {
        var mix = new double[6];
        var count = 0;
        foreach (var j in judgements)
        {
            var p = j.ClassProbabilities();
            for (var c = 0; c < 6; c++) mix[c] += p[c];
            count++;
        }
        for (var c = 0; c < 6; c++) mix[c] /= count;
        return mix;
    }

    private static MonteCarloSummary?[] Summarise(MonteCarloOutput mc, int n)
    {
        var result = new MonteCarloSummary?[n];
        var iterations = mc.Iterations;
        Parallel.For(0, n, s =>
        {
            var draws = mc.Samples[s];
            double mean = 0;
            foreach (var d in draws) mean += d;
            mean /= iterations;
            var percentiles = OrderStatistics.R7Quantiles(draws, [0.05, 0.50, 0.95]);
            var (p05, p50, p95) = (percentiles[0], percentiles[1], percentiles[2]);

            var rankDistribution = new double[n];
            for (var r = 0; r < n; r++) rankDistribution[r] = (double)mc.RankCounts[s * n + r] / iterations;
            long top5 = 0, top10 = 0;
            for (var r = 0; r < Math.Min(10, n); r++)
            {
                if (r < 5) top5 += mc.RankCounts[s * n + r];
                top10 += mc.RankCounts[s * n + r];
            }
            var medianRank = 1 + NearestRank(mc.RankCounts.AsSpan(s * n, n), iterations, 0.5);
            var bandCounts = mc.BandCounts.AsSpan(s * 6, 6);
            var likCounts = mc.LikelihoodCounts.AsSpan(s * 6, 6);
            var bandDistribution = new double[6];
            for (var c = 0; c < 6; c++) bandDistribution[c] = (double)bandCounts[c] / iterations;

            result[s] = new MonteCarloSummary(p05, p50, p95, mean,
                (ImpactClass)NearestRank(bandCounts, iterations, 0.05),
                (ImpactClass)NearestRank(bandCounts, iterations, 0.50),
                (ImpactClass)NearestRank(bandCounts, iterations, 0.95),
                (ImpactClass)NearestRank(likCounts, iterations, 0.05),
                (ImpactClass)NearestRank(likCounts, iterations, 0.50),
                (ImpactClass)NearestRank(likCounts, iterations, 0.95),
                (double)top5 / iterations, (double)top10 / iterations, medianRank,
                rankDistribution, bandDistribution);
        });
        return result;
    }

    /// <summary>The smallest index whose cumulative count reaches ⌈p·N⌉ (nearest-rank percentile of a histogram).</summary>
    private static int NearestRank(ReadOnlySpan<long> counts, int total, double p)
    {
        var target = Math.Max(1, (long)Math.Ceiling(p * total));
        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            if (cumulative >= target) return i;
        }
        return counts.Length - 1;
    }

    private static void Validate(AnalysisInput input)
    {
        if (input.Criteria is null || input.Criteria.Count == 0)
            throw new ArgumentException("An analysis needs at least one impact criterion.", nameof(input));
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in input.Criteria)
        {
            if (!codes.Add(c.Code)) throw new ArgumentException($"Criterion code {c.Code} appears twice; codes are unique.", nameof(input));
        }
        if (input.Scenarios is null || input.Scenarios.Count == 0)
            throw new ArgumentException("An analysis needs at least one scenario.", nameof(input));
        if (input.Scenarios.Count > AnalysisLimits.MaxScenariosPerInput)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{input.Scenarios.Count:N0} scenarios exceed the limit of {AnalysisLimits.MaxScenariosPerInput:N0} scenarios per analysis."), nameof(input));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in input.Scenarios)
        {
            if (string.IsNullOrWhiteSpace(s.Id)) throw new ArgumentException("Every scenario needs an id.", nameof(input));
            if (!ids.Add(s.Id)) throw new ArgumentException($"Scenario id {s.Id} appears twice; ids are unique.", nameof(input));
            if (s.ClassificationLevel is < 0 or > 4)
                throw new ArgumentException($"Scenario {s.Id}: classification level {s.ClassificationLevel} is not 0 (Ongerubriceerd) … 4 (Stg. Zeer Geheim).", nameof(input));
            if (s.Assessments is null || s.Assessments.Count == 0)
                throw new ArgumentException($"Scenario {s.Id} has no analyst assessments.", nameof(input));
            var analysts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in s.Assessments)
            {
                if (string.IsNullOrWhiteSpace(a.Analyst)) throw new ArgumentException($"Scenario {s.Id}: an assessment has no analyst.", nameof(input));
                if (!analysts.Add(a.Analyst)) throw new ArgumentException($"Scenario {s.Id}: analyst {a.Analyst} assessed it twice.", nameof(input));
                if (a.Likelihood is null) throw new ArgumentException($"Scenario {s.Id}, analyst {a.Analyst}: likelihood is missing.", nameof(input));
                if (!double.IsFinite(a.HorizonYears) || a.HorizonYears <= 0)
                    throw new ArgumentException($"Scenario {s.Id}, analyst {a.Analyst}: horizon {a.HorizonYears.ToString(CultureInfo.InvariantCulture)} years is not a positive number.", nameof(input));
                if (a.Likelihood.Threat is not null && s.Kind != RiskKind.Threat)
                    throw new ArgumentException($"Scenario {s.Id}, analyst {a.Analyst}: intent, capability and vulnerability apply to threats only; this scenario is a hazard.", nameof(input));
                foreach (var c in input.Criteria)
                {
                    if (a.Impacts is null || !a.Impacts.ContainsKey(c.Code))
                        throw new ArgumentException($"Scenario {s.Id}, analyst {a.Analyst}: no judgement for criterion {c.Code}; use X for no impact.", nameof(input));
                }
                foreach (var code in a.Impacts!.Keys)
                {
                    if (!codes.Contains(code))
                        throw new ArgumentException($"Scenario {s.Id}, analyst {a.Analyst}: criterion {code} is not in this analysis' criteria ({string.Join(", ", codes)}).", nameof(input));
                }
            }
        }
    }
}
