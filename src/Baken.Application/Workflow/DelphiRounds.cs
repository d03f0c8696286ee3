using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Application.Assessments;
using Baken.Application.Common;
using Baken.Domain.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Workflow;

/// <summary>
/// One criterion (or the likelihood, code "likelihood") across the two rounds: how many analysts gave each point class
/// in round 1 and now (counts only, no names: the Delphi distribution), the spread in class steps then and now, and
/// how the analysts' classes moved. Round-1 values are null when no assessment of the scenario went through a round change.
/// </summary>
public sealed record CriterionRounds(
    string Criterion,
    IReadOnlyDictionary<ImpactClass, int> Now,
    ImpactClass? NowMin, ImpactClass? NowMax,
    IReadOnlyDictionary<ImpactClass, int>? Round1,
    ImpactClass? Round1Min, ImpactClass? Round1Max,
    int MovedUp, int MovedDown, int Unchanged)
{
    public int? NowRange => NowMin is { } lo && NowMax is { } hi ? hi - lo : null;
    public int? Round1Range => Round1Min is { } lo && Round1Max is { } hi ? hi - lo : null;
    /// <summary>True when the spread is smaller now than in round 1.</summary>
    public bool Narrowed => NowRange is { } now && Round1Range is { } then && now < then;
    public bool Widened => NowRange is { } now && Round1Range is { } then && now > then;
}

/// <param name="Round">The round of the open cycle the scenario is in (the latest cycle when none is open); null outside any cycle.</param>
/// <param name="AnalystCount">How many assessments the caller may see (the distribution counts only those).</param>
public sealed record ScenarioRoundsView(string Scenario, string? Cycle, int? Round, int AnalystCount, bool HasRound1, IReadOnlyList<CriterionRounds> Criteria,
    IReadOnlyList<FieldError> Problems);

/// <summary>
/// The Delphi view of a scenario (METHODS §7): the group's anonymised distribution of point classes per criterion, and
/// the movement since the blind round (spread then and now, whether it narrowed, how classes moved). Reads only the
/// assessments the caller may see, so in the blind round an analyst who has not submitted sees only their own.
/// </summary>
public sealed class DelphiRounds(IBakenDb db, LoadAnalysisCatalogue catalogueLoader)
{
    public async Task<Result<ScenarioRoundsView>> HandleAsync(string scenarioCode, CancellationToken ct = default)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Code == scenarioCode, ct);
        if (scenario is null) return Result<ScenarioRoundsView>.NotFound(AllowedTexts.NoScenarioWithCode.With(scenarioCode));
        var catalogue = await catalogueLoader.HandleAsync(ct);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.ScenarioCode == scenarioCode).ToListAsync(ct))
            .OrderBy(a => a.Analyst, StringComparer.Ordinal).ToList();
        var cycles = (await db.Cycles.AsNoTracking().Where(c => c.Scenarios.Contains(scenarioCode)).ToListAsync(ct))
            .OrderByDescending(c => c.Status == Domain.Workflow.CycleStatus.Open).ThenByDescending(c => c.CreatedAtUtc).ToList();
        return Result<ScenarioRoundsView>.Ok(Build(scenario, assessments, catalogue, cycles.FirstOrDefault()));
    }

    /// <summary>The Delphi view of one scenario from the assessments the caller sees.</summary>
    public static ScenarioRoundsView Build(Domain.Register.Scenario scenario, IReadOnlyList<Assessment> assessments, AnalysisCatalogue catalogue, Domain.Workflow.AssessmentCycle? cycle)
    {
        var (now, problems) = CompareAnalysts.Evaluate(scenario, assessments, catalogue);
        var before = assessments.Where(a => a.Round1Scores is not null).Select(Round1).ToList();
        var (then, problemsThen) = CompareAnalysts.Evaluate(scenario, before, catalogue);
        var rows = new List<CriterionRounds>();
        if (now is not null)
            foreach (var c in now.Criteria.Append(now.LikelihoodDisagreement with { Code = "likelihood" }))
            {
                var old = then is null ? null : c.Code == "likelihood" ? then.LikelihoodDisagreement : then.Criteria.FirstOrDefault(x => x.Code == c.Code);
                int up = 0, down = 0, same = 0;
                if (old is not null)
                    foreach (var a in c.AnalystClasses)
                        if (old.AnalystClasses.FirstOrDefault(o => o.Analyst == a.Analyst) is { } o)
                        {
                            if (a.PointClass > o.PointClass) up++;
                            else if (a.PointClass < o.PointClass) down++;
                            else same++;
                        }
                rows.Add(new CriterionRounds(c.Code, Counts(c), Min(c), Max(c), old is null ? null : Counts(old), old is null ? null : Min(old), old is null ? null : Max(old), up, down, same));
            }
        return new ScenarioRoundsView(scenario.Code, cycle?.Code, cycle?.Round, assessments.Count, then is not null, rows,
            [.. problems, .. problemsThen]);
    }

    private static IReadOnlyDictionary<ImpactClass, int> Counts(ClassDisagreement d) =>
        d.AnalystClasses.Where(a => a.PointClass != ImpactClass.X).GroupBy(a => a.PointClass).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    private static ImpactClass? Min(ClassDisagreement d) =>
        d.AnalystClasses.Where(a => a.PointClass != ImpactClass.X).Select(a => (ImpactClass?)a.PointClass).Min();

    private static ImpactClass? Max(ClassDisagreement d) =>
        d.AnalystClasses.Where(a => a.PointClass != ImpactClass.X).Select(a => (ImpactClass?)a.PointClass).Max();

    /// <summary>The assessment as it stood at the change to round 2.</summary>
    private static Assessment Round1(Assessment a)
    {
        var copy = new Assessment
        {
            ScenarioCode = a.ScenarioCode, Analyst = a.Analyst, Organisation = a.Organisation, HorizonYears = a.HorizonYears,
            Likelihood = a.Round1Likelihood, Intent = a.Intent, Capability = a.Capability, Vulnerability = a.Vulnerability,
            OverrideReason = a.OverrideReason, Confidence = a.Confidence, Scores = a.Round1Scores ?? [],
        };
        copy.Classify(a.Classification);
        return copy;
    }
}
