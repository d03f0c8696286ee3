using System.Globalization;
using Baken.Application.Common;
using Baken.Domain.Signals;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <param name="Decision">No change, or revised (then <paramref name="RevisedAssessment"/> names the assessment that was revised).</param>
public sealed record CloseReviewRequest(string Code, ReviewDecision Decision, string? RevisedAssessment = null, string? Note = null);

/// <summary>
/// An alert asks for a likelihood review of each scenario it names: one task per scenario, assigned to the analysts of
/// that scenario (those assigned in a cycle and those who assessed it), with the alert as evidence and a deadline.
/// Closing a task needs a decision: the likelihood stands, or the analyst names the assessment they revised.
/// </summary>
public sealed class LikelihoodReviews(IBakenDb db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>How long the analysts have for a review.</summary>
    public static readonly int DaysToReview = 14;

    public async Task<Result<IReadOnlyList<LikelihoodReview>>> OpenAsync(string alertCode, CancellationToken ct = default)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Code == alertCode, ct);
        if (alert is null) return Result<IReadOnlyList<LikelihoodReview>>.NotFound(AllowedTexts.WorkflowNoAlert.With(alertCode));
        if (!user.IsInRole(Domain.Users.Roles.Analyst) && !WorkflowRoles.IsCoordinator(user))
            return Result<IReadOnlyList<LikelihoodReview>>.Forbidden(WorkflowRoles.AnalystOrCoordinatorOpensReview);
        if (alert.Status is AlertStatus.ReviewOpened or AlertStatus.Closed)
            return Result<IReadOnlyList<LikelihoodReview>>.Conflict(AllowedTexts.WorkflowAlertReviewedOnce.With(alertCode, AllowedTexts.AlertStatus[alert.Status]));
        var codes = alert.Scenarios;
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => codes.Contains(s.Code)).ToListAsync(ct);
        var assigned = await db.CycleAssignments.AsNoTracking().Where(a => codes.Contains(a.ScenarioCode)).ToListAsync(ct);
        var assessed = await db.Assessments.AsNoTracking().Where(a => codes.Contains(a.ScenarioCode)).Select(a => new { a.ScenarioCode, a.Analyst }).ToListAsync(ct);
        var due = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(DaysToReview);
        var made = new List<LikelihoodReview>();
        foreach (var s in scenarios.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            var code = $"REV-{alert.Code}-{s.Code}";
            if (await db.LikelihoodReviews.IgnoreQueryFilters().AnyAsync(r => r.Code == code, ct)) continue;
            var analysts = assigned.Where(a => a.ScenarioCode == s.Code).SelectMany(a => a.Analysts)
                .Concat(assessed.Where(a => a.ScenarioCode == s.Code).Select(a => a.Analyst))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
            var review = new LikelihoodReview
            {
                AlertCode = alert.Code, ScenarioCode = s.Code, Analysts = [.. analysts], Due = due,
                Evidence = string.Create(CultureInfo.InvariantCulture, $"{alert.IndicatorCode} {alert.FromLevel} → {alert.ToLevel} on {alert.Date:yyyy-MM-dd} ({alert.Value:G6}). {alert.Explanation}").Trim(),
            };
            review.Recode(code);
            // It says what both the alert and the scenario say.
            review.Classify(Domain.Security.Classification.Highest([alert.Classification, s.Classification]));
            db.AddRecord(review);
            made.Add(review);
        }
        alert.Status = AlertStatus.ReviewOpened;
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<LikelihoodReview>>.Ok(made);
    }

    public async Task<Result<LikelihoodReview>> CloseAsync(CloseReviewRequest request, CancellationToken ct = default)
    {
        var review = await db.LikelihoodReviews.FirstOrDefaultAsync(r => r.Code == request.Code, ct);
        if (review is null) return Result<LikelihoodReview>.NotFound(WorkflowRoles.NoReview.With(request.Code));
        if (!WorkflowRoles.Names(review.Analysts, user.UserName) && !WorkflowRoles.IsCoordinator(user))
            return Result<LikelihoodReview>.Forbidden(WorkflowRoles.ReviewersClose);
        if (review.Status == ReviewStatus.Closed) return Result<LikelihoodReview>.Conflict(WorkflowRoles.ReviewClosed.With(review.Code));
        switch (request.Decision)
        {
            case ReviewDecision.None:
                return Result<LikelihoodReview>.Invalid(new FieldError("decision", "", AllowedTexts.WorkflowNoChangeRevised));
            case ReviewDecision.Revised:
                var revised = request.RevisedAssessment?.Trim() ?? "";
                if (!await db.Assessments.AnyAsync(a => a.Code == revised && a.ScenarioCode == review.ScenarioCode, ct))
                    return Result<LikelihoodReview>.Invalid(new FieldError("assessment", revised, AllowedTexts.WorkflowRevised.With(review.ScenarioCode)));
                review.RevisedAssessment = revised;
                break;
        }
        review.Decision = request.Decision;
        review.DecisionNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        review.Status = ReviewStatus.Closed;
        // The alert is done when every review it opened is.
        if (await db.Alerts.FirstOrDefaultAsync(a => a.Code == review.AlertCode, ct) is { } alert
            && !await db.LikelihoodReviews.AnyAsync(r => r.AlertCode == alert.Code && r.Code != review.Code && r.Status == ReviewStatus.Open, ct))
            alert.Status = AlertStatus.Closed;
        await db.SaveChangesAsync(ct);
        return Result<LikelihoodReview>.Ok(review);
    }
}
