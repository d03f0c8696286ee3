using System.Globalization;

namespace Baken.Methods.Cascades.Compound;

/// <summary>The combined score of a compound scenario on one criterion.</summary>
/// <param name="Criterion">Criterion code.</param>
/// <param name="Combination">The rule applied.</param>
/// <param name="Class">'X', 'A' … 'E'.</param>
/// <param name="Quantity">For <see cref="CriterionCombination.SumThenReclass"/>, the summed quantity; null for max class.</param>
/// <param name="Explanation">How the class came about, e.g. "sum 40 (S1) + 70 (S2) = 110 → C (C from 100)".</param>
public sealed record CompoundCriterionScore(string Criterion, CriterionCombination Combination, char Class, double? Quantity, string Explanation);

/// <summary>A compound scenario's combined scores and likelihood.</summary>
/// <param name="ScenarioIds">The parts, in the order given.</param>
/// <param name="Probability">Probability that all parts happen within the horizon, under <paramref name="Dependence"/>.</param>
/// <param name="ProbabilityLowerBound">The lowest joint probability any dependence allows (Fréchet): max(0, Σ p_i − (n − 1)).</param>
/// <param name="ProbabilityUpperBound">The highest joint probability any dependence allows (Fréchet): min p_i.</param>
/// <param name="Dependence">The stated dependence assumption.</param>
/// <param name="LikelihoodExplanation">The computation in words.</param>
/// <param name="Criteria">One combined score per rule, in the order of the rules.</param>
public sealed record CompoundScenarioResult(
    IReadOnlyList<string> ScenarioIds,
    double Probability,
    double ProbabilityLowerBound,
    double ProbabilityUpperBound,
    DependenceAssumption Dependence,
    string LikelihoodExplanation,
    IReadOnlyList<CompoundCriterionScore> Criteria);

/// <summary>
/// Compound scenarios (METHODS.md §2): two or more scenarios at once, e.g. a pandemic during a cyber attack on
/// hospitals. Impacts combine per criterion by the rule chosen for that criterion; the likelihood follows the stated
/// dependence assumption. "At once" is read as "all within the same horizon", the horizon of the parts' probabilities.
/// </summary>
public static class CompoundScenario
{
    /// <summary>Tolerance for the coherence check of conditional probabilities (rounding of entered values).</summary>
    private const double CoherenceSlack = 1e-12;

    /// <param name="parts">Two or more scenarios, unique identifiers; probabilities over one common horizon.</param>
    /// <param name="rules">One rule per criterion, unique; every criterion a part scores must have a rule.</param>
    /// <param name="dependence">Independent, or conditional probabilities (one per part after the first).</param>
    public static CompoundScenarioResult Combine(
        IReadOnlyList<ScenarioPart> parts, IReadOnlyList<CriterionRule> rules, DependenceAssumption dependence)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(dependence);
        ValidateParts(parts);
        var ruleByCriterion = ValidateRules(rules);
        foreach (var part in parts)
            foreach (var score in part.Scores)
                if (!ruleByCriterion.ContainsKey(score.Criterion))
                    throw new ArgumentException(
                        $"Scenario '{part.ScenarioId}' scores criterion '{score.Criterion}', for which no combination rule is given.",
                        nameof(rules));

        var criteria = rules.Select(rule => CombineCriterion(parts, rule)).ToArray();
        var (probability, explanation) = Likelihood(parts, dependence);
        var lower = Math.Max(0, parts.Sum(p => p.Probability) - (parts.Count - 1));
        var upper = parts.Min(p => p.Probability);
        return new CompoundScenarioResult(
            parts.Select(p => p.ScenarioId).ToArray(), probability, lower, upper, dependence, explanation, criteria);
    }

    private static CompoundCriterionScore CombineCriterion(IReadOnlyList<ScenarioPart> parts, CriterionRule rule)
    {
        var scores = parts
            .Select(p => (p.ScenarioId, Score: p.Scores.FirstOrDefault(s => s.Criterion == rule.Criterion)
                                               ?? new CriterionScore(rule.Criterion, 'X', 0)))
            .ToArray();
        if (rule.Combination == CriterionCombination.MaxClass)
        {
            var worst = scores.Max(s => ImpactClassLetter.Ladder.IndexOf(s.Score.Class, StringComparison.Ordinal));
            var letter = ImpactClassLetter.At(worst);
            var terms = string.Join(", ", scores.Select(s => $"{s.Score.Class} ({s.ScenarioId})"));
            return new CompoundCriterionScore(rule.Criterion, rule.Combination, letter, null, $"max of {terms} = {letter}");
        }

        var bounds = rule.LowerBounds!;
        var quantities = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var (id, score) = scores[i];
            if (score.Quantity is { } quantity) quantities[i] = quantity;
            else if (score.Class == 'X') quantities[i] = 0;
            else
                throw new ArgumentException(
                    $"Scenario '{id}' scores criterion '{rule.Criterion}' as class {score.Class} without a quantity, but the criterion "
                    + "is combined by 'sum then re-class'. Enter the quantity, or combine this criterion by 'max class'.",
                    nameof(parts));
        }
        var sum = quantities.Sum();
        var combined = bounds.Classify(sum);
        var addends = string.Join(" + ", scores.Select((s, i) => $"{Format(quantities[i])} ({s.ScenarioId})"));
        return new CompoundCriterionScore(
            rule.Criterion, rule.Combination, combined, sum, $"sum {addends} = {Format(sum)} → {combined} ({bounds.Describe(combined)})");
    }

    private static (double Probability, string Explanation) Likelihood(IReadOnlyList<ScenarioPart> parts, DependenceAssumption dependence)
    {
        if (dependence.Kind == DependenceKind.Independent)
        {
            var product = 1.0;
            foreach (var part in parts) product *= part.Probability;
            var factors = string.Join(" × ", parts.Select(p => $"{Format(p.Probability)} ({p.ScenarioId})"));
            return (product, $"independent: p = {factors} = {Format(product)} over the horizon");
        }

        var conditionals = dependence.ConditionalProbabilities;
        if (conditionals.Count != parts.Count - 1)
            throw new ArgumentException(
                $"{conditionals.Count} conditional probabilities are given for {parts.Count} scenarios; there must be {parts.Count - 1}, "
                + "one for each scenario after the first given the ones before it.", nameof(dependence));
        var joint = parts[0].Probability;
        var text = $"{Format(joint)} ({parts[0].ScenarioId})";
        for (var i = 1; i < parts.Count; i++)
        {
            var given = string.Join(", ", parts.Take(i).Select(p => p.ScenarioId));
            joint *= conditionals[i - 1];
            text += $" × {Format(conditionals[i - 1])} (P({parts[i].ScenarioId} | {given}))";
            // P(S_1 and … and S_i) can never exceed P(S_i): otherwise the numbers contradict each other.
            if (joint > parts[i].Probability + CoherenceSlack)
                throw new ArgumentException(
                    $"The conditional probabilities give P({string.Join(" and ", parts.Take(i + 1).Select(p => p.ScenarioId))}) = {Format(joint)}, "
                    + $"more than P({parts[i].ScenarioId}) = {Format(parts[i].Probability)} on its own; the probabilities are inconsistent.",
                    nameof(dependence));
        }
        return (joint, $"conditional: p = {text} = {Format(joint)} over the horizon");
    }

    private static void ValidateParts(IReadOnlyList<ScenarioPart> parts)
    {
        if (parts.Count < 2)
            throw new ArgumentException($"A compound scenario combines two or more scenarios; {parts.Count} given.", nameof(parts));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(parts[i], $"{nameof(parts)}[{i}]");
            if (!ids.Add(parts[i].ScenarioId))
                throw new ArgumentException($"Scenario '{parts[i].ScenarioId}' takes part twice in the compound scenario.", nameof(parts));
        }
    }

    private static Dictionary<string, CriterionRule> ValidateRules(IReadOnlyList<CriterionRule> rules)
    {
        if (rules.Count == 0)
            throw new ArgumentException("At least one criterion rule is needed to combine impacts.", nameof(rules));
        var byCriterion = new Dictionary<string, CriterionRule>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(rules[i], $"{nameof(rules)}[{i}]");
            if (!byCriterion.TryAdd(rules[i].Criterion, rules[i]))
                throw new ArgumentException($"Criterion '{rules[i].Criterion}' has two combination rules; give one.", nameof(rules));
        }
        return byCriterion;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
