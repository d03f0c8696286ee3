namespace Baken.Methods.Risk;

/// <summary>
/// A reproducible synthetic register for benchmarks: scenarios scored by several analysts with ranges and
/// most-likely classes, drawn from a seed. Not for analysis: its numbers mean nothing.
/// </summary>
public static class SyntheticAssessments
{
    public static AnalysisInput Generate(int scenarios, int criteria, int analysts, int seed)
    {
        if (scenarios < 1 || criteria < 1 || analysts < 1)
            throw new ArgumentOutOfRangeException(nameof(scenarios), "Scenarios, criteria and analysts must each be at least 1.");
        var random = new Random(seed);
        var criteriaList = Enumerable.Range(1, criteria).Select(i => new Criterion($"{(i - 1) / 3 + 1}.{(i - 1) % 3 + 1}", $"{(i - 1) / 3 + 1}")).ToList();
        ClassJudgement Judgement()
        {
            var low = random.Next(0, 6);
            var high = Math.Min(5, low + random.Next(0, 3));
            var mode = random.Next(low, high + 1);
            return new ClassJudgement((ImpactClass)low, (ImpactClass)high, (ImpactClass)mode);
        }
        ClassJudgement Likelihood()
        {
            var low = random.Next(1, 6);
            var high = Math.Min(5, low + random.Next(0, 2));
            return new ClassJudgement((ImpactClass)low, (ImpactClass)high);
        }
        var list = new List<ScenarioInput>(scenarios);
        for (var s = 0; s < scenarios; s++)
        {
            var assessments = Enumerable.Range(0, analysts).Select(a => new AnalystAssessment($"analyst-{a}", $"org-{a % 4}",
                new LikelihoodJudgement(Likelihood()), 5, criteriaList.ToDictionary(c => c.Code, _ => Judgement()))).ToList();
            list.Add(new ScenarioInput($"S-{s:0000}", $"Synthetic scenario {s}", $"T{s % 9 + 1}", RiskKind.Hazard, 0, assessments));
        }
        return new AnalysisInput(criteriaList, list);
    }
}
