using Baken.Application.Common;
using Baken.Domain.Assessments;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <summary>
/// A coordinator moves an open cycle from the blind round (1) to the convergence round (2) (METHODS §7, docs/workflow.md).
/// The change records each assessment's round-1 scores and likelihood on the assessment itself (classified as it is), so
/// the movement between rounds can be shown later; from then on every analyst sees the others' scores, and the group's
/// anonymised distribution per criterion, and a revision needs a reason. A round never goes back.
/// </summary>
public sealed class ChangeCycleRound(IBakenDb db, ICurrentUser user)
{
    public const int Blind = 1;
    public const int Convergence = 2;

    public async Task<Result<AssessmentCycle>> HandleAsync(string code, int round, CancellationToken ct = default)
    {
        if (!WorkflowRoles.IsCoordinator(user)) return WorkflowRoles.NotCoordinator<AssessmentCycle>(WorkflowRoles.MoveToNextRound);
        var cycle = await db.Cycles.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (cycle is null) return Result<AssessmentCycle>.NotFound(WorkflowRoles.NoCycle.With(code));
        if (round != Convergence)
            return Result<AssessmentCycle>.Invalid(new FieldError("round", round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AllowedTexts.WorkflowConvergenceRound.With(Convergence, Blind)));
        if (cycle.Status == CycleStatus.Closed) return Result<AssessmentCycle>.Conflict(WorkflowRoles.CycleClosed.With(code));
        if (cycle.Round >= round) return Result<AssessmentCycle>.Conflict(WorkflowRoles.CycleInRound.With(code, cycle.Round));

        var scenarios = cycle.Scenarios;
        var assessments = await db.Assessments.Where(a => scenarios.Contains(a.ScenarioCode)).ToListAsync(ct);
        foreach (var a in assessments.Where(a => a.Round1Scores is null))
        {
            a.Round1Scores = a.Scores.ToArray();
            a.Round1Likelihood = a.Likelihood;
            db.Annotate(a, $"round 1 of cycle {cycle.Code} recorded");
        }
        cycle.Round = round;
        await db.SaveChangesAsync(ct);
        return Result<AssessmentCycle>.Ok(cycle);
    }
}
