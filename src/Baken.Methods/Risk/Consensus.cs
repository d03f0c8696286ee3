namespace Baken.Methods.Risk;

/// <summary>
/// The spread of analysts' point classes for one criterion (or for likelihood). Class distances are in class steps
/// (A→C is 2). Shown next to the consensus, never folded into it.
/// </summary>
/// <param name="Code">Criterion code, or "likelihood".</param>
/// <param name="Consensus">Median point class (even count: the higher middle class).</param>
/// <param name="Min">Lowest point class given.</param>
/// <param name="Max">Highest point class given.</param>
/// <param name="RangeInClasses">Max − Min in class steps.</param>
/// <param name="InterquartileRange">Q3 − Q1 of the class indices (linear interpolation between order statistics, R-7), in class steps.</param>
/// <param name="Lowest">Lowest class any analyst allowed for (the low end of ranges).</param>
/// <param name="Highest">Highest class any analyst allowed for (the high end of ranges).</param>
/// <param name="AnalystClasses">Point class per analyst, ordered by analyst id.</param>
public sealed record ClassDisagreement(
    string Code,
    ImpactClass Consensus,
    ImpactClass Min,
    ImpactClass Max,
    int RangeInClasses,
    double InterquartileRange,
    ImpactClass Lowest,
    ImpactClass Highest,
    IReadOnlyList<AnalystClass> AnalystClasses);

/// <summary>One analyst's point class (and full judgement) for a criterion or for likelihood.</summary>
public sealed record AnalystClass(string Analyst, string Organisation, ImpactClass PointClass, string Judgement);

/// <summary>Per-scenario disagreement summary.</summary>
/// <param name="ShareOfCriteriaTwoOrMoreApart">Share (0..1) of criteria where the analysts' point classes lie two or more classes apart.</param>
/// <param name="CriteriaTwoOrMoreApart">Codes of those criteria.</param>
/// <param name="MaxRangeInClasses">Largest criterion range in class steps.</param>
/// <param name="LikelihoodRangeInClasses">Range of the analysts' likelihood classes in class steps.</param>
public sealed record ScenarioDisagreement(
    int AnalystCount,
    double ShareOfCriteriaTwoOrMoreApart,
    IReadOnlyList<string> CriteriaTwoOrMoreApart,
    int MaxRangeInClasses,
    int LikelihoodRangeInClasses);

/// <summary>The consensus rule of METHODS §1.4.</summary>
public static class Consensus
{
    /// <summary>
    /// The median class; with an even count the higher of the two middle classes (the cautious choice).
    /// Order of the input does not matter.
    /// </summary>
    public static ImpactClass MedianClass(IEnumerable<ImpactClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var sorted = classes.Select(c => (int)c).Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("The consensus needs at least one analyst's class.", nameof(classes));
        return (ImpactClass)sorted[sorted.Length / 2];
    }

    /// <summary>Consensus and spread of a set of analysts' judgements (input order does not matter).</summary>
    public static ClassDisagreement Describe(string code, IEnumerable<(string Analyst, string Organisation, ClassJudgement Judgement)> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var list = judgements.OrderBy(j => j.Analyst, StringComparer.Ordinal).ToList();
        if (list.Count == 0) throw new ArgumentException($"Criterion {code}: no analyst judgements to describe.", nameof(judgements));
        var points = list.Select(j => (int)j.Judgement.PointClass).Order().ToArray();
        var min = points[0];
        var max = points[^1];
        var iqr = Quantile(points, 0.75) - Quantile(points, 0.25);
        return new ClassDisagreement(
            code,
            (ImpactClass)points[points.Length / 2],
            (ImpactClass)min,
            (ImpactClass)max,
            max - min,
            iqr,
            list.Min(j => j.Judgement.Low),
            list.Max(j => j.Judgement.High),
            // A quantity keeps its derivation ("350 deaths lies in C: …") so the report shows how the class was reached.
            list.Select(j => new AnalystClass(j.Analyst, j.Organisation, j.Judgement.PointClass,
                j.Judgement.Derivation is { } how ? $"{j.Judgement} ({how})" : j.Judgement.ToString())).ToList());
    }

    private static double Quantile(int[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
