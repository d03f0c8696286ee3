using Baken.Application.Common;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <summary>A coordinator closes a cycle: no more assignments; what was not validated stays as it is, visible in its status.</summary>
public sealed class CloseCycle(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<AssessmentCycle>> HandleAsync(string code, CancellationToken ct = default)
    {
        if (!WorkflowRoles.IsCoordinator(user)) return WorkflowRoles.NotCoordinator<AssessmentCycle>(WorkflowRoles.CloseCycleTask);
        var cycle = await db.Cycles.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (cycle is null) return Result<AssessmentCycle>.NotFound(WorkflowRoles.NoCycle.With(code));
        if (cycle.Status == CycleStatus.Closed) return Result<AssessmentCycle>.Conflict(WorkflowRoles.CycleAlreadyClosed.With(code));
        cycle.Status = CycleStatus.Closed;
        await db.SaveChangesAsync(ct);
        return Result<AssessmentCycle>.Ok(cycle);
    }
}
