using System.Globalization;
using Baken.Methods.Risk;
using Baken.Domain.Security;
using ConfidenceLevel = Baken.Methods.Risk.Confidence;

namespace Baken.Application.Assessments;

/// <summary>One criterion's judgement as the analyst wrote it: X, a class, a range ("B-D~C") or a quantity ("€2.1 bn").</summary>
/// <remarks>The judgement stays text because a quantity is read against the criterion's scale in the catalogue.</remarks>
public sealed record CriterionJudgement(string Criterion, string Judgement);

/// <summary>
/// One analyst's assessment of one scenario as the analysis reads it, whichever source it came from: an assessment file
/// (<see cref="AssessmentTable"/> reads the cells) or the register (<see cref="StoredAssessmentRows"/> reads the stored
/// records). <see cref="AssessmentInputBuilder"/> turns such rows into the analysis input by one set of rules.
/// </summary>
/// <param name="Line">The file line or sheet row, or the row's number among the stored assessments; errors name it.</param>
/// <param name="Kind">Null when the source's kind could not be read (the reason is in <see cref="Problems"/>).</param>
/// <param name="Classification">Null when the source's classification could not be read (the reason is in <see cref="Problems"/>).</param>
/// <param name="HorizonYears">The horizon the likelihood is judged over; null when it could not be read.</param>
/// <param name="Likelihood">A class, a range or a probability ("2%", "0.02"); empty for a threat judged by its sub-judgements.</param>
/// <param name="Scores">The judgements given, in any order; a criterion of the analysis without one is an error.</param>
public sealed record AssessmentRow(
    int Line,
    string ScenarioId,
    string ScenarioTitle,
    string Theme,
    RiskKind? Kind,
    string Analyst,
    string Organisation,
    ClassificationLevel? Classification,
    double? HorizonYears,
    string Likelihood,
    string Intent,
    string Capability,
    string Vulnerability,
    ConfidenceLevel? Confidence,
    string OverrideReason,
    IReadOnlyList<CriterionJudgement> Scores)
{
    /// <summary>
    /// What could not be read from the source (an unknown kind, classification or confidence, a horizon that is no number):
    /// reported with the row's other errors, and only if the row is analysed (a row above the reader's ceiling says nothing).
    /// </summary>
    public IReadOnlyList<AssessmentFileError> Problems { get; init; } = [];

    /// <summary>The horizon when a row does not give one, in years.</summary>
    public const double DefaultHorizonYears = 5;

    /// <summary>Reads a kind as written in a file or stored: hazard or threat (any case).</summary>
    public static RiskKind? ReadKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "hazard" => RiskKind.Hazard,
        "threat" => RiskKind.Threat,
        _ => null,
    };

    /// <summary>How a kind is written in a file: the inverse of <see cref="ReadKind"/>.</summary>
    public static string KindText(RiskKind kind) => kind == RiskKind.Threat ? "threat" : "hazard";

    /// <summary>Reads a confidence as written in a file or stored (English or Dutch); empty is none, null in <paramref name="confidence"/>.</summary>
    public static bool TryReadConfidence(string text, out ConfidenceLevel? confidence)
    {
        confidence = text.Trim().ToLowerInvariant() switch
        {
            "low" or "laag" => ConfidenceLevel.Low,
            "medium" or "middel" or "gemiddeld" => ConfidenceLevel.Medium,
            "high" or "hoog" => ConfidenceLevel.High,
            _ => null,
        };
        return confidence is not null || text.Trim().Length == 0;
    }

    public const string ConfidenceAllowed = "confidence must be low, medium or high (or empty).";

    /// <summary>Reads horizon_years: empty is <see cref="DefaultHorizonYears"/>; null when it is no number.</summary>
    public static double? ReadHorizon(string text) =>
        text.Trim().Length == 0 ? DefaultHorizonYears
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : null;

    public const string HorizonAllowed = "horizon_years must be a number of years in (0, 100], e.g. 5 (empty means 5).";
}
