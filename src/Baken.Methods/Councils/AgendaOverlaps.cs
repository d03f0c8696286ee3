using Baken.Methods.Strategy;

namespace Baken.Methods.Councils;

/// <summary>Two agenda items of different councils that concern the same thing at about the same time.</summary>
/// <param name="First">The earlier item (undated after dated; ties by item code, ordinal).</param>
/// <param name="Second">The later item.</param>
/// <param name="SharedCodes">Linked codes both items carry, ordinal order; empty when the overlap is by title only.</param>
/// <param name="TitleSimilarity">Word-token Jaccard similarity of the titles in [0, 1] (see <see cref="Councils.TitleSimilarity"/>).</param>
/// <param name="Reason">English sentence naming why the pair overlaps.</param>
public sealed record AgendaOverlap(AgendaEntry First, AgendaEntry Second, IReadOnlyList<string> SharedCodes, double TitleSimilarity, string Reason);

/// <summary>
/// Finds the same topic on the agendas of different councils (RVI, MCEV, RDIA, NVR): the seeds' complaint that the same
/// people discuss the same topics in three councils.
/// </summary>
public static class AgendaOverlaps
{
    /// <summary>
    /// Every unordered pair of items that (1) belong to different councils, (2) have meeting dates at most
    /// <paramref name="windowDays"/> days apart, or at least one of them undated (an unplanned item may land on any
    /// meeting), and (3) share at least one linked code or have similar titles (<see cref="TitleSimilarity.Of"/> ≥
    /// <see cref="TitleSimilarity.SimilarThreshold"/>).
    /// </summary>
    /// <param name="items">Agenda items; item codes unique (ordinal).</param>
    /// <param name="windowDays">Largest distance in days between two meeting dates that still counts as "at the same time"; ≥ 0. Default 90.</param>
    /// <returns>
    /// Each pair once, with <see cref="AgendaOverlap.First"/> the earlier item. Ordered by the first item's date
    /// (undated last), then the second item's date (undated last), then the first's and the second's item code (ordinal).
    /// </returns>
    /// <remarks>Cost: dated pairs are visited through a date-sorted sliding window, undated items against all; each
    /// visited pair costs a merge of two small sorted integer arrays; 2 000 items with tens of thousands of overlaps take
    /// about 0.2 s in a Debug build (the test asserts &lt; 1 s). The output itself can grow with the square of the input.</remarks>
    public static IReadOnlyList<AgendaOverlap> Find(IReadOnlyList<AgendaEntry> items, int windowDays = 90)
    {
        StrategyGuard.UniqueList(items, i => i.ItemCode, "agenda item", nameof(items));
        if (windowDays < 0)
            throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, $"windowDays = {windowDays}: it must be ≥ 0 days.");

        // Interning codes and title tokens as sorted int arrays makes each pair check an allocation-free merge.
        var codeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sorted = items.OrderBy(i => i.MeetingDate is null).ThenBy(i => i.MeetingDate).ThenBy(i => i.ItemCode, StringComparer.Ordinal).ToArray();
        var codes = sorted.Select(i => Intern(i.LinkedCodes, codeIds)).ToArray();
        var tokens = sorted.Select(i => Intern(TitleSimilarity.Tokens(i.Title), tokenIds)).ToArray();
        var codeNames = codeIds.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        var labels = sorted.Select(i => $"{i.CouncilCode} ({When(i)})").ToArray();
        var firstUndated = Array.FindIndex(sorted, i => i.MeetingDate is null);
        if (firstUndated < 0) firstUndated = sorted.Length;

        var found = new List<AgendaOverlap>();
        for (var i = 0; i < sorted.Length; i++)
        {
            var first = sorted[i];
            for (var j = i + 1; j < sorted.Length; j++)
            {
                var second = sorted[j];
                // Sorted by date with undated last: once a dated partner is too late, all later dated ones are too.
                if (first.MeetingDate is { } d1 && second.MeetingDate is { } d2 && d2.DayNumber - d1.DayNumber > windowDays)
                {
                    j = Math.Max(j, firstUndated) - 1;
                    continue;
                }
                if (string.Equals(first.CouncilCode, second.CouncilCode, StringComparison.Ordinal)) continue;
                var shared = SharedCount(codes[i], codes[j]);
                var similarity = Jaccard(tokens[i], tokens[j]);
                if (shared == 0 && similarity < TitleSimilarity.SimilarThreshold) continue;
                var sharedCodes = SharedNames(codes[i], codes[j], shared, codeNames);
                found.Add(new AgendaOverlap(first, second, sharedCodes, similarity, Reason(labels[i], labels[j], first, second, sharedCodes, similarity)));
            }
        }
        return found.AsReadOnly();
    }

    private static int[] Intern(IEnumerable<string> values, Dictionary<string, int> ids)
    {
        var list = new List<int>();
        foreach (var value in values)
        {
            if (!ids.TryGetValue(value, out var id)) ids[value] = id = ids.Count;
            list.Add(id);
        }
        list.Sort();
        return list.Distinct().ToArray();
    }

    private static int SharedCount(int[] a, int[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }

    private static IReadOnlyList<string> SharedNames(int[] a, int[] b, int count, string[] names)
    {
        if (count == 0) return [];
        var result = new string[count];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { result[n++] = names[a[i]]; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        // Ids follow first appearance, not spelling: sort the names for a stable, readable order.
        Array.Sort(result, StringComparer.Ordinal);
        return Array.AsReadOnly(result);
    }

    private static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var shared = SharedCount(a, b);
        return (double)shared / (a.Length + b.Length - shared);
    }

    private static string Reason(string firstLabel, string secondLabel, AgendaEntry first, AgendaEntry second, IReadOnlyList<string> sharedCodes, double similarity)
    {
        var where = $"{firstLabel} and {secondLabel}";
        var percent = Math.Round(similarity * 100, MidpointRounding.AwayFromZero);
        var titles = similarity >= TitleSimilarity.SimilarThreshold ? $"; titles {percent}% similar" : "";
        return sharedCodes.Count > 0
            ? $"{where} both concern {string.Join(", ", sharedCodes)}{titles}."
            : $"{where} have similar titles ({percent}% of content words shared): '{first.Title}' and '{second.Title}'.";
    }

    private static string When(AgendaEntry item) => item.MeetingDate is { } date ? StrategyGuard.Format(date) : "not yet planned";
}
