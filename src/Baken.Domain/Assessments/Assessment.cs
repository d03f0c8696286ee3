namespace Baken.Domain.Assessments;

/// <summary>Where an assessment is in the network's work: draft → submitted → returned (with comments) or validated.</summary>
public enum AssessmentStatus { Draft, Submitted, Returned, Validated }

/// <summary>
/// One analyst's independent judgement of one scenario, kept in the analyst's own words: classes, ranges
/// ("B-D~C") or quantities ("350 deaths"), so the derivation of every class stays visible. Code = "{scenario}.{analyst}".
/// </summary>
public sealed class Assessment : Record
{
    public string ScenarioCode { get; set; } = "";
    public string Analyst { get; set; } = "";
    public string Organisation { get; set; } = "";
    public double? HorizonYears { get; set; }
    /// <summary>A class, a range, or a probability over the horizon ("2%"); empty for a threat judged by its sub-judgements.</summary>
    public string? Likelihood { get; set; }
    public string? Intent { get; set; }
    public string? Capability { get; set; }
    public string? Vulnerability { get; set; }
    public string? OverrideReason { get; set; }
    /// <summary>Strength of knowledge: low, medium or high.</summary>
    public string? Confidence { get; set; }
    /// <summary>Per criterion the judgement in the analyst's words (text form "2.1=B-D~C;3.1=€2.1 bn"); one JSON column.</summary>
    public IReadOnlyList<CriterionScore> Scores { get; set; } = [];
    public string? Rationale { get; set; }
    /// <summary>Source codes.</summary>
    public List<string> Sources { get; set; } = [];
    /// <summary>Set only by the workflow use cases (submit, return, validate) and by a change to a validated assessment.</summary>
    public AssessmentStatus Status { get; set; }
    /// <summary>The coordinator's comments on return or validation, who entered it for whom, or why a validated assessment changed.</summary>
    public string? StatusNote { get; set; }
    /// <summary>Why a validated assessment is changed; required for that change (the validated version stays in the history).</summary>
    public string? ChangeReason { get; set; }
    /// <summary>
    /// The scores as they stood when the cycle moved from the blind round to round 2 (same form as <see cref="Scores"/>);
    /// null when the assessment never went through a round change. What the movement between rounds is measured from.
    /// </summary>
    public IReadOnlyList<CriterionScore>? Round1Scores { get; set; }
    /// <summary>Strength of knowledge, pedigree-style 0 (weakest) to 4: the evidence base; null when not stated.</summary>
    public int? KnowledgeEvidence { get; set; }
    /// <summary>Strength of knowledge 0–4: the agreement among experts.</summary>
    public int? KnowledgeAgreement { get; set; }
    /// <summary>Strength of knowledge 0–4: the understanding of the phenomenon.</summary>
    public int? KnowledgeUnderstanding { get; set; }
    /// <summary>The likelihood as it stood at the change to round 2.</summary>
    public string? Round1Likelihood { get; set; }
}
