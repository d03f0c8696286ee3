using Baken.Methods.Strategy;
using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain;
using Baken.Domain.Councils;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Strategy;

/// <summary>
/// The strategy and its follow-up as one reader may see it: goals, measures, indicators, progress updates, council
/// actions and the ranking of the latest analysis run. For an <see cref="Audience"/> narrower than the caller (a public
/// report), everything the audience may not see is left out and counted: one total, and per goal how many of its
/// measures and indicators were left out, so a product can say so at that place (METHODS §10).
/// </summary>
public sealed record StrategySnapshot(
    IReadOnlyList<StrategyGoal> Goals,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<ProgressUpdate> Updates,
    IReadOnlyList<FollowUpAction> Actions,
    IReadOnlyDictionary<string, string> ActionCouncils,
    IReadOnlyList<ScenarioSummary> RankedScenarios,
    string? RunCode,
    int WithheldCount,
    Audience Audience)
{
    /// <summary>The highest classification among what the snapshot holds: the marking of anything made from it.</summary>
    public Classification Highest => Classification.Highest(
        Goals.Cast<Record>().Concat(Measures).Concat(Indicators).Concat(Updates).Concat(Actions).Select(r => r.Classification)
            .Append(RunClassification));

    /// <summary>The marking line of anything made from this snapshot (<see cref="Highest"/> with compartment codes).</summary>
    public Marking Marking { get; init; } = Marking.Unclassified;

    internal Classification RunClassification { get; init; }

    /// <summary>
    /// The high-water mark of a list of gaps found on this snapshot: the classification of each gap's subject (a scenario's
    /// rank comes from the analysis run, so a scenario gap carries the run's), never of the whole snapshot.
    /// </summary>
    public Classification GapsClassification(IEnumerable<Gap> gaps)
    {
        Classification Of(Gap g)
        {
            IEnumerable<Record> records = g.Subject switch
            {
                GapSubject.Goal => Goals,
                GapSubject.Measure => Measures,
                GapSubject.Indicator => Indicators,
                GapSubject.FollowUpAction => Actions,
                _ => [],
            };
            if (g.Subject == GapSubject.Scenario) return RunClassification;
            // A subject not found fails closed: the snapshot's own mark.
            return records.FirstOrDefault(r => r.Code == g.SubjectCode)?.Classification ?? Highest;
        }
        return Classification.Highest(gaps.Select(Of));
    }

    /// <summary>Per goal code: measures and indicators of the goal left out of this version (not visible to the audience).</summary>
    public IReadOnlyDictionary<string, int> WithheldPerGoal { get; init; } = new Dictionary<string, int>();

    /// <summary>Goals that have at least one measure or indicator linked in the full register, whoever may see it.</summary>
    public IReadOnlySet<string> GoalsLinkedOnFullData { get; init; } = new HashSet<string>();

    /// <summary>
    /// The codes this version may name, as "kind:code" (scenario, measure, goal); null: no masking. A link to anything else
    /// reads <see cref="Register.RecordReferences.Withheld"/> in what is made from the snapshot (the gap list), never its code.
    /// </summary>
    public IReadOnlySet<string>? VisibleCodes { get; init; }

    /// <summary>The code as it may be shown: itself when <see cref="VisibleCodes"/> holds it, otherwise "withheld".</summary>
    public string Shown(string kind, string code) =>
        VisibleCodes is null || VisibleCodes.Contains(kind + ":" + code) ? code : Register.RecordReferences.Withheld;

    /// <summary>The latest value reported for an indicator, with its date.</summary>
    public ProgressUpdate? LatestValue(string indicatorCode) =>
        Updates.Where(u => u.IndicatorCode == indicatorCode && u.Value is not null).OrderByDescending(u => u.Date).ThenByDescending(u => u.Code).FirstOrDefault();

    /// <summary>The latest status an owner reported for a goal or measure.</summary>
    public ProgressUpdate? LatestStatus(RecordLink subject) =>
        Updates.Where(u => u.Subject == subject).OrderByDescending(u => u.Date).ThenByDescending(u => u.Code).FirstOrDefault();
}

/// <summary>
/// Leaves out what an audience may not see and counts it. Only the total is kept: counts per level would tell a reader
/// how much exists above their level (METHODS §10).
/// </summary>
public sealed class WithheldCounter(Audience audience)
{
    public int Withheld { get; private set; }

    public List<T> Keep<T>(IEnumerable<T> records) where T : Record
    {
        var kept = new List<T>();
        foreach (var r in records)
        {
            if (audience.Admits(r)) kept.Add(r);
            else Count(r);
        }
        return kept;
    }

    public void Count(Record r) => Withheld++;
}

public sealed class LoadStrategy(IBakenDb db)
{
    /// <param name="edition">Only the goals of this edition (and the indicators and updates of those goals); null: every edition.</param>
    public async Task<StrategySnapshot> HandleAsync(Audience? audience = null, CancellationToken ct = default, string? edition = null)
    {
        audience ??= Audience.Caller;
        var withheld = new WithheldCounter(audience);
        List<T> Keep<T>(IEnumerable<T> records) where T : Record => withheld.Keep(records);

        var allGoals = (await db.Goals.AsNoTracking().Where(g => edition == null || g.Edition == edition).ToListAsync(ct)).OrderBy(g => g.Edition).ThenBy(g => g.Number).ThenBy(g => g.Code, Register.NaturalComparer.Instance).ToList();
        var goals = Keep(allGoals);
        var allMeasures = (await db.Measures.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.Code, Register.NaturalComparer.Instance).ToList();
        var measures = Keep(allMeasures);
        var goalCodes = goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var allIndicators = (await db.Indicators.AsNoTracking().ToListAsync(ct)).Where(i => edition == null || goalCodes.Contains(i.GoalCode))
            .OrderBy(i => i.Code, Register.NaturalComparer.Instance).ToList();
        var indicators = Keep(allIndicators);
        var updates = Keep(await db.ProgressUpdates.AsNoTracking().OrderBy(u => u.Date).ToListAsync(ct));
        var actions = Keep((await db.FollowUpActions.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Deadline).ThenBy(a => a.Code, StringComparer.Ordinal).ToList());

        // An action's council is that of the agenda item its decision was taken on.
        var decisions = await db.Decisions.AsNoTracking().Select(d => new { d.Code, d.AgendaItemCode }).ToListAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Select(i => new { i.Code, i.CouncilCode }).ToDictionaryAsync(i => i.Code, i => i.CouncilCode, ct);
        var councils = decisions.Where(d => items.ContainsKey(d.AgendaItemCode)).ToDictionary(d => d.Code, d => items[d.AgendaItemCode], StringComparer.Ordinal);
        var actionCouncils = actions.Where(a => councils.ContainsKey(a.DecisionCode)).ToDictionary(a => a.Code, a => councils[a.DecisionCode], StringComparer.Ordinal);

        var run = await db.AnalysisRuns.AsNoTracking().OrderByDescending(r => r.RunAtUtc).FirstOrDefaultAsync(ct);
        IReadOnlyList<ScenarioSummary> ranked = [];
        if (run is not null && audience.Admits(run)) ranked = RunSummary.Parse(run.ResultsJson).OrderBy(s => s.Rank).ToList();
        else if (run is not null) withheld.Count(run);

        // Links to records the audience may not see are dropped, so a code cannot hint at what was withheld.
        var measureCodes = measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var scenarioCodes = ranked.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var visibleScenarios = (await db.Scenarios.AsNoTracking().ToListAsync(ct)).Where(audience.Admits).Select(s => s.Code);
        scenarioCodes.UnionWith(visibleScenarios);
        if (audience != Audience.Caller)
            goals = goals.Select(g => Copy(g, Filter(g.Scenarios, scenarioCodes), Filter(g.Measures, measureCodes))).ToList();
        // What the reader may see by name; a link to anything else (raised above them after it was made) reads "withheld".
        var visibleCodes = scenarioCodes.Select(c => "scenario:" + c).Concat(measureCodes.Select(c => "measure:" + c))
            .Concat(goals.Select(g => "goal:" + g.Code)).ToHashSet(StringComparer.Ordinal);
        // Per goal, what the audience does not get of what the caller sees: the product says so under the goal.
        var keptMeasures = measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var keptIndicators = indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var perGoal = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in allGoals.Where(g => goalCodes.Contains(g.Code)))
        {
            var missing = g.Measures.Distinct()
                .Count(c => allMeasures.Any(m => m.Code == c) && !keptMeasures.Contains(c))
                + allIndicators.Count(i => i.GoalCode == g.Code && !keptIndicators.Contains(i.Code));
            if (missing > 0) perGoal[g.Code] = missing;
        }

        // Whether a goal has anything linked at all, on the full register: "no measures linked" must be true there too,
        // not only in this version. Only yes/no per goal the reader already sees is kept.
        var allMeasureCodes = (await db.Measures.IgnoreQueryFilters().AsNoTracking().Select(m => m.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var indicatorGoals = (await db.Indicators.IgnoreQueryFilters().AsNoTracking().Select(i => i.GoalCode).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var linked = allGoals.Where(g => goalCodes.Contains(g.Code) &&
                (indicatorGoals.Contains(g.Code) || g.Measures.Any(allMeasureCodes.Contains)))
            .Select(g => g.Code).ToHashSet(StringComparer.Ordinal);

        var runAdmitted = run is not null && audience.Admits(run);
        var snapshot = new StrategySnapshot(goals, measures, indicators, updates, actions, actionCouncils, ranked, runAdmitted ? run!.Code : null,
            withheld.Withheld, audience)
        {
            RunClassification = runAdmitted ? run!.Classification : Classification.Unclassified,
            WithheldPerGoal = perGoal,
            GoalsLinkedOnFullData = linked,
            VisibleCodes = visibleCodes,
        };
        var directory = await CompartmentDirectory.LoadAsync(db, ct);
        return snapshot with { Marking = directory.Marking(snapshot.Highest) };
    }

    private static List<string> Filter(List<string> codes, HashSet<string> keep) => codes.Where(keep.Contains).ToList();

    private static StrategyGoal Copy(StrategyGoal g, List<string> scenarios, List<string> measures)
    {
        var copy = new StrategyGoal
        {
            Id = g.Id, Title = g.Title, TitleEn = g.TitleEn, Edition = g.Edition, Number = g.Number, Pillar = g.Pillar, Summary = g.Summary,
            OwnerCode = g.OwnerCode, Scenarios = scenarios, Measures = measures, Version = g.Version, Publishable = g.Publishable,
            UpdatedAtUtc = g.UpdatedAtUtc, UpdatedBy = g.UpdatedBy, Provenance = g.Provenance,
        };
        copy.Recode(g.Code);
        copy.Classify(g.Classification);
        return copy;
    }
}
