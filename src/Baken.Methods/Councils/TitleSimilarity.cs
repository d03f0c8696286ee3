using System.Text;

namespace Baken.Methods.Councils;

/// <summary>
/// Word-token Jaccard similarity of agenda titles: |A ∩ B| / |A ∪ B| over the sets of content words of both titles.
/// </summary>
/// <remarks>
/// Tokens: the title is lower-cased (invariant culture) and split on every character that is not a letter or a digit,
/// so punctuation and hyphens separate words ("cyber-weerbaarheid" gives "cyber" and "weerbaarheid"); diacritics are
/// kept. Tokens in <see cref="StopWords"/> are dropped (Dutch and English articles, prepositions, conjunctions and
/// auxiliaries). Two titles without any content word have similarity 0: empty titles are not "the same topic".
/// There is no stemming, so "dreiging" and "dreigingen" differ.
/// </remarks>
public static class TitleSimilarity
{
    /// <summary>Titles with similarity ≥ this value (inclusive) are "similar".</summary>
    public const double SimilarThreshold = 0.5;

    /// <summary>The stop words, Dutch and English, already lower-case.</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Dutch
        "de", "het", "een", "en", "of", "van", "voor", "in", "op", "met", "over", "aan", "bij", "naar", "door", "om",
        "te", "tot", "uit", "als", "is", "zijn", "wordt", "worden", "die", "dat", "der", "des", "nog", "ook",
        "na", "tegen", "onder", "tussen", "per", "inzake",
        // English
        "the", "a", "an", "and", "or", "of", "for", "to", "on", "with", "about", "at", "by", "from", "as", "are",
        "be", "into", "its", "it", "this", "that", "re", "regarding",
    };

    /// <summary>The content words of a title, distinct, ordinal order.</summary>
    public static IReadOnlyList<string> Tokens(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var token = word.ToString();
            word.Clear();
            if (!StopWords.Contains(token)) tokens.Add(token);
        }
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) word.Append(c);
            else Flush();
        }
        Flush();
        return tokens.ToList();
    }

    /// <summary>Jaccard similarity of the two titles' content words, in [0, 1].</summary>
    public static double Of(string first, string second)
    {
        var a = Tokens(first);
        var b = Tokens(second);
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Intersect(b, StringComparer.Ordinal).Count();
        return (double)shared / (a.Count + b.Count - shared);
    }
}
