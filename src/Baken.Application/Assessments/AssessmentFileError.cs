using Baken.Methods.Risk;
using Baken.Domain;

namespace Baken.Application.Assessments;

/// <summary>
/// One problem in an assessment file: the line (1 = header; for XLSX the sheet row), the column, the offending value
/// and what is allowed.
/// </summary>
public sealed record AssessmentFileError(int Line, string Field, string Value, ValidationMessage Rule)
{
    /// <summary>What is allowed, in English.</summary>
    public string Message => Rule.English;

    public override string ToString() => $"line {Line}, column {Field}, value '{Value}': {Message}";
}

/// <summary>Either the analysis input read from a file, or every error found in it (nothing is imported from a file with errors).</summary>
public sealed record AssessmentReadResult
{
    private AssessmentReadResult(AnalysisInput? input, IReadOnlyList<AssessmentFileError> errors)
    {
        Input = input;
        Errors = errors;
    }

    /// <summary>The input, or null when <see cref="Errors"/> is not empty.</summary>
    public AnalysisInput? Input { get; }

    public IReadOnlyList<AssessmentFileError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    internal static AssessmentReadResult Success(AnalysisInput input) => new(input, []);

    public static AssessmentReadResult Failure(IReadOnlyList<AssessmentFileError> errors) => new(null, errors);
}
