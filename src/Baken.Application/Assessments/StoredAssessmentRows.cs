using System.Globalization;
using Baken.Analysis.Risk;
using Baken.Domain.Assessments;
using Baken.Domain.Register;
using Baken.Domain.Security;

namespace Baken.Application.Assessments;

/// <summary>
/// Stored assessments written back as an assessment table, so that the register and a spreadsheet are read by the
/// same rules (<see cref="AssessmentTable"/>).
/// </summary>
public static class StoredAssessmentRows
{
    public static string[] Header(IReadOnlyList<Criterion> criteria) =>
        AssessmentTable.FixedColumns.Concat(AssessmentTable.OptionalColumns).Concat(criteria.Select(c => c.Code)).ToArray();

    /// <summary>
    /// One row; the row's classification is the higher of the scenario's and the assessment's. With <paramref name="widenBy"/>
    /// &gt; 0 every score and a likelihood stated as classes are widened by that many classes on each side
    /// (<see cref="KnowledgeWidening"/>), for an assessment whose knowledge is weak.
    /// </summary>
    public static AssessmentRawRow Row(int line, Scenario s, Assessment a, IReadOnlyList<Criterion> criteria, string missingScore = "", int widenBy = 0)
    {
        var level = a.ClassificationLevel > s.ClassificationLevel ? a.ClassificationLevel : s.ClassificationLevel;
        var scores = ScoreList.Parse(a.Scores);
        if (widenBy > 0) scores = scores.ToDictionary(k => k.Key, k => KnowledgeWidening.WidenText(k.Value, widenBy), StringComparer.Ordinal);
        return new AssessmentRawRow(line, [
            s.Code, s.Title, s.ThemeCode ?? "", s.Kind == RiskKind.Threat ? "threat" : "hazard", a.Analyst, a.Organisation,
            level.DisplayName(), (a.HorizonYears ?? s.HorizonYears).ToString(CultureInfo.InvariantCulture),
            widenBy > 0 ? KnowledgeWidening.WidenText(a.Likelihood, widenBy) : a.Likelihood ?? "", a.Intent ?? "", a.Capability ?? "", a.Vulnerability ?? "", a.Confidence ?? "", a.OverrideReason ?? "",
            .. criteria.Select(c => scores.GetValueOrDefault(c.Code, missingScore)),
        ]);
    }
}
