using Baken.Methods.Councils;

namespace Baken.Methods.Tests.Councils;

internal static class CouncilBuilders
{
    public static readonly DateOnly Day0 = new(2026, 1, 12);

    /// <summary>An agenda item on day <paramref name="day"/> after <see cref="Day0"/> (null: not yet planned).</summary>
    public static AgendaEntry Item(string code, string council, int? day, string title = "", params string[] links) =>
        new(code, title, council, day is null ? null : $"{council}-{day}", day is { } d ? Day0.AddDays(d) : null, links);

    public static CoverageGoal CGoal(string code, string pillar, string[]? scenarios = null, string[]? measures = null) =>
        new(code, $"Goal {code}", pillar, scenarios ?? [], measures ?? []);

    public static string[] Pairs(this IEnumerable<AgendaOverlap> overlaps) =>
        overlaps.Select(o => $"{o.First.ItemCode}+{o.Second.ItemCode}").ToArray();
}
