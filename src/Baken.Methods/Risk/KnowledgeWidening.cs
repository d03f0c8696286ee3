namespace Baken.Methods.Risk;

/// <summary>
/// The optional widening of judgements where knowledge is weak (docs/workflow.md, "Strength of knowledge"; indicative, not
/// part of the national method): a judgement's range grows by <c>steps</c> classes on each side, within A–E, and keeps its
/// point class as the most likely class. The consensus (the median of the point classes) and so the deterministic ranking
/// stay exactly as they were; only what the Monte Carlo draws from grows. X (no impact) is a statement, not a class on the
/// ladder: a judgement of X alone stays X, and a range that starts at X keeps X as its lower end.
/// </summary>
public static class KnowledgeWidening
{
    /// <summary>The most classes a range may grow by on each side.</summary>
    public const int MaxSteps = 4;

    /// <summary>The judgement widened by <paramref name="steps"/> (0 … <see cref="MaxSteps"/>) classes on each side.</summary>
    public static ClassJudgement Widen(ClassJudgement judgement, int steps)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        if (steps is < 0 or > MaxSteps)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"A widening is 0 … {MaxSteps} classes on each side.");
        if (steps == 0 || judgement.High == ImpactClass.X) return judgement;
        var low = judgement.Low == ImpactClass.X ? ImpactClass.X : (ImpactClass)Math.Max((int)ImpactClass.A, (int)judgement.Low - steps);
        var high = (ImpactClass)Math.Min((int)ImpactClass.E, (int)judgement.High + steps);
        return new ClassJudgement(low, high, judgement.PointClass, judgement.Derivation);
    }

    /// <summary>
    /// The text of a class judgement ("C", "B-D", "B-D~C") widened; any other text (a quantity, a probability, empty) is
    /// returned as it is, so only what is stated as classes is widened.
    /// </summary>
    public static string WidenText(string? text, int steps)
    {
        if (string.IsNullOrWhiteSpace(text) || !ClassJudgement.TryParse(text, out var judgement, out _)) return text ?? "";
        return Widen(judgement, steps).ToString();
    }

    /// <summary>True when any stated pedigree score (0 weakest … 4 strongest) is at most <paramref name="atMost"/>; none stated is not weak.</summary>
    public static bool IsWeak(int atMost, params int?[] scores) => scores.Any(s => s is { } v && v <= atMost);
}
