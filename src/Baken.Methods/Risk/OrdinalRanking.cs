namespace Baken.Methods.Risk;

/// <summary>
/// Rankings that do not need a cardinal ladder, used as robustness checks (METHODS §1.3), and the common tie-break.
/// Every ranking here gives rank 1 to the most serious scenario; ties are broken by the higher likelihood class, then
/// by scenario id in ordinal order, so a ranking is always a strict order and reproducible.
/// </summary>
public static class OrdinalRanking
{
    /// <summary>One scenario as the ordinal methods see it.</summary>
    public readonly record struct Entry(string Id, ImpactClass Likelihood, ImpactClass[] Classes);

    /// <summary>
    /// Medal ranking: more E classes ranks higher; equal E counts are decided by D, then C, B, A (X counts nothing).
    /// Returns the rank (1-based) per entry, in input order.
    /// </summary>
    public static int[] Medal(IReadOnlyList<Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var medals = entries.Select(e =>
        {
            var counts = new int[6];
            foreach (var c in e.Classes) counts[(int)c]++;
            return counts;
        }).ToArray();
        return Rank(entries, (a, b) =>
        {
            for (var k = 5; k >= 1; k--)
            {
                var cmp = medals[a][k].CompareTo(medals[b][k]);
                if (cmp != 0) return cmp;
            }
            return 0;
        });
    }

    /// <summary>
    /// Evamix-style net dominance: for a pair (i, j) the dominance is d(i, j) = Σₖ wₖ·sign(cᵢₖ − cⱼₖ) over the criteria
    /// (only the order of classes counts, not their distance); the net dominance of i is Σⱼ d(i, j), in [−(n−1), n−1].
    /// Higher net dominance ranks higher. <paramref name="weights"/> are per criterion in the entries' class order.
    /// </summary>
    public static (int[] Ranks, double[] NetDominance) Evamix(IReadOnlyList<Entry> entries, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(weights);
        var sum = weights.Sum();
        if (!(sum > 0)) throw new ArgumentException("Evamix weights must sum to a positive number.", nameof(weights));
        var n = entries.Count;
        var net = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (entries[i].Classes.Length != weights.Count)
                throw new ArgumentException($"Scenario {entries[i].Id} has {entries[i].Classes.Length} classes for {weights.Count} weights.", nameof(entries));
            for (var j = i + 1; j < n; j++)
            {
                double d = 0;
                for (var k = 0; k < weights.Count; k++)
                    d += weights[k] / sum * Math.Sign((int)entries[i].Classes[k] - (int)entries[j].Classes[k]);
                net[i] += d;
                net[j] -= d;
            }
        }
        // Net dominance sums many weight fractions; a tolerance keeps rounding noise from deciding a tie.
        var ranks = Rank(entries, (a, b) => Math.Abs(net[a] - net[b]) <= 1e-9 ? 0 : net[a].CompareTo(net[b]));
        return (ranks, net);
    }

    /// <summary>
    /// Ranks entries by <paramref name="compareSeriousness"/> (positive = first argument more serious), then by higher
    /// likelihood, then by id (ordinal). Returns 1-based ranks in input order.
    /// </summary>
    public static int[] Rank(IReadOnlyList<Entry> entries, Comparison<int> compareSeriousness)
    {
        var order = Enumerable.Range(0, entries.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = compareSeriousness(b, a);
            if (c != 0) return c;
            c = entries[b].Likelihood.CompareTo(entries[a].Likelihood);
            return c != 0 ? c : string.CompareOrdinal(entries[a].Id, entries[b].Id);
        });
        var ranks = new int[entries.Count];
        for (var p = 0; p < order.Length; p++) ranks[order[p]] = p + 1;
        return ranks;
    }
}

/// <summary>
/// Turns an impact value into an integer key so the deterministic ranking and every Monte Carlo iteration break ties
/// the same way: values are quantised on a power-of-two grid (resolution 2^−k with f⁴·2^k ≤ 2^43), so values that differ
/// only by floating rounding (13.499999999999998 and 13.5) compare equal and the likelihood class decides.
/// </summary>
internal static class ImpactKey
{
    public static double Scale(double factor)
    {
        var maxValue = Math.Pow(factor, 4);
        return Math.Pow(2, Math.Floor(Math.Log2(Math.Pow(2, 43) / maxValue)));
    }

    public static long Quantise(double impactValue, double scale) => (long)(impactValue * scale + 0.5);
}
