using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Assessments;

namespace Baken.Application.Workflow;

/// <summary>
/// The status rules every write path of an assessment obeys (register edit, import, assessment table): the status
/// itself changes only through submit, return and validate; a submitted assessment is frozen until a coordinator
/// returns it; a change to a validated one needs a reason and makes it a draft again (the validated version stays in
/// the history, so what was validated can always be shown).
/// </summary>
public static class AssessmentStatuses
{
    public const string FieldDescription = "draft, submitted, returned or validated (changed only by 'assessments submit|return|validate')";

    public static string Name(AssessmentStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A status column in a file or form may repeat the current status; any other value is refused.</summary>
    public static void KeepUnchanged(Assessment a, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), Name(a.Status), StringComparison.OrdinalIgnoreCase)) return;
        throw new DomainValidationException("status", value, AllowedTexts.WorkflowStatus.With(Name(a.Status)));
    }

    public static string? KeepUnchanged(string field, string? current, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), current?.Trim(), StringComparison.Ordinal)) return current;
        throw new DomainValidationException(field, value, AllowedTexts.WorkflowCurrentValueItSet);
    }

    /// <summary>Remembers an assessment's content before a write, so <see cref="EditGuard.Check"/> can tell whether it changed.</summary>
    public static EditGuard? Guard(RecordKind kind, Record record) =>
        record is Assessment a ? new EditGuard(kind, a, Content(kind, a), a.ChangeReason) : null;

    private static string Content(RecordKind kind, Assessment a) =>
        string.Join('\u001f', kind.Fields.Where(f => f.Name is not ("change_reason" or "status" or "status_note")).Select(f => f.Get(a)))
        + '\u001f' + a.ClassificationLevel + '\u001f' + a.CompartmentMask;

    public sealed class EditGuard(RecordKind kind, Assessment a, string before, string? reasonBefore)
    {
        /// <summary>Null when the write may go ahead; applied after every field is set.</summary>
        public FieldError? Check()
        {
            if (Content(kind, a) == before) return null;
            switch (a.Status)
            {
                case AssessmentStatus.Submitted:
                    return new FieldError("status", "submitted", AllowedTexts.WorkflowSubmittedAssessmentFrozenUntil);
                case AssessmentStatus.Validated:
                    if (string.IsNullOrWhiteSpace(a.ChangeReason) || a.ChangeReason == reasonBefore)
                        return new FieldError("change_reason", a.ChangeReason ?? "", AllowedTexts.WorkflowNewReasonChangingValidated);
                    a.Status = AssessmentStatus.Draft;
                    a.StatusNote = "changed after validation: " + a.ChangeReason;
                    return null;
                default:
                    // After the blind round, a revision is a Delphi revision: it says why (docs/workflow.md).
                    if (a.Round1Scores is not null && (string.IsNullOrWhiteSpace(a.ChangeReason) || a.ChangeReason == reasonBefore))
                        return new FieldError("change_reason", a.ChangeReason ?? "", AllowedTexts.WorkflowNewReasonRevisingAssessment);
                    return null;
            }
        }
    }
}
