namespace Baken.Domain.Assessments;

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
    /// <summary>Per criterion "code=judgement" separated by ';' (e.g. "2.1=B-D~C;3.1=€2.1 bn").</summary>
    public string Scores { get; set; } = "";
    public string? Rationale { get; set; }
    /// <summary>Source codes separated by ';'.</summary>
    public string? Sources { get; set; }
}
