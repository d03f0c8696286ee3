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

    /// <summary>One row; the row's classification is the higher of the scenario's and the assessment's.</summary>
    public static AssessmentRawRow Row(int line, Scenario s, Assessment a, IReadOnlyList<Criterion> criteria, string missingScore = "")
    {
        var level = a.ClassificationLevel > s.ClassificationLevel ? a.ClassificationLevel : s.ClassificationLevel;
        var scores = ScoreList.Parse(a.Scores);
        return new AssessmentRawRow(line, [
            s.Code, s.Title, s.ThemeCode ?? "", s.Kind == RiskKind.Threat ? "threat" : "hazard", a.Analyst, a.Organisation,
            level.DisplayName(), (a.HorizonYears ?? s.HorizonYears).ToString(CultureInfo.InvariantCulture),
            a.Likelihood ?? "", a.Intent ?? "", a.Capability ?? "", a.Vulnerability ?? "", a.Confidence ?? "", a.OverrideReason ?? "",
            .. criteria.Select(c => scores.GetValueOrDefault(c.Code, missingScore)),
        ]);
    }
}
