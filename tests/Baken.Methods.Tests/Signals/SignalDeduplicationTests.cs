using Baken.Methods.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Baken.Methods.Tests.Signals;

public class SignalDeduplicationTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    private static SignalItem Signal(string id, int day, string title, string? url = null, string source = "feed", params string[] tags) =>
        new(id, Day.AddDays(day), title, null, url, source, tags);

    [Theory]
    [InlineData("https://www.example.org/news/item-1/?utm_source=rss&utm_medium=feed#top", "example.org/news/item-1")]
    [InlineData("http://EXAMPLE.org/news/item-1", "example.org/news/item-1")]
    [InlineData("https://example.org/a?id=7&utm_campaign=x&page=2", "example.org/a?id=7&page=2")]
    [InlineData("  ", null)]
    public void NormaliseUrl_TrackingAndCosmetics_AreRemoved(string url, string? expected) =>
        SignalDeduplication.NormaliseUrl(url).ShouldBe(expected);

    [Fact]
    public void Group_SameUrlWithUtmParameters_IsOneClusterWhateverTheTitles()
    {
        var items = new[]
        {
            Signal("b", 5, "Storing bij TenneT", "https://www.nos.nl/artikel/123?utm_source=twitter"),
            Signal("a", 0, "Power outage hits Randstad", "http://nos.nl/artikel/123/"),
            Signal("c", 1, "Unrelated story", "https://nos.nl/artikel/999"),
        };

        var clusters = SignalDeduplication.Group(items, DedupSettings.Default);

        clusters.Count.ShouldBe(1);
        clusters[0].Representative.Id.ShouldBe("a"); // earliest
        clusters[0].Duplicates.Select(d => d.Id).ShouldBe(["b"]);
        clusters[0].Reason.ShouldBe("same URL");
    }

    [Fact]
    public void Group_NearIdenticalTitlesTwoDaysApart_AreDuplicates()
    {
        var items = new[]
        {
            Signal("reuters", 0, "Russian drones hit Ukrainian power plant near Kharkiv", "https://reuters.com/x"),
            Signal("bbc", 2, "Russian drones hit Ukrainian power plant near Kharkiv, officials say", "https://bbc.co.uk/y"),
            Signal("other", 1, "Dutch cabinet presents defence budget", "https://rijksoverheid.nl/z"),
        };

        var clusters = SignalDeduplication.Group(items, DedupSettings.Default);

        clusters.Count.ShouldBe(1);
        clusters[0].All.Select(s => s.Id).ShouldBe(["reuters", "bbc"]);
        clusters[0].Reason.ShouldStartWith("similar titles");
    }

    [Fact]
    public void Group_SameTitleThirtyDaysApart_IsNotADuplicate()
    {
        var items = new[]
        {
            Signal("jan", 0, "Cyber attack on Rotterdam port systems"),
            Signal("feb", 30, "Cyber attack on Rotterdam port systems"),
        };

        SignalDeduplication.Group(items, DedupSettings.Default).ShouldBeEmpty();
    }

    [Fact]
    public void Group_DifferentTitlesSameDay_AreNotDuplicates()
    {
        var items = new[]
        {
            Signal("1", 0, "Gas storage levels fall below 40 percent"),
            Signal("2", 0, "Drought threatens Rhine shipping"),
        };

        SignalDeduplication.Group(items, DedupSettings.Default).ShouldBeEmpty();
    }

    [Fact]
    public void Group_RepresentativeTie_PrefersMostTags()
    {
        var items = new[]
        {
            Signal("x", 0, "Cable cut in the North Sea", "https://a.nl/1"),
            Signal("y", 0, "Cable cut in the North Sea", "https://b.nl/1", "feed", "sector:telecom", "vital-process:VP-07"),
        };

        var cluster = SignalDeduplication.Group(items, DedupSettings.Default).Single();

        cluster.Representative.Id.ShouldBe("y");
    }

    [Fact]
    public void Group_DuplicateIds_AreRefused()
    {
        var items = new[] { Signal("same", 0, "One"), Signal("same", 1, "Two") };

        Should.Throw<ArgumentException>(() => SignalDeduplication.Group(items, DedupSettings.Default)).Message.ShouldContain("'same'");
    }

    [Fact]
    public void TitleSimilarity_StopWordsAndDiacritics_AreIgnored()
    {
        // "de", "van" and "the" are stop words; "é" folds to "e".
        SignalDeduplication.TitleSimilarity("Crisis de Café", "crisis van the cafe").ShouldBe(1.0, 1e-12);
        // {russian, drones, hit, kyiv} vs {russian, drones, hit, odesa}: 3 shared of 5 distinct = 0.6.
        SignalDeduplication.TitleSimilarity("Russian drones hit Kyiv", "Russian drones hit Odesa").ShouldBe(0.6, 1e-12);
    }

    [Fact]
    public void Group_TwentyThousandItems_FinishesQuicklyAndFindsThePlantedPairs()
    {
        var random = new Random(20240301);
        var vocabulary = Enumerable.Range(0, 5000).Select(i => "w" + i).ToArray();
        var items = new List<SignalItem>();
        for (var i = 0; i < 19_900; i++)
        {
            var words = Enumerable.Range(0, 8).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            items.Add(Signal("s" + i, random.Next(0, 365), string.Join(' ', words) + " u" + i));
        }
        for (var i = 0; i < 50; i++)
        {
            var title = $"planted event {i} alpha{i} beta{i} gamma{i}";
            items.Add(Signal("p" + i + "a", 100, title));
            items.Add(Signal("p" + i + "b", 101, title + " update"));
        }
        // Speed belongs in a benchmark; this checks that the token index still finds every planted pair among 20 000.
        var clusters = SignalDeduplication.Group(items, DedupSettings.Default);

        var planted = clusters.Where(c => c.Representative.Id.StartsWith('p')).ToArray();
        planted.Length.ShouldBe(50);
        planted.ShouldAllBe(c => c.Duplicates.Count == 1);
    }

    [Property(MaxTest = 100, Replay = "(1234,5679)")]
    public Property Group_AnyInput_ClustersAreDisjointAndHaveAtLeastTwoMembers()
    {
        var words = new[] { "storm", "flood", "dyke", "cyber", "attack", "port", "gas", "price", "drone", "cable" };
        var gen =
            from count in Gen.Choose(0, 40)
            from rows in Gen.ArrayOf(
                from w in Gen.ArrayOf(Gen.Elements(words), 3)
                from day in Gen.Choose(0, 20)
                from url in Gen.Elements<string?>(null, "https://a.nl/1", "https://www.a.nl/1?utm_x=1", "https://b.nl/2")
                select (Title: string.Join(' ', w), Day: day, Url: url), count)
            select rows;

        return Prop.ForAll(gen.ToArbitrary(), rows =>
        {
            var items = rows.Select((r, i) => Signal("id" + i, r.Day, r.Title, r.Url)).ToArray();
            var clusters = SignalDeduplication.Group(items, DedupSettings.Default);
            var ids = clusters.SelectMany(c => c.All.Select(s => s.Id)).ToArray();
            var disjoint = ids.Length == ids.Distinct().Count();
            var sized = clusters.All(c => c.Duplicates.Count >= 1);
            var earliest = clusters.All(c => c.Duplicates.All(d => d.Date >= c.Representative.Date));
            // Same input in another order gives the same clusters.
            var reversed = SignalDeduplication.Group(items.Reverse().ToArray(), DedupSettings.Default);
            var stable = reversed.Select(c => string.Join(",", c.All.Select(s => s.Id)))
                .SequenceEqual(clusters.Select(c => string.Join(",", c.All.Select(s => s.Id))));
            return disjoint && sized && earliest && stable;
        });
    }

    [Property(MaxTest = 60, Replay = "(42,4243)")]
    public Property Group_PrefixIndex_FindsEveryPairAPlainScanFinds()
    {
        var words = new[] { "storm", "flood", "dyke", "cyber", "attack", "port", "gas", "price" };
        var gen = Gen.ArrayOf(
            from w in Gen.ArrayOf(Gen.Elements(words), 4)
            from day in Gen.Choose(0, 6)
            select (Title: string.Join(' ', w), Day: day), 25);

        return Prop.ForAll(gen.ToArbitrary(), rows =>
        {
            var items = rows.Select((r, i) => Signal("id" + i, r.Day, r.Title)).ToArray();
            var clustered = SignalDeduplication.Group(items, DedupSettings.Default)
                .Select(c => c.All.Select(s => s.Id).ToHashSet()).ToArray();
            // Every pair that the definition links must end up in one cluster.
            for (var i = 0; i < items.Length; i++)
                for (var j = i + 1; j < items.Length; j++)
                {
                    var linked = Math.Abs(items[i].Date.DayNumber - items[j].Date.DayNumber) <= 3
                                 && SignalDeduplication.TitleSimilarity(items[i].Title, items[j].Title) >= 0.6;
                    if (linked && !clustered.Any(c => c.Contains(items[i].Id) && c.Contains(items[j].Id))) return false;
                }
            return true;
        });
    }
}
