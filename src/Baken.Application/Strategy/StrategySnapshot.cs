using Baken.Application.Analysis;
using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Councils;
using Baken.Domain.Security;
using Baken.Domain.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Strategy;

/// <summary>
/// The strategy and its follow-up as one reader may see it: goals, measures, indicators, progress updates, council
/// actions and the ranking of the latest analysis run. With <see cref="StrategyAudience"/> narrower than the caller's
/// own clearance (a public report), everything above the audience is left out and only counted per level.
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
    IReadOnlyDictionary<ClassificationLevel, int> Withheld,
    StrategyAudience Audience)
{
    public int WithheldCount => Withheld.Values.Sum();

    /// <summary>The highest classification among what the snapshot holds: the marking of anything made from it.</summary>
    public Classification Highest => Classification.Highest(
        Goals.Cast<Record>().Concat(Measures).Concat(Indicators).Concat(Updates).Concat(Actions).Select(r => r.Classification)
            .Append(new Classification(RunLevel, 0)));

    internal ClassificationLevel RunLevel { get; init; }

    /// <summary>The latest value reported for an indicator, with its date.</summary>
    public ProgressUpdate? LatestValue(string indicatorCode) =>
        Updates.Where(u => u.IndicatorCode == indicatorCode && u.Value is not null).OrderByDescending(u => u.Date).ThenByDescending(u => u.Code).FirstOrDefault();

    /// <summary>The latest status an owner reported for a goal or measure ("goal:CODE").</summary>
    public ProgressUpdate? LatestStatus(string subject) =>
        Updates.Where(u => u.Subject == subject).OrderByDescending(u => u.Date).ThenByDescending(u => u.Code).FirstOrDefault();
}

/// <param name="Level">The highest level the audience may see; null: the caller's own clearance.</param>
/// <param name="PublicOnly">Only records marked publishable and without compartments (parliament, the public).</param>
public sealed record StrategyAudience(ClassificationLevel? Level, bool PublicOnly)
{
    public static StrategyAudience Caller { get; } = new(null, false);

    public bool Admits(Record r) =>
        (Level is null || r.ClassificationLevel <= Level) && (!PublicOnly || (r.Publishable && r.CompartmentMask == 0));
}

/// <summary>Leaves out what an audience may not see, counting it per level: the only trace a redacted version keeps.</summary>
public sealed class WithheldCounter(StrategyAudience audience)
{
    private readonly Dictionary<ClassificationLevel, int> _withheld = [];

    public IReadOnlyDictionary<ClassificationLevel, int> Withheld => _withheld;

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

    public void Count(Record r) => _withheld[r.ClassificationLevel] = _withheld.GetValueOrDefault(r.ClassificationLevel) + 1;
}

public sealed class LoadStrategy(IBakenDb db)
{
    /// <param name="edition">Only the goals of this edition (and the indicators and updates of those goals); null: every edition.</param>
    public async Task<StrategySnapshot> HandleAsync(StrategyAudience? audience = null, CancellationToken ct = default, string? edition = null)
    {
        audience ??= StrategyAudience.Caller;
        var withheld = new WithheldCounter(audience);
        List<T> Keep<T>(IEnumerable<T> records) where T : Record => withheld.Keep(records);

        var goals = Keep((await db.Goals.AsNoTracking().Where(g => edition == null || g.Edition == edition).ToListAsync(ct)).OrderBy(g => g.Edition).ThenBy(g => g.Number).ThenBy(g => g.Code, Register.NaturalComparer.Instance).ToList());
        var measures = Keep((await db.Measures.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.Code, Register.NaturalComparer.Instance).ToList());
        var goalCodes = goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var indicators = Keep((await db.Indicators.AsNoTracking().ToListAsync(ct)).Where(i => edition == null || goalCodes.Contains(i.GoalCode))
            .OrderBy(i => i.Code, Register.NaturalComparer.Instance).ToList());
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
        if (audience != StrategyAudience.Caller)
        {
            var visibleScenarios = (await db.Scenarios.AsNoTracking().ToListAsync(ct)).Where(audience.Admits).Select(s => s.Code);
            scenarioCodes.UnionWith(visibleScenarios);
            goals = goals.Select(g => Copy(g, Filter(g.Scenarios, scenarioCodes), Filter(g.Measures, measureCodes))).ToList();
        }
        return new StrategySnapshot(goals, measures, indicators, updates, actions, actionCouncils, ranked, audience.Admits(run ?? new Baken.Domain.Analysis.AnalysisRun()) ? run?.Code : null,
            withheld.Withheld, audience) { RunLevel = run is not null && audience.Admits(run) ? run.ClassificationLevel : ClassificationLevel.Ongerubriceerd };
    }

    private static string? Filter(string? codes, HashSet<string> keep) =>
        string.Join(";", Register.RecordFieldBuilder<Record>.SplitCodes(codes).Where(keep.Contains)) is { Length: > 0 } s ? s : null;

    private static StrategyGoal Copy(StrategyGoal g, string? scenarios, string? measures)
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
