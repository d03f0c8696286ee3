using Baken.Application.Common;
using Baken.Domain.Assessments;
using Baken.Domain.Councils;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

public enum InboxKind { Assignment, Returned, ToValidate, LikelihoodReview, CouncilAction }

/// <param name="Code">The record to open (an assessment, review or action code; for an assignment the cycle assignment).</param>
/// <param name="Link">Where the web workbench shows it.</param>
public sealed record InboxItem(InboxKind Kind, string Code, string Title, DateOnly? Due, bool Overdue, string? Note, string Link);

/// <summary>
/// What is asked of the caller: assessments to write in open cycles (with their deadline), assessments returned to
/// them, likelihood reviews they are on, council actions they own, and for a coordinator the submitted assessments
/// waiting for validation. Overdue first. Only records the caller may see.
/// </summary>
public sealed class Inbox(IBakenDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<InboxItem>> HandleAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var me = user.UserName;
        // The database picks the caller's rows (an assignment or review names its analysts as a list); the names are stored
        // as the accounts spell them, and the comparison in memory after it keeps the rule of WorkflowRoles.Names exactly.
        var meLower = me.ToLowerInvariant();
        var items = new List<InboxItem>();

        var openCycles = await db.Cycles.AsNoTracking().Where(c => c.Status == CycleStatus.Open).ToDictionaryAsync(c => c.Code, ct);
        var cycleCodes = openCycles.Keys.ToList();
        var assignments = (await db.CycleAssignments.AsNoTracking()
                .Where(a => cycleCodes.Contains(a.CycleCode) && a.Analysts.Any(n => n == me || n.ToLower() == meLower)).ToListAsync(ct))
            .Where(a => WorkflowRoles.Names(a.Analysts, me)).ToList();
        var mine = (await db.Assessments.AsNoTracking().Where(a => a.Analyst == me).ToListAsync(ct)).ToDictionary(a => a.ScenarioCode, StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            var status = mine.GetValueOrDefault(a.ScenarioCode)?.Status;
            if (status is AssessmentStatus.Submitted or AssessmentStatus.Validated or AssessmentStatus.Returned) continue;
            items.Add(new InboxItem(InboxKind.Assignment, a.Code, $"{openCycles[a.CycleCode].Title}: {a.ScenarioCode}", a.Due, today > a.Due,
                status is null ? "not started" : "draft", $"/cycles/{Uri.EscapeDataString(a.CycleCode)}"));
        }
        foreach (var a in mine.Values.Where(a => a.Status == AssessmentStatus.Returned))
        {
            var due = assignments.FirstOrDefault(x => x.ScenarioCode == a.ScenarioCode)?.Due;
            items.Add(new InboxItem(InboxKind.Returned, a.Code, a.ScenarioCode, due, due is { } d && today > d, a.StatusNote, $"/register/assessment/{Uri.EscapeDataString(a.Code)}"));
        }
        if (WorkflowRoles.IsCoordinator(user))
            foreach (var a in await db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Submitted).OrderBy(a => a.Code).ToListAsync(ct))
                items.Add(new InboxItem(InboxKind.ToValidate, a.Code, $"{a.ScenarioCode} ({a.Analyst}, {a.Organisation})", null, false, a.StatusNote,
                    $"/register/assessment/{Uri.EscapeDataString(a.Code)}"));
        foreach (var r in (await db.LikelihoodReviews.AsNoTracking()
                     .Where(r => r.Status == ReviewStatus.Open && r.Analysts.Any(n => n == me || n.ToLower() == meLower)).ToListAsync(ct))
                 .Where(r => WorkflowRoles.Names(r.Analysts, me)))
            items.Add(new InboxItem(InboxKind.LikelihoodReview, r.Code, r.ScenarioCode, r.Due, today > r.Due, r.Evidence, $"/inbox#{Uri.EscapeDataString(r.Code)}"));
        foreach (var a in await db.FollowUpActions.AsNoTracking().Where(a => a.Owner == me && a.Status == ActionStatus.Open).ToListAsync(ct))
            items.Add(new InboxItem(InboxKind.CouncilAction, a.Code, a.Title, a.Deadline, today > a.Deadline, a.Note, $"/register/action/{Uri.EscapeDataString(a.Code)}"));

        return items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
    }
}
