using Baken.Application.Common;
using Baken.Analysis.Risk;
using Baken.Domain;

namespace Baken.Application.Assessments;

/// <summary>The per-criterion judgements of an assessment as stored: "2.1=B-D~C;3.1=€2.1 bn;5.3=X".</summary>
public static class ScoreList
{
    public const string Allowed = "criterion=judgement pairs separated by ';', each judgement X, A–E, a range such as B-D or B-D~C, or a quantity such as 350 or €2.1 bn";

    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1) throw new DomainValidationException("scores", part, AllowedTexts.AssessmentsScores);
            var code = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (!ClassJudgement.TryParse(value, out _, out _) && !QuantityParser.TryParse(value, out _, out _))
                throw new DomainValidationException("scores", part, AllowedTexts.AssessmentsScores);
            if (!result.TryAdd(code, value)) throw new DomainValidationException("scores", part, AllowedTexts.AssessmentsEachCriterionOnce);
        }
        return result;
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> scores) =>
        string.Join(";", scores.Select(s => $"{s.Key}={s.Value}"));
}
