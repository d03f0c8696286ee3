using Baken.Application.Common;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <summary>The assessment cycles the reader sees: open ones first, then by due date, latest first.</summary>
public sealed class ListCycles(IBakenDb db)
{
    public async Task<IReadOnlyList<AssessmentCycle>> HandleAsync(CancellationToken ct = default) =>
        (await db.Cycles.AsNoTracking().ToListAsync(ct)).OrderByDescending(c => c.Status == CycleStatus.Open).ThenByDescending(c => c.Due).ToList();
}
