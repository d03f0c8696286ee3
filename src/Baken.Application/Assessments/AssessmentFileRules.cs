using Baken.Domain;

namespace Baken.Application.Assessments;

/// <summary>
/// What each problem in an assessment (a file's row or a stored one) says: English here, the hosts translate the keys. One
/// catalogue for the table reader (<see cref="AssessmentTable"/>) and the rules of every row (<see cref="AssessmentInputBuilder"/>).
/// </summary>
internal static class AssessmentFileRules
{
    internal static readonly MessageTemplate EmptyFileRule = new("allowed.assessmentfile.empty", "The file is empty: expected a header row with the columns {0} and one column per criterion code.");
    internal static readonly MessageTemplate EmptyHeaderRule = new("allowed.assessmentfile.emptyheader", "A header cell is empty; every column needs a name.");
    internal static readonly MessageTemplate TwiceRule = new("allowed.assessmentfile.columntwice", "This column appears twice in the header; each column may appear once.");
    internal static readonly MessageTemplate UnknownColumnRule = new("allowed.assessmentfile.unknowncolumn", "Unknown criterion column: known criterion codes are {0}; the fixed columns are {1}; optional: {2}.");
    internal static readonly MessageTemplate MissingColumnRule = new("allowed.assessmentfile.missingcolumn", "Required column '{0}' is missing from the header.");
    internal static readonly MessageTemplate NoCriteriaRule = new("allowed.assessmentfile.nocriteria", "No criterion columns: add one column per criterion code ({0}).");
    internal static readonly MessageTemplate NoRowsRule = new("allowed.assessmentfile.norows", "The file has a header but no assessment rows.");
    internal static readonly MessageTemplate EmptyCellRule = new("allowed.assessmentfile.emptycell", "'{0}' is empty; every row needs it.");
    internal static readonly MessageTemplate KindRule = new("allowed.assessmentfile.kind", "kind must be 'hazard' (non-malicious) or 'threat' (malicious).");
    internal static readonly MessageTemplate ClassificationRule = new("allowed.assessmentfile.classification", "Unknown classification; allowed: {0}.");
    internal static readonly MessageTemplate HorizonRule = new("allowed.assessmentfile.horizon", "horizon_years must be a number of years in (0, 100], e.g. 5 (empty means 5).");
    internal static readonly MessageTemplate ConfidenceRule = new("allowed.assessmentfile.confidence", "confidence must be low, medium or high (or empty).");
    internal static readonly MessageTemplate SameTitleRule = new("allowed.assessmentfile.sametitle", "Scenario {0} has title '{1}' on line {2}; all its rows must use the same title.");
    internal static readonly MessageTemplate SameThemeRule = new("allowed.assessmentfile.sametheme", "Scenario {0} has theme '{1}' on line {2}; all its rows must use the same theme.");
    internal static readonly MessageTemplate SameKindRule = new("allowed.assessmentfile.samekind", "Scenario {0} is a {1} on line {2}; all its rows must use the same kind.");
    internal static readonly MessageTemplate OneRowRule = new("allowed.assessmentfile.onerow", "Analyst {0} already assessed scenario {1} on line {2}; one row per (scenario, analyst).");
    internal static readonly MessageTemplate ThreatOnlyRule = new("allowed.assessmentfile.threatonly", "{0} applies to threats only; leave it empty for a hazard.");
    internal static readonly MessageTemplate SingleClassRule = new("allowed.assessmentfile.singleclass", "{0} must be a single class A–E.");
    internal static readonly MessageTemplate AllThreeRule = new("allowed.assessmentfile.allthree", "Give all three of intent, capability and vulnerability, or none.");
    internal static readonly MessageTemplate ThreatLikelihoodEmptyRule = new("allowed.assessmentfile.threatlikelihoodempty", "likelihood is empty: give a class A–E, a range, a probability, or intent, capability and vulnerability.");
    internal static readonly MessageTemplate LikelihoodEmptyRule = new("allowed.assessmentfile.likelihoodempty", "likelihood is empty: give a class A–E, a range such as B-D, or a probability over the horizon such as 2% or 0.02.");
    internal static readonly MessageTemplate ProbabilityRule = new("allowed.assessmentfile.probability", "A probability is a percentage such as 2% or a fraction such as 0.02.");
    internal static readonly MessageTemplate PercentRule = new("allowed.assessmentfile.percent", "A percentage lies in 0%..100%.");
    internal static readonly MessageTemplate FractionRule = new("allowed.assessmentfile.fraction", "A probability written as a fraction lies in 0..1 (write 2% or 0.02, not 2).");
    internal static readonly MessageTemplate OrProbabilityRule = new("allowed.assessmentfile.orprobability", "{0} Or a probability such as 2% or 0.02.");
    /// <summary>The class parser's "not a class" without X, which is no likelihood class.</summary>
    internal static readonly MessageTemplate NotALikelihoodClassRule = new("allowed.assessmentfile.notalikelihoodclass",
        "'{0}' is not a class: allowed are A, B, C, D, E, a range such as B-D, or B-D~C (most likely C).");
    internal static readonly MessageTemplate NoXRule = new("allowed.assessmentfile.nox", "X is not a likelihood class: use A–E.");
    internal static readonly MessageTemplate OverrideRule = new("allowed.assessmentfile.override", "This threat row gives intent, capability and vulnerability AND a likelihood, which overrides the rule's suggestion: give the reason in override_reason, or leave likelihood empty.");
    internal static readonly MessageTemplate EmptyQuantityCellRule = new("allowed.assessmentfile.emptyquantitycell", "The cell is empty: give X (no impact), a class A–E, a range such as B-D or B-D~C, or a quantity in {0}.");
    internal static readonly MessageTemplate EmptyClassCellRule = new("allowed.assessmentfile.emptyclasscell", "The cell is empty: give X (no impact), a class A–E, a range such as B-D or B-D~C.");
    internal static readonly MessageTemplate QualitativeRule = new("allowed.assessmentfile.qualitative", "Criterion {0} has a qualitative scale: give X or a class A–E (or a range), not a quantity.");
    internal static readonly MessageTemplate AlsoQuantityRule = new("allowed.assessmentfile.alsoquantity", "{0} A quantity in {1} is also accepted.");
}
