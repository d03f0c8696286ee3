using Baken.Application.Common;
using Baken.Domain.Assessments;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <param name="Status">The assessment's status, or null when the analyst has not written one yet.</param>
public sealed record CycleTask(string Scenario, string ScenarioTitle, string Analyst, string? Organisation, DateOnly Due, AssessmentStatus? Status, string? Note, bool Overdue);

/// <param name="Unassigned">Scenarios of the cycle that nobody has been assigned yet.</param>
public sealed record CycleStatusView(AssessmentCycle Cycle, IReadOnlyList<CycleTask> Tasks, IReadOnlyList<string> Unassigned)
{
    public int Count(AssessmentStatus? status) => Tasks.Count(t => t.Status == status);
}

/// <summary>
/// Where a cycle stands: per scenario and assigned analyst the status of their assessment and whether it is overdue
/// (past the deadline and not yet submitted). Lists only what the caller may see.
/// </summary>
public sealed class GetCycleStatus(IBakenDb db, TimeProvider clock)
{
    public async Task<Result<CycleStatusView>> HandleAsync(string code, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (cycle is null) return Result<CycleStatusView>.NotFound(WorkflowRoles.NoCycle.With(code));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assignments = await db.CycleAssignments.AsNoTracking().Where(a => a.CycleCode == code).ToListAsync(ct);
        var scenarioCodes = cycle.Scenarios;
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => scenarioCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Title, ct);
        var assessments = await db.Assessments.AsNoTracking().Where(a => scenarioCodes.Contains(a.ScenarioCode)).ToListAsync(ct);
        var tasks = new List<CycleTask>();
        foreach (var a in assignments.OrderBy(a => a.ScenarioCode, StringComparer.Ordinal))
            foreach (var analyst in a.Analysts)
            {
                var assessment = assessments.FirstOrDefault(x => x.ScenarioCode == a.ScenarioCode && string.Equals(x.Analyst, analyst, StringComparison.OrdinalIgnoreCase));
                var open = assessment?.Status is null or AssessmentStatus.Draft or AssessmentStatus.Returned;
                tasks.Add(new CycleTask(a.ScenarioCode, scenarios.GetValueOrDefault(a.ScenarioCode, ""), analyst, assessment?.Organisation ?? (a.Organisations.Count == 0 ? null : string.Join(';', a.Organisations)),
                    a.Due, assessment?.Status, assessment?.StatusNote, cycle.Status == CycleStatus.Open && open && today > a.Due));
            }
        var unassigned = scenarioCodes.Where(s => scenarios.ContainsKey(s) && assignments.All(a => a.ScenarioCode != s)).ToList();
        return Result<CycleStatusView>.Ok(new CycleStatusView(cycle, tasks, unassigned));
    }
}
