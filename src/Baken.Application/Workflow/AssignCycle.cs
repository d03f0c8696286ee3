using Baken.Application.Common;
using Baken.Domain.Security;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <param name="Organisations">Empty: the analysts' own organisations.</param>
/// <param name="Due">Empty: the cycle's deadline.</param>
public sealed record AssignCycleRequest(string Cycle, string Scenario, IReadOnlyList<string> Analysts, IReadOnlyList<string>? Organisations = null, DateOnly? Due = null);

/// <summary>
/// A coordinator gives one scenario of an open cycle to named analysts. Assigning again replaces the analysts. An analyst
/// must be cleared for the scenario: an assignment that they could not open would only be an empty promise.
/// </summary>
public sealed class AssignCycle(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<CycleAssignment>> HandleAsync(AssignCycleRequest request, CancellationToken ct = default)
    {
        if (!WorkflowRoles.IsCoordinator(user)) return WorkflowRoles.NotCoordinator<CycleAssignment>(WorkflowRoles.AssignAnalysts);
        var cycle = await db.Cycles.FirstOrDefaultAsync(c => c.Code == request.Cycle, ct);
        if (cycle is null) return Result<CycleAssignment>.NotFound(WorkflowRoles.NoCycle.With(request.Cycle));
        if (cycle.Status == CycleStatus.Closed) return Result<CycleAssignment>.Conflict(WorkflowRoles.CycleClosed.With(cycle.Code));
        var scenarioCode = request.Scenario.Trim();
        if (!cycle.Scenarios.Contains(scenarioCode))
            return Result<CycleAssignment>.Invalid(new FieldError("scenario", scenarioCode, AllowedTexts.WorkflowCycleScenario.With(string.Join(", ", cycle.Scenarios))));
        var scenario = await db.Scenarios.AsNoTracking().FirstAsync(s => s.Code == scenarioCode, ct);

        var names = request.Analysts.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new List<FieldError>();
        if (names.Count == 0) errors.Add(new FieldError("analysts", "", AllowedTexts.WorkflowMoreUserNamesSeparated));
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName)).ToListAsync(ct);
        foreach (var name in names)
        {
            var u = users.FirstOrDefault(x => string.Equals(x.UserName, name, StringComparison.OrdinalIgnoreCase));
            if (u is null) errors.Add(new FieldError("analysts", name, AllowedTexts.WorkflowUserNameBakenUser));
            else if (!scenario.Classification.IsVisibleTo(u.Clearance, u.CompartmentMask))
                errors.Add(new FieldError("analysts", name, AllowedTexts.WorkflowClearedAnalyst.With(scenario.ClassificationLevel.DisplayName())));
        }
        if (request.Due is { } due && due > cycle.Due)
            errors.Add(new FieldError("due", due.ToString("yyyy-MM-dd"), AllowedTexts.WorkflowDue.With(cycle.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        if (errors.Count > 0) return Result<CycleAssignment>.Invalid(errors);

        var organisations = request.Organisations is { Count: > 0 } given
            ? given.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : users.Select(u => u.OrganisationCode).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(); // the same order on every database
        var code = $"{cycle.Code}.{scenarioCode}";
        var assignment = await db.CycleAssignments.FirstOrDefaultAsync(a => a.Code == code, ct);
        var isNew = assignment is null;
        assignment ??= new CycleAssignment { CycleCode = cycle.Code, ScenarioCode = scenarioCode };
        if (isNew) assignment.Recode(code);
        assignment.Analysts = [.. users.Select(u => u.UserName).OrderBy(n => n, StringComparer.Ordinal)];
        assignment.Organisations = organisations;
        assignment.Due = request.Due ?? cycle.Due;
        assignment.Classify(scenario.Classification);
        if (isNew) db.AddRecord(assignment);
        await db.SaveChangesAsync(ct);
        return Result<CycleAssignment>.Ok(assignment);
    }
}
