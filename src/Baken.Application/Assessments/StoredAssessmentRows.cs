using Baken.Methods.Risk;
using Baken.Domain.Assessments;
using Baken.Domain.Register;
using Baken.Domain.Security;

namespace Baken.Application.Assessments;

/// <summary>
/// Stored assessments as typed <see cref="AssessmentRow"/>s, so that the register and a spreadsheet are read by the
/// same rules (<see cref="AssessmentInputBuilder"/>) without writing the register out as cells and parsing it again.
/// </summary>
public static class StoredAssessmentRows
{
    /// <summary>
    /// One row; the row's classification is the higher of the scenario's and the assessment's. A criterion the assessment
    /// does not score gets <paramref name="missingScore"/> (empty: an error when the row is built). With
    /// <paramref name="widenBy"/> &gt; 0 every score and a likelihood stated as classes are widened by that many classes on
    /// each side (<see cref="KnowledgeWidening"/>), for an assessment whose knowledge is weak.
    /// </summary>
    public static AssessmentRow Row(int line, Scenario s, Assessment a, IReadOnlyList<Criterion> criteria, string missingScore = "", int widenBy = 0)
    {
        var level = a.ClassificationLevel > s.ClassificationLevel ? a.ClassificationLevel : s.ClassificationLevel;
        var scores = ScoreList.ByCriterion(a.Scores);
        string Widened(string judgement) => widenBy > 0 ? KnowledgeWidening.WidenText(judgement, widenBy) : judgement;
        var problems = new List<AssessmentFileError>();
        if (!AssessmentRow.TryReadConfidence(a.Confidence ?? "", out var confidence))
            problems.Add(new AssessmentFileError(line, "confidence", a.Confidence ?? "", AssessmentFileRules.ConfidenceRule));
        return new AssessmentRow(line, s.Code, s.Title, s.ThemeCode ?? "", s.Kind, a.Analyst, a.Organisation,
            level, a.HorizonYears ?? s.HorizonYears, Widened(a.Likelihood ?? ""), a.Intent ?? "", a.Capability ?? "", a.Vulnerability ?? "",
            confidence, a.OverrideReason ?? "",
            criteria.Select(c => new CriterionJudgement(c.Code, scores.TryGetValue(c.Code, out var j) ? Widened(j) : missingScore)).ToList())
        { Problems = problems };
    }
}
