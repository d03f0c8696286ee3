namespace Baken.Domain.Assessments;

/// <summary>
/// An analyst's judgement of one impact criterion, in their own words: a class ("C"), a range ("B-D~C"), "X" (not
/// applicable) or a quantity ("350", "€2.1 bn"). The words are kept on purpose, so the derivation of every class stays
/// visible; the pair is typed. Its text form is "criterion=judgement" (Application/Assessments/ScoreList).
/// </summary>
public sealed record CriterionScore(string Criterion, string Judgement);

/// <summary>Reading a list of <see cref="CriterionScore"/> (stored as one JSON column, <see cref="StoredValues"/>).</summary>
public static class CriterionScores
{
    /// <summary>The judgement of one criterion, or null when the list holds none for it.</summary>
    public static string? Of(this IReadOnlyList<CriterionScore>? scores, string criterion) =>
        scores?.FirstOrDefault(s => s.Criterion == criterion)?.Judgement;
}
