using Baken.Methods.Risk;

namespace Baken.Methods.Tests.Risk;

/// <summary>Builders for analysis inputs, so tests state only what matters to them.</summary>
internal static class RiskBuilders
{
    /// <summary>Criteria "c1".."cN", each under its own interest "i1".."iN" unless interests are given.</summary>
    public static Criterion[] Criteria(int count, Func<int, string>? interest = null) =>
        Enumerable.Range(1, count).Select(i => new Criterion($"c{i}", interest?.Invoke(i) ?? $"i{i}")).ToArray();

    public static PreferenceProfile EqualWeights(IReadOnlyList<Criterion> criteria) =>
        PreferenceProfile.FromCriterionWeights("equal", criteria.ToDictionary(c => c.Code, _ => 1.0));

    /// <summary>An assessment whose impact judgements are given as text in criteria order ("C", "B-D~C").</summary>
    public static AnalystAssessment Analyst(string name, string likelihood, params string[] impacts) =>
        new(name, "ORG-" + name, new LikelihoodJudgement(ClassJudgement.Parse(likelihood)), 5,
            impacts.Select((text, i) => (Code: $"c{i + 1}", Judgement: ClassJudgement.Parse(text))).ToDictionary(x => x.Code, x => x.Judgement));

    public static ScenarioInput Scenario(string id, params AnalystAssessment[] analysts) =>
        new(id, "Title " + id, "T1", RiskKind.Hazard, 0, analysts);

    public static ScenarioInput Scenario(string id, string theme, params AnalystAssessment[] analysts) =>
        new(id, "Title " + id, theme, RiskKind.Hazard, 0, analysts);

    /// <summary>A scenario scored by one analyst with fixed classes.</summary>
    public static ScenarioInput Single(string id, string likelihood, params string[] impacts) =>
        Scenario(id, Analyst("a1", likelihood, impacts));

    public static AnalysisSettings Settings(IReadOnlyList<Criterion> criteria, int iterations = 0, long seed = 1) =>
        new(EqualWeights(criteria)) { Iterations = iterations, Seed = seed };

    /// <summary>A seeded random input: <paramref name="scenarios"/> × <paramref name="criteria"/> × <paramref name="analysts"/> with ranges.</summary>
    public static AnalysisInput RandomInput(int seed, int scenarios, int criteria, int analysts)
    {
        var random = new Random(seed);
        var crit = Criteria(criteria, i => $"i{(i + 1) / 2}");
        var list = new List<ScenarioInput>();
        for (var s = 0; s < scenarios; s++)
        {
            var assessments = new List<AnalystAssessment>();
            for (var a = 0; a < analysts; a++)
            {
                var impacts = new Dictionary<string, ClassJudgement>();
                foreach (var c in crit)
                {
                    var low = random.Next(0, 6);
                    var high = Math.Min(5, low + random.Next(0, 3));
                    var withMode = random.Next(3) > 0;
                    impacts[c.Code] = new ClassJudgement((ImpactClass)low, (ImpactClass)high, withMode ? (ImpactClass)random.Next(low, high + 1) : null);
                }
                var lik = random.Next(1, 6);
                assessments.Add(new AnalystAssessment($"an{a}", $"org{a % 3}", new LikelihoodJudgement(ClassJudgement.Of((ImpactClass)lik)), 5, impacts));
            }
            list.Add(new ScenarioInput($"S{s:D2}", $"Scenario {s}", $"T{s % 3}", RiskKind.Hazard, 0, assessments));
        }
        return new AnalysisInput(crit, list);
    }
}
