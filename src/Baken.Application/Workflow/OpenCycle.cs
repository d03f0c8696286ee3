using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Baken.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

public sealed record OpenCycleRequest(string Code, string Title, IReadOnlyList<string> Scenarios, DateOnly Due, string? Panel = null);

/// <summary>A coordinator opens an assessment cycle for a set of scenarios with a deadline.</summary>
public sealed class OpenCycle(IBakenDb db, ICurrentUser user)
{
    public async Task<Result<AssessmentCycle>> HandleAsync(OpenCycleRequest request, CancellationToken ct = default)
    {
        if (!WorkflowRoles.IsCoordinator(user)) return WorkflowRoles.NotCoordinator<AssessmentCycle>(WorkflowRoles.OpenCycleTask);
        var errors = new List<FieldError>();
        if (!RecordCode.IsValid(request.Code)) errors.Add(new FieldError("code", request.Code, RecordCode.Rule));
        if (string.IsNullOrWhiteSpace(request.Title)) errors.Add(new FieldError("title", request.Title ?? "", AllowedTexts.WorkflowTitleNotEmpty));
        var codes = request.Scenarios.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) errors.Add(new FieldError("scenarios", "", AllowedTexts.WorkflowMoreScenarioCodesSeparated));
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => codes.Contains(s.Code)).ToListAsync(ct);
        foreach (var missing in codes.Where(c => scenarios.All(s => s.Code != c)))
            errors.Add(new FieldError("scenarios", missing, Register.RecordReferences.Existing("scenario")));
        if (request.Due == default) errors.Add(new FieldError("due", "", AllowedTexts.CouncilsDateYyyyMmDd));
        if (errors.Count > 0) return Result<AssessmentCycle>.Invalid(errors);

        var code = request.Code.Trim();
        if (await db.Cycles.IgnoreQueryFilters().AnyAsync(c => c.Code == code, ct))
            return Result<AssessmentCycle>.Conflict(WorkflowRoles.CycleExists.With(code));
        var cycle = new AssessmentCycle
        {
            Title = request.Title!.Trim(), Scenarios = codes.ToList(), Due = request.Due, Status = CycleStatus.Open,
            Panel = string.IsNullOrWhiteSpace(request.Panel) ? null : request.Panel.Trim(),
        };
        cycle.Recode(code);
        // The cycle names its scenarios, so it is classified as the highest of them.
        cycle.Classify(Classification.Highest(scenarios.Select(s => s.Classification)));
        db.AddRecord(cycle);
        await db.SaveChangesAsync(ct);
        return Result<AssessmentCycle>.Ok(cycle);
    }
}
