using Baken.Application.Common;
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
        if (a is null) return Result<Assessment>.NotFound($"No assessment of scenario '{request.Scenario}' by analyst '{request.Analyst}'.");
        var isCoordinator = WorkflowRoles.IsCoordinator(user);
        var note = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        switch (request.Action)
        {
            case StatusAction.Submit:
                if (!WorkflowRoles.Is(user, a.Analyst) && !isCoordinator)
                    return Result<Assessment>.Forbidden($"Only analyst '{a.Analyst}' (or a coordinator on their behalf) may submit this assessment.");
                if (a.Status is not (AssessmentStatus.Draft or AssessmentStatus.Returned))
                    return Result<Assessment>.Conflict($"Assessment '{code}' is {AssessmentStatuses.Name(a.Status)}; only a draft or a returned assessment can be submitted.");
                a.Status = AssessmentStatus.Submitted;
                a.StatusNote = WorkflowRoles.Is(user, a.Analyst) ? note : $"entered by {user.UserName} for {a.Analyst}" + (note is null ? "" : ": " + note);
                break;
            case StatusAction.Return:
                if (!isCoordinator) return WorkflowRoles.NotCoordinator<Assessment>(WorkflowRoles.ReturnAssessment);
                if (note is null) return Result<Assessment>.Invalid(new FieldError("reason", "", AllowedTexts.WorkflowCommentsAnalystWhyIt));
                if (a.Status != AssessmentStatus.Submitted)
                    return Result<Assessment>.Conflict($"Assessment '{code}' is {AssessmentStatuses.Name(a.Status)}; only a submitted assessment can be returned.");
                a.Status = AssessmentStatus.Returned;
                a.StatusNote = note;
                break;
            case StatusAction.Validate:
                if (!isCoordinator) return WorkflowRoles.NotCoordinator<Assessment>(WorkflowRoles.ValidateAssessment);
                if (a.Status != AssessmentStatus.Submitted)
                    return Result<Assessment>.Conflict($"Assessment '{code}' is {AssessmentStatuses.Name(a.Status)}; only a submitted assessment can be validated.");
                a.Status = AssessmentStatus.Validated;
                a.StatusNote = $"validated by {user.UserName}" + (note is null ? "" : ": " + note);
                a.ChangeReason = null;
                break;
        }
        await db.SaveChangesAsync(ct);
        return Result<Assessment>.Ok(a);
    }
}
