using System.Globalization;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Domain.Assessments;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Assessments;

/// <param name="Result">Consensus, each analyst's point class per criterion and the disagreement; null when no assessment can be read.</param>
/// <param name="Problems">Why some stored assessments could not be read (e.g. a criterion's scale changed).</param>
public sealed record AnalystComparison(string ScenarioCode, string Title, IReadOnlyList<Assessment> Assessments, ScenarioResult? Result,
    IReadOnlyList<FieldError> Problems, AnalysisCatalogue Catalogue);

/// <summary>
/// The analysts' judgements of one scenario side by side: per criterion each analyst's class, the consensus (median,
/// higher middle) and the spread — the disagreement is shown, never averaged away. Only assessments the caller may see count.
/// </summary>
public sealed class CompareAnalysts(IBakenDb db, LoadAnalysisCatalogue catalogueLoader)
{
    public async Task<Result<AnalystComparison>> HandleAsync(string scenarioCode, CancellationToken ct = default)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Code == scenarioCode, ct);
        if (scenario is null) return Result<AnalystComparison>.NotFound(AllowedTexts.NoScenarioWithCode.With(scenarioCode));
        var catalogue = await catalogueLoader.HandleAsync(ct);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.ScenarioCode == scenarioCode).ToListAsync(ct))
            .OrderBy(a => a.Analyst, StringComparer.Ordinal).ToList();
        if (assessments.Count == 0)
            return Result<AnalystComparison>.Ok(new AnalystComparison(scenario.Code, scenario.Title, [], null, [], catalogue));

        var (result, problems) = Evaluate(scenario, assessments, catalogue);
        return Result<AnalystComparison>.Ok(new AnalystComparison(scenario.Code, scenario.Title, assessments, result, problems, catalogue));
    }

    /// <summary>
    /// The analysts' classes, consensus and spread of one scenario from the given assessments (read by the same rules as
    /// an assessment file, <see cref="AssessmentInputBuilder"/>); null with the problems when one of them cannot be read.
    /// </summary>
    public static (ScenarioResult? Result, IReadOnlyList<FieldError> Problems) Evaluate(Domain.Register.Scenario scenario, IReadOnlyList<Assessment> assessments, AnalysisCatalogue catalogue)
    {
        if (assessments.Count == 0) return (null, []);
        var rows = assessments.Select((a, i) => StoredAssessmentRows.Row(i + 1, scenario, a, catalogue.Criteria, missingScore: "X")).ToList();
        var read = new AssessmentInputBuilder(catalogue.Criteria, catalogue.Scales).Build(rows);
        if (!read.IsValid)
            return (null, read.Errors.Select(e => new FieldError(e.Line >= 1 && e.Line <= assessments.Count ? assessments[e.Line - 1].Code + " " + e.Field : e.Field, e.Value, e.Rule)).ToList());
        var result = IntegratedAnalysis.Run(read.Input!, new AnalysisSettings(catalogue.DefaultProfile.RestrictTo(read.Input!.Criteria.Select(c => c.Code)))
        {
            Iterations = 0,
            LikelihoodScale = catalogue.LikelihoodScale,
            SensitivityProfiles = [],
        });
        return (result.Scenarios.Single(), []);
    }
}
