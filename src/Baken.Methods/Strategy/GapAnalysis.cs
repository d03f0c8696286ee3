using static Baken.Methods.Strategy.StrategyGuard;

namespace Baken.Methods.Strategy;

/// <summary>
/// Finds the gaps between the risk picture, the strategy tree and its follow-up (METHODS §6): high-ranked scenarios
/// nobody addresses, goals without owner, measure or indicator, indicators without recent values, overdue
/// milestones and council actions, and links to codes that do not exist.
/// </summary>
/// <remarks>
/// Decisions on the edges:
/// <list type="bullet">
/// <item>"Before today" is strict: a deadline or due date equal to today is not overdue yet. A value is stale when
/// today &gt; last value date + <see cref="GapSettings.StaleAfterDays"/>; its update is overdue when today &gt; last value
/// date + <see cref="IndicatorInfo.UpdateIntervalDays"/>. Both facts go into one gap per indicator.</item>
/// <item>A value dated after today is taken at face value (recent); date plausibility is the importer's job.</item>
/// <item>Stopped measures address no scenario and implement no goal; they are never overdue. Unknown measure codes on
/// a goal do not count as measures (and are reported as <see cref="GapKind.DanglingLink"/>).</item>
/// <item>An indicator without a target cannot miss its deadline: it gets no <see cref="GapKind.OverdueMilestone"/>
/// (it is still checked for recent values). An indicator with a target, a passed deadline and no value at all is
/// overdue (nothing shows the target was reached).</item>
/// <item>A reminder (<see cref="GapKind.UpdateDueSoon"/>) is only given when the indicator has no
/// <see cref="GapKind.IndicatorWithoutRecentValue"/> gap, so owners get one message at a time.</item>
/// <item>Dangling links: goal → scenario not in the ranked list, goal → unknown measure, measure → scenario not in the
/// ranked list, indicator → unknown goal; one gap per link. A follow-up's council code is not checked (no council
/// list is passed in).</item>
/// <item>Every indicator is checked, also those not linked to a goal.</item>
/// </list>
/// </remarks>
public static class GapAnalysis
{
    /// <param name="scenarios">Scenarios of the latest integrated analysis with their rank; codes unique.</param>
    /// <param name="goals">Strategy goals; codes unique.</param>
    /// <param name="measures">Measures; codes unique.</param>
    /// <param name="indicators">Indicators; codes unique.</param>
    /// <param name="followUps">Council follow-up actions; codes unique.</param>
    /// <param name="today">The date to judge deadlines against (the caller's clock).</param>
    /// <param name="settings">Thresholds.</param>
    public static GapReport Find(
        IReadOnlyList<RankedScenario> scenarios,
        IReadOnlyList<GoalInfo> goals,
        IReadOnlyList<MeasureInfo> measures,
        IReadOnlyList<IndicatorInfo> indicators,
        IReadOnlyList<FollowUpInfo> followUps,
        DateOnly today,
        GapSettings settings)
    {
        UniqueList(scenarios, s => s.Code, "scenario", nameof(scenarios));
        UniqueList(goals, g => g.Code, "goal", nameof(goals));
        UniqueList(measures, m => m.Code, "measure", nameof(measures));
        UniqueList(indicators, i => i.Code, "indicator", nameof(indicators));
        UniqueList(followUps, f => f.Code, "follow-up action", nameof(followUps));
        ArgumentNullException.ThrowIfNull(settings);

        var found = new List<(Gap Gap, int Rank)>();
        void Add(GapKind kind, GapSubject subject, string code, string title, GapMessage message, string explanation, DateOnly? since = null, int rank = 0) =>
            found.Add((new Gap(kind, code, title, explanation, since, subject, message), rank));

        var scenarioCodes = scenarios.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var measuresByCode = measures.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var goalCodes = goals.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);

        UnaddressedScenarios(scenarios, goals, measures, settings, Add);
        var measuredGoals = indicators.Where(i => i.GoalCode is not null).Select(i => i.GoalCode!).ToHashSet(StringComparer.Ordinal);
        foreach (var goal in goals)
            GoalGaps(goal, measuresByCode, scenarioCodes, measuredGoals, Add);
        foreach (var measure in measures)
            MeasureGaps(measure, scenarioCodes, today, Add);
        foreach (var indicator in indicators)
            IndicatorGaps(indicator, goalCodes, today, settings, Add);
        foreach (var action in followUps.Where(a => !a.Done && a.Deadline < today))
            Add(GapKind.OverdueAction, GapSubject.FollowUpAction, action.Code, action.Title,
                new("action.overdue", action.CouncilCode ?? "—", action.Owner ?? "—", action.Deadline, today.DayNumber - action.Deadline.DayNumber),
                $"Follow-up action of {action.CouncilCode ?? "no council"} (owner {action.Owner ?? "none"}) was due {Format(action.Deadline)}, {Days(action.Deadline, today)} ago, and is not done.",
                action.Deadline);

        var ordered = found
            .OrderBy(f => f.Gap.Kind)
            .ThenBy(f => f.Rank)
            .ThenBy(f => f.Gap.SubjectCode, StringComparer.Ordinal)
            .ThenBy(f => f.Gap.Subject)
            .ThenBy(f => f.Gap.Explanation, StringComparer.Ordinal)
            .Select(f => f.Gap)
            .ToList();
        return new GapReport(today, ordered.AsReadOnly());
    }

    private delegate void AddGap(GapKind kind, GapSubject subject, string code, string title, GapMessage message, string explanation, DateOnly? since = null, int rank = 0);

    private static void UnaddressedScenarios(
        IReadOnlyList<RankedScenario> scenarios, IReadOnlyList<GoalInfo> goals, IReadOnlyList<MeasureInfo> measures, GapSettings settings, AddGap add)
    {
        var byGoal = goals.SelectMany(g => g.ScenarioCodes).ToHashSet(StringComparer.Ordinal);
        var byLiveMeasure = measures.Where(m => m.IsLive).SelectMany(m => m.ScenarioCodes).ToHashSet(StringComparer.Ordinal);
        var byStoppedMeasure = measures.Where(m => !m.IsLive).SelectMany(m => m.ScenarioCodes).ToHashSet(StringComparer.Ordinal);
        foreach (var scenario in scenarios.Where(s => s.Rank <= settings.TopScenarios))
        {
            if (byGoal.Contains(scenario.Code) || byLiveMeasure.Contains(scenario.Code)) continue;
            var measurePart = byStoppedMeasure.Contains(scenario.Code)
                ? "only stopped measures have an effect on it"
                : "no measure has an effect on it";
            add(GapKind.UnaddressedScenario, GapSubject.Scenario, scenario.Code, scenario.Title,
                new(byStoppedMeasure.Contains(scenario.Code) ? "unaddressed.stopped" : "unaddressed", scenario.Rank, scenarios.Count, settings.TopScenarios),
                $"Ranked {scenario.Rank} of {scenarios.Count} (top {settings.TopScenarios} must be addressed), but no goal links it and {measurePart}.",
                rank: scenario.Rank);
        }
    }

    private static void GoalGaps(
        GoalInfo goal, Dictionary<string, MeasureInfo> measures, HashSet<string> scenarioCodes, HashSet<string> measuredGoals, AddGap add)
    {
        if (goal.Owner is null)
            add(GapKind.GoalWithoutOwner, GapSubject.Goal, goal.Code, goal.Title, new("goal.noowner"), "The goal has no owner: nobody is accountable for it.");

        var known = goal.MeasureCodes.Where(measures.ContainsKey).Select(c => measures[c]).ToList();
        if (!known.Any(m => m.IsLive))
        {
            var why = goal.MeasureCodes.Count == 0 ? "it links no measure"
                : known.Count == 0 ? $"none of its {goal.MeasureCodes.Count} linked measure code(s) is a known measure"
                : $"all its known measures are stopped ({string.Join(", ", known.Select(m => m.Code))})";
            var message = goal.MeasureCodes.Count == 0 ? new GapMessage("goal.nomeasure")
                : known.Count == 0 ? new GapMessage("goal.nomeasure.unknown", goal.MeasureCodes.Count)
                : new GapMessage("goal.nomeasure.stopped", string.Join(", ", known.Select(m => m.Code)));
            add(GapKind.GoalWithoutMeasure, GapSubject.Goal, goal.Code, goal.Title, message, $"The goal has no live measure to implement it: {why}.");
        }

        if (!measuredGoals.Contains(goal.Code))
            add(GapKind.GoalWithoutIndicator, GapSubject.Goal, goal.Code, goal.Title, new("goal.noindicator"), "No indicator measures progress on the goal.");

        foreach (var code in goal.ScenarioCodes.Where(c => !scenarioCodes.Contains(c)))
            add(GapKind.DanglingLink, GapSubject.Goal, goal.Code, goal.Title, new("goal.scenario.dangling", code), $"The goal links scenario '{code}', which is not in the latest integrated analysis.");
        foreach (var code in goal.MeasureCodes.Where(c => !measures.ContainsKey(c)))
            add(GapKind.DanglingLink, GapSubject.Goal, goal.Code, goal.Title, new("goal.measure.dangling", code), $"The goal links measure '{code}', which does not exist.");
    }

    private static void MeasureGaps(MeasureInfo measure, HashSet<string> scenarioCodes, DateOnly today, AddGap add)
    {
        if (measure.Due is { } due && due < today && measure.Status is not (MeasureProgress.Implemented or MeasureProgress.Stopped))
            add(GapKind.OverdueMilestone, GapSubject.Measure, measure.Code, measure.Title,
                new("measure.overdue", due, today.DayNumber - due.DayNumber, measure.Status),
                $"Measure was due for implementation on {Format(due)}, {Days(due, today)} ago, but its status is {measure.Status}.", due);
        foreach (var code in measure.ScenarioCodes.Where(c => !scenarioCodes.Contains(c)))
            add(GapKind.DanglingLink, GapSubject.Measure, measure.Code, measure.Title, new("measure.scenario.dangling", code), $"The measure has an effect on scenario '{code}', which is not in the latest integrated analysis.");
    }

    private static void IndicatorGaps(IndicatorInfo indicator, HashSet<string> goalCodes, DateOnly today, GapSettings settings, AddGap add)
    {
        if (indicator.LastValueDate is not { } last)
        {
            add(GapKind.IndicatorWithoutRecentValue, GapSubject.Indicator, indicator.Code, indicator.Title,
                new("indicator.novalue", indicator.UpdateIntervalDays),
                $"No value has ever been reported (owners must report every {indicator.UpdateIntervalDays} days).");
        }
        else
        {
            var staleFrom = last.AddDays(settings.StaleAfterDays);
            var dueOn = last.AddDays(indicator.UpdateIntervalDays);
            var stale = today > staleFrom;
            var overdue = today > dueOn;
            if (stale || overdue)
            {
                    var facts = new List<string>();
                if (overdue) facts.Add($"update overdue: owners must report every {indicator.UpdateIntervalDays} days, so the next value was due {Format(dueOn)}");
                if (stale) facts.Add($"stale: older than the {settings.StaleAfterDays}-day limit");
                var since = overdue && stale ? (dueOn < staleFrom ? dueOn : staleFrom) : overdue ? dueOn : staleFrom;
                add(GapKind.IndicatorWithoutRecentValue, GapSubject.Indicator, indicator.Code, indicator.Title,
                    new(overdue && stale ? "indicator.overdue.stale" : overdue ? "indicator.overdue" : "indicator.stale",
                        last, today.DayNumber - last.DayNumber, indicator.UpdateIntervalDays, dueOn, settings.StaleAfterDays),
                    $"Last value dated {Format(last)} is {Days(last, today)} old; {string.Join("; ", facts)}.", since);
            }
            else if (dueOn <= today.AddDays(settings.ReminderDaysAhead))
            {
                add(GapKind.UpdateDueSoon, GapSubject.Indicator, indicator.Code, indicator.Title,
                    new("indicator.duesoon", dueOn, dueOn.DayNumber - today.DayNumber, last, indicator.UpdateIntervalDays, settings.ReminderDaysAhead),
                    $"Next value is due {Format(dueOn)}, in {Days(today, dueOn)} (last value {Format(last)}, reporting every {indicator.UpdateIntervalDays} days; reminder window {settings.ReminderDaysAhead} days).",
                    dueOn);
            }
        }

        if (indicator.Deadline is { } deadline && deadline < today && indicator.Target is { } target && indicator.TargetReached != true)
        {
            var value = indicator.LastValue is { } v ? $"the last value is {Format(v)}" : "no value has been reported";
            var need = indicator.Direction == IndicatorDirection.Increase ? "≥" : "≤";
            add(GapKind.OverdueMilestone, GapSubject.Indicator, indicator.Code, indicator.Title,
                new(indicator.LastValue is null ? "indicator.deadline.novalue" : "indicator.deadline", deadline, today.DayNumber - deadline.DayNumber, need, target,
                    indicator.LastValue ?? 0),
                $"Deadline {Format(deadline)} passed {Days(deadline, today)} ago without the target reached: it needs a value {need} {Format(target)}, but {value}.",
                deadline);
        }

        if (indicator.GoalCode is { } goalCode && !goalCodes.Contains(goalCode))
            add(GapKind.DanglingLink, GapSubject.Indicator, indicator.Code, indicator.Title, new("indicator.goal.dangling", goalCode), $"The indicator measures goal '{goalCode}', which does not exist.");
    }

    private static string Days(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days == 1 ? "1 day" : $"{days} days";
    }
}
