using Baken.Methods.Strategy;

namespace Baken.Methods.Councils;

/// <summary>A strategy goal as the council coverage check sees it.</summary>
/// <param name="Code">Goal code (non-blank, ordinal).</param>
/// <param name="Title">Display title (may be empty, not null).</param>
/// <param name="Pillar">Pillar code or name (GBVS: Voorkomen, Verdedigen, Versterken); non-blank.</param>
/// <param name="ScenarioCodes">Scenarios the goal addresses; blank entries rejected, repeats dropped.</param>
/// <param name="MeasureCodes">Measures that implement it; blank entries rejected, repeats dropped.</param>
public sealed record CoverageGoal(string Code, string Title, string Pillar, IReadOnlyList<string> ScenarioCodes, IReadOnlyList<string> MeasureCodes)
{
    public string Code { get; } = StrategyGuard.Code(Code, "CoverageGoal.Code", nameof(Code));

    public string Title { get; } = StrategyGuard.Title(Title, $"CoverageGoal.Title of '{Code}'", nameof(Title));

    public string Pillar { get; } = StrategyGuard.Code(Pillar, $"CoverageGoal.Pillar of '{Code}'", nameof(Pillar));

    public IReadOnlyList<string> ScenarioCodes { get; } = StrategyGuard.Codes(ScenarioCodes, $"CoverageGoal.ScenarioCodes of '{Code}'", nameof(ScenarioCodes));

    public IReadOnlyList<string> MeasureCodes { get; } = StrategyGuard.Codes(MeasureCodes, $"CoverageGoal.MeasureCodes of '{Code}'", nameof(MeasureCodes));
}

/// <summary>Whether a goal was discussed in the cycle, and by which items.</summary>
/// <param name="Goal">The goal.</param>
/// <param name="Discussed">True when at least one item qualifies.</param>
/// <param name="Items">The qualifying items, ordered by meeting date, then item code (ordinal).</param>
public sealed record GoalCoverage(CoverageGoal Goal, bool Discussed, IReadOnlyList<AgendaEntry> Items);

/// <summary>How many goals of a pillar were discussed in the cycle.</summary>
/// <param name="Pillar">Pillar as given on the goals.</param>
/// <param name="Discussed">Goals of the pillar discussed, 0 ≤ Discussed ≤ Total.</param>
/// <param name="Total">Goals of the pillar, ≥ 1.</param>
public sealed record PillarCoverage(string Pillar, int Discussed, int Total)
{
    /// <summary>Discussed / Total, in [0, 1].</summary>
    public double Fraction => (double)Discussed / Total;
}

/// <summary>The result of <see cref="StrategyCoverage.Of"/>.</summary>
/// <param name="From">First day of the cycle (inclusive).</param>
/// <param name="To">Last day of the cycle (inclusive).</param>
/// <param name="Goals">One entry per goal, in the order the goals were given (the strategy tree's order).</param>
/// <param name="Pillars">One entry per pillar, in order of the pillar's first goal.</param>
public sealed record CoverageReport(DateOnly From, DateOnly To, IReadOnlyList<GoalCoverage> Goals, IReadOnlyList<PillarCoverage> Pillars)
{
    public int DiscussedCount => Goals.Count(g => g.Discussed);

    public IReadOnlyList<CoverageGoal> NotDiscussed => Goals.Where(g => !g.Discussed).Select(g => g.Goal).ToList();
}

/// <summary>Which strategy goals the councils discussed in a cycle (e.g. a year, or the two years of a progress report).</summary>
public static class StrategyCoverage
{
    /// <summary>
    /// A goal counts as discussed when an item with a meeting date in [<paramref name="from"/>, <paramref name="to"/>]
    /// (both inclusive) links the goal's code, one of its scenario codes or one of its measure codes. Undated items
    /// were not (yet) discussed and never count. Any council counts.
    /// </summary>
    /// <param name="goals">Goals; codes unique (ordinal).</param>
    /// <param name="discussed">Agenda items of all councils; item codes unique.</param>
    /// <param name="from">First day of the cycle.</param>
    /// <param name="to">Last day of the cycle; ≥ <paramref name="from"/>.</param>
    public static CoverageReport Of(IReadOnlyList<CoverageGoal> goals, IReadOnlyList<AgendaEntry> discussed, DateOnly from, DateOnly to)
    {
        StrategyGuard.UniqueList(goals, g => g.Code, "goal", nameof(goals));
        StrategyGuard.UniqueList(discussed, i => i.ItemCode, "agenda item", nameof(discussed));
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), to,
                $"to = {StrategyGuard.Format(to)} lies before from = {StrategyGuard.Format(from)}: the cycle must end on or after its first day.");

        var inCycle = discussed
            .Where(i => i.MeetingDate is { } d && d >= from && d <= to)
            .OrderBy(i => i.MeetingDate).ThenBy(i => i.ItemCode, StringComparer.Ordinal)
            .ToList();
        var itemsByCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < inCycle.Count; k++)
            foreach (var code in inCycle[k].LinkedCodes)
            {
                if (!itemsByCode.TryGetValue(code, out var list)) itemsByCode[code] = list = [];
                list.Add(k);
            }

        var coverage = new List<GoalCoverage>(goals.Count);
        foreach (var goal in goals)
        {
            var hits = new SortedSet<int>();
            foreach (var code in goal.ScenarioCodes.Concat(goal.MeasureCodes).Prepend(goal.Code))
                if (itemsByCode.TryGetValue(code, out var list)) hits.UnionWith(list);
            var items = hits.Select(k => inCycle[k]).ToList().AsReadOnly();
            coverage.Add(new GoalCoverage(goal, items.Count > 0, items));
        }

        var pillars = coverage
            .GroupBy(c => c.Goal.Pillar, StringComparer.Ordinal)
            .Select(g => new PillarCoverage(g.Key, g.Count(c => c.Discussed), g.Count()))
            .ToList();
        return new CoverageReport(from, to, coverage.AsReadOnly(), pillars.AsReadOnly());
    }
}
