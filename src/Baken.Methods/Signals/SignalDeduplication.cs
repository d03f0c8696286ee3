using System.Globalization;
using System.Text;

namespace Baken.Methods.Signals;

/// <summary>When two signals count as the same report arriving through several feeds.</summary>
public sealed record DedupSettings
{
    /// <param name="titleSimilarity">Minimum Jaccard similarity of the title shingle sets, in (0, 1]; default 0.6.</param>
    /// <param name="maxDaysApart">Maximum distance in days between the dates of two similar titles, ≥ 0; default 3.</param>
    /// <param name="shingleSize">Words per shingle, 1–5; default 1 (single normalised words), which tolerates reordered headlines.</param>
    public DedupSettings(double titleSimilarity = 0.6, int maxDaysApart = 3, int shingleSize = 1)
    {
        if (!double.IsFinite(titleSimilarity) || titleSimilarity <= 0 || titleSimilarity > 1)
            throw new ArgumentOutOfRangeException(nameof(titleSimilarity), titleSimilarity, "Title similarity threshold must lie in (0, 1].");
        if (maxDaysApart < 0)
            throw new ArgumentOutOfRangeException(nameof(maxDaysApart), maxDaysApart, "Maximum days apart must be 0 or more.");
        if (shingleSize is < 1 or > 5)
            throw new ArgumentOutOfRangeException(nameof(shingleSize), shingleSize, "Shingle size must be 1–5 words.");
        TitleSimilarity = titleSimilarity;
        MaxDaysApart = maxDaysApart;
        ShingleSize = shingleSize;
    }

    public double TitleSimilarity { get; }

    public int MaxDaysApart { get; }

    public int ShingleSize { get; }

    public static DedupSettings Default { get; } = new();
}

/// <summary>
/// A group of signals judged to be one report. <see cref="Representative"/> is the earliest, then the one with most
/// tags, then the lowest id (ordinal); <see cref="Duplicates"/> are the others by date, then id.
/// </summary>
public sealed record DuplicateCluster(SignalItem Representative, IReadOnlyList<SignalItem> Duplicates, string Reason)
{
    public IEnumerable<SignalItem> All => Duplicates.Prepend(Representative);
}

/// <summary>
/// Groups likely duplicates: two signals are linked when their normalised URLs are equal (whatever their dates), or when
/// their titles are similar (Jaccard on normalised word shingles ≥ <see cref="DedupSettings.TitleSimilarity"/>) and their
/// dates are at most <see cref="DedupSettings.MaxDaysApart"/> days apart. Clusters are the connected components of these
/// links, so linking is transitive (A~B and B~C put A, B and C together). Singletons are not returned.
/// </summary>
/// <remarks>
/// Candidate pairs come from a prefix-filtered inverted index (Chaudhuri et al. 2006; Bayardo et al. 2007): with tokens
/// ordered rarest first, two sets with Jaccard ≥ t must share a token among the first |s| − ⌈t·|s|⌉ + 1 of each, so only
/// those tokens are indexed and common words never produce quadratic candidate lists. The result is the same as
/// comparing every pair.
/// </remarks>
public static class SignalDeduplication
{
    /// <summary>Dutch and English function words that say nothing about which event a headline reports.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        // English
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on",
        "or", "that", "the", "to", "was", "were", "will", "with", "after", "over", "says", "said", "new",
        // Dutch
        "de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "door", "aan", "bij", "naar", "om", "uit", "over",
        "is", "zijn", "wordt", "worden", "heeft", "na", "dat", "die", "der", "des", "ook", "nog", "niet", "tot",
    };

    /// <summary>Clusters of likely duplicates, ordered by the representative's date, then id. Ids must be unique.</summary>
    public static IReadOnlyList<DuplicateCluster> Group(IReadOnlyList<SignalItem> items, DedupSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        settings ??= DedupSettings.Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
            if (!seen.Add(item.Id))
                throw new ArgumentException($"Signal id '{item.Id}' occurs more than once; ids must be unique for de-duplication.", nameof(items));

        // Work in a canonical order so the result does not depend on the order of the input.
        var ordered = items.OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
        var n = ordered.Length;
        var parent = Enumerable.Range(0, n).ToArray();
        var byUrl = new bool[n];
        var byTitle = new bool[n];
        var bestSimilarity = new double[n];

        var firstWithUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var url = NormaliseUrl(ordered[i].Url);
            if (url is null) continue;
            if (firstWithUrl.TryGetValue(url, out var j))
            {
                Union(parent, i, j);
                byUrl[i] = byUrl[j] = true;
            }
            else firstWithUrl[url] = i;
        }

        foreach (var (i, j, similarity) in SimilarTitlePairs(ordered, settings))
        {
            Union(parent, i, j);
            byTitle[i] = byTitle[j] = true;
            bestSimilarity[i] = Math.Max(bestSimilarity[i], similarity);
            bestSimilarity[j] = Math.Max(bestSimilarity[j], similarity);
        }

        var clusters = new List<DuplicateCluster>();
        foreach (var members in Enumerable.Range(0, n).GroupBy(i => Find(parent, i)).Where(g => g.Count() > 1))
        {
            var sorted = members
                .OrderBy(i => ordered[i].Date)
                .ThenByDescending(i => ordered[i].Tags.Count)
                .ThenBy(i => ordered[i].Id, StringComparer.Ordinal)
                .ToArray();
            var reasons = new List<string>();
            if (sorted.Any(i => byUrl[i])) reasons.Add("same URL");
            if (sorted.Any(i => byTitle[i]))
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"similar titles (Jaccard up to {sorted.Max(i => bestSimilarity[i]):0.00} ≥ {settings.TitleSimilarity:0.00}, at most {settings.MaxDaysApart} days apart)"));
            var duplicates = sorted.Skip(1).Select(i => ordered[i])
                .OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
            clusters.Add(new DuplicateCluster(ordered[sorted[0]], duplicates, string.Join("; ", reasons)));
        }
        return clusters.OrderBy(c => c.Representative.Date).ThenBy(c => c.Representative.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The URL reduced to what identifies the page: no scheme, lower-case host without "www.", no trailing slash,
    /// no fragment, no utm_* tracking parameters (other parameters keep their order). Null for a blank URL;
    /// text that is not an absolute URL is only trimmed and lower-cased.
    /// </summary>
    public static string? NormaliseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var text = url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return text.ToLowerInvariant().TrimEnd('/');
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return host + port + path + (query.Length > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>
    /// The title as lower-case words without diacritics, punctuation or <see cref="StopWords"/>; digits are kept
    /// because numbers ("3 dead", "2024") often tell two events apart.
    /// </summary>
    public static IReadOnlyList<string> TitleWords(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0) return;
            var word = current.ToString();
            current.Clear();
            if (!StopWords.Contains(word)) words.Add(word);
        }
    }

    /// <summary>Jaccard similarity in [0, 1] of the shingle sets of two titles; 0 when either has no words left.</summary>
    public static double TitleSimilarity(string a, string b, int shingleSize = 1)
    {
        var x = Shingles(TitleWords(a), shingleSize);
        var y = Shingles(TitleWords(b), shingleSize);
        return Jaccard(x, y);
    }

    private static HashSet<string> Shingles(IReadOnlyList<string> words, int size)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0) return set;
        if (words.Count <= size)
        {
            set.Add(string.Join(' ', words));
            return set;
        }
        for (var i = 0; i + size <= words.Count; i++) set.Add(string.Join(' ', words.Skip(i).Take(size)));
        return set;
    }

    private static double Jaccard(HashSet<string> x, HashSet<string> y)
    {
        if (x.Count == 0 || y.Count == 0) return 0;
        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    private static IEnumerable<(int I, int J, double Similarity)> SimilarTitlePairs(SignalItem[] items, DedupSettings settings)
    {
        var t = settings.TitleSimilarity;
        var sets = items.Select(i => Shingles(TitleWords(i.Title), settings.ShingleSize)).ToArray();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
            foreach (var s in set)
                frequency[s] = frequency.GetValueOrDefault(s) + 1;

        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            var set = sets[i];
            if (set.Count == 0) continue;
            var rarestFirst = set.OrderBy(s => frequency[s]).ThenBy(s => s, StringComparer.Ordinal).ToArray();
            var prefix = rarestFirst.Length - (int)Math.Ceiling(t * rarestFirst.Length - 1e-9) + 1;
            var candidates = new HashSet<int>();
            for (var p = 0; p < prefix; p++)
            {
                if (!index.TryGetValue(rarestFirst[p], out var list)) index[rarestFirst[p]] = list = [];
                foreach (var j in list) candidates.Add(j);
                list.Add(i);
            }
            foreach (var j in candidates.Order())
            {
                if (Math.Abs(items[i].Date.DayNumber - items[j].Date.DayNumber) > settings.MaxDaysApart) continue;
                var similarity = Jaccard(set, sets[j]);
                if (similarity >= t) yield return (j, i, similarity);
            }
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb) return;
        // The lower index becomes the root so the forest, and hence the grouping, is the same on every run.
        if (ra < rb) parent[rb] = ra;
        else parent[ra] = rb;
    }
}
