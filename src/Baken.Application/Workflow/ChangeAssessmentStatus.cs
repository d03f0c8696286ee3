using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

public enum StatusAction { Submit, Return, Validate }

/// <param name="Reason">Return: the comments (required). Validate and submit: an optional note.</param>
public sealed record ChangeAssessmentStatusRequest(string Scenario, string Analyst, StatusAction Action, string? Reason = null);

/// <summary>
/// Moves one assessment through draft → submitted → returned (with comments) → validated. The analyst who owns it
/// submits it (a coordinator may submit on their behalf, recorded as "entered by X for Y"); only a coordinator returns
/// or validates it. Submitting freezes it (see <see cref="AssessmentStatuses"/>). Each step is a new version in the history.
/// </summary>
public sealed class ChangeAssessmentStatus(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<Assessment>> HandleAsync(ChangeAssessmentStatusRequest request, CancellationToken ct = default)
    {
        var code = $"{request.Scenario.Trim()}.{request.Analyst.Trim()}";
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Code == code, ct);
        if (a is null) return Result<Assessment>.NotFound(AssessmentStatusTexts.NoAssessment.With(request.Scenario, request.Analyst));
        var isCoordinator = WorkflowRoles.IsCoordinator(user);
        var note = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        switch (request.Action)
        {
            case StatusAction.Submit:
                if (!WorkflowRoles.Is(user, a.Analyst) && !isCoordinator)
                    return Result<Assessment>.Forbidden(AssessmentStatusTexts.OwnAnalystSubmits.With(a.Analyst));
                if (a.Status is not (AssessmentStatus.Draft or AssessmentStatus.Returned))
                    return Result<Assessment>.Conflict(AssessmentStatusTexts.NotSubmittable.With(code, AssessmentStatusTexts.Status[a.Status]));
                a.Status = AssessmentStatus.Submitted;
                a.StatusNote = WorkflowRoles.Is(user, a.Analyst) ? note : $"entered by {user.UserName} for {a.Analyst}" + (note is null ? "" : ": " + note);
                break;
            case StatusAction.Return:
                if (!isCoordinator) return WorkflowRoles.NotCoordinator<Assessment>(WorkflowRoles.ReturnAssessment);
                if (note is null) return Result<Assessment>.Invalid(new FieldError("reason", "", AllowedTexts.WorkflowCommentsAnalystWhyIt));
                if (a.Status != AssessmentStatus.Submitted)
                    return Result<Assessment>.Conflict(AssessmentStatusTexts.NotReturnable.With(code, AssessmentStatusTexts.Status[a.Status]));
                a.Status = AssessmentStatus.Returned;
                a.StatusNote = note;
                break;
            case StatusAction.Validate:
                if (!isCoordinator) return WorkflowRoles.NotCoordinator<Assessment>(WorkflowRoles.ValidateAssessment);
                if (a.Status != AssessmentStatus.Submitted)
                    return Result<Assessment>.Conflict(AssessmentStatusTexts.NotValidatable.With(code, AssessmentStatusTexts.Status[a.Status]));
                a.Status = AssessmentStatus.Validated;
                a.StatusNote = $"validated by {user.UserName}" + (note is null ? "" : ": " + note);
                a.ChangeReason = null;
                break;
        }
        await db.SaveChangesAsync(ct);
        return Result<Assessment>.Ok(a);
    }
}

/// <summary>The refusals of a status change as catalogue texts; the status is a word of the catalogue, so a Dutch reader reads it in Dutch.</summary>
public static class AssessmentStatusTexts
{
    public static readonly MessageTemplate NoAssessment = new("allowed.workflow.noassessment", "No assessment of scenario '{0}' by analyst '{1}'.");
    public static readonly MessageTemplate OwnAnalystSubmits = new("allowed.workflow.ownanalystsubmits", "Only analyst '{0}' (or a coordinator on their behalf) may submit this assessment.");
    public static readonly MessageTemplate NotSubmittable = new("allowed.workflow.notsubmittable", "Assessment '{0}' is {1}; only a draft or a returned assessment can be submitted.");
    public static readonly MessageTemplate NotReturnable = new("allowed.workflow.notreturnable", "Assessment '{0}' is {1}; only a submitted assessment can be returned.");
    public static readonly MessageTemplate NotValidatable = new("allowed.workflow.notvalidatable", "Assessment '{0}' is {1}; only a submitted assessment can be validated.");

    /// <summary>Each status's word, English as <see cref="AssessmentStatuses.Name"/> writes it.</summary>
    public static readonly IReadOnlyDictionary<AssessmentStatus, MessageTemplate> Status = Enum.GetValues<AssessmentStatus>()
        .ToDictionary(s => s, s => new MessageTemplate($"allowed.workflow.status.{AssessmentStatuses.Name(s)}", AssessmentStatuses.Name(s)));
}
