using System.Text.Json.Nodes;

namespace Baken.Domain.Assessments;

/// <summary>
/// An analyst's judgement of one impact criterion, in their own words: a class ("C"), a range ("B-D~C"), "X" (not
/// applicable) or a quantity ("350", "€2.1 bn"). The words are kept on purpose, so the derivation of every class stays
/// visible; the pair is typed. Its text form is "criterion=judgement" (Application/Assessments/ScoreList).
/// </summary>
public sealed record CriterionScore(string Criterion, string Judgement);

/// <summary>The JSON column of a list of <see cref="CriterionScore"/>: <c>[{"criterion": "2.1", "judgement": "B-D~C"}]</c>.</summary>
public static class CriterionScores
{
    public static string ToJson(IReadOnlyList<CriterionScore>? scores) =>
        JsonListColumn.ToJson(scores, s => new JsonObject { ["criterion"] = s.Criterion, ["judgement"] = s.Judgement });

    public static IReadOnlyList<CriterionScore> FromJson(string? json) =>
        JsonListColumn.FromJson(json, o => new CriterionScore(JsonListColumn.Text(o, "criterion"), JsonListColumn.Text(o, "judgement")));

    public static bool Same(IReadOnlyList<CriterionScore>? a, IReadOnlyList<CriterionScore>? b) => JsonListColumn.Same(a, b);

    public static int Hash(IReadOnlyList<CriterionScore>? scores) => JsonListColumn.Hash(scores);

    public static IReadOnlyList<CriterionScore> Snapshot(IReadOnlyList<CriterionScore> scores) => scores.ToArray();

    /// <summary>The judgement of one criterion, or null when the list holds none for it.</summary>
    public static string? Of(this IReadOnlyList<CriterionScore>? scores, string criterion) =>
        scores?.FirstOrDefault(s => s.Criterion == criterion)?.Judgement;
}
