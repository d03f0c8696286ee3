using Baken.Application.Common;
using Baken.Methods.Risk;
using Baken.Domain;
using Baken.Domain.Assessments;

namespace Baken.Application.Assessments;

/// <summary>
/// The text form of an assessment's per-criterion judgements, "2.1=B-D~C;3.1=€2.1 bn;5.3=X": read into typed
/// <see cref="CriterionScore"/>s by the record field (import, forms, command line) and written back for export. A part
/// that cannot be read is a field error naming it; nothing is dropped.
/// </summary>
public static class ScoreList
{
    public const string Allowed = "criterion=judgement pairs separated by ';', each judgement X, A–E, a range such as B-D or B-D~C, or a quantity such as 350 or €2.1 bn";

    public static IReadOnlyList<CriterionScore> Parse(string? text, string field = "scores")
    {
        var result = new List<CriterionScore>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1) throw new DomainValidationException(field, part, AllowedTexts.AssessmentsScores);
            var code = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (!ClassJudgement.TryParse(value, out _, out _) && !QuantityParser.TryParse(value, out _, out _))
                throw new DomainValidationException(field, part, AllowedTexts.AssessmentsScores);
            if (result.Any(s => s.Criterion == code)) throw new DomainValidationException(field, part, AllowedTexts.AssessmentsEachCriterionOnce);
            result.Add(new CriterionScore(code, value));
        }
        return result;
    }

    public static string Format(IEnumerable<CriterionScore>? scores) =>
        string.Join(";", (scores ?? []).Select(s => $"{s.Criterion}={s.Judgement}"));

    /// <summary>The text form, or null for a list never set (the round-1 scores of an assessment that had no round change).</summary>
    public static string? FormatOrNull(IReadOnlyList<CriterionScore>? scores) => scores is null ? null : Format(scores);

    public static string Format(IEnumerable<KeyValuePair<string, string>> scores) =>
        Format(scores.Select(s => new CriterionScore(s.Key, s.Value)));

    /// <summary>The scores by criterion code.</summary>
    public static IReadOnlyDictionary<string, string> ByCriterion(IEnumerable<CriterionScore>? scores) =>
        (scores ?? []).ToDictionary(s => s.Criterion, s => s.Judgement, StringComparer.Ordinal);
}
