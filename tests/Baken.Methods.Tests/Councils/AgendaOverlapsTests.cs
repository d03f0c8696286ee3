using Baken.Methods.Councils;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Baken.Methods.Tests.Councils.CouncilBuilders;

namespace Baken.Methods.Tests.Councils;

public sealed class AgendaOverlapsTests
{
    [Fact]
    public void Find_SharedLinkedCodeAcrossCouncilsWithinWindow_IsOverlapNamingTheCodes()
    {
        var items = new[]
        {
            Item("RVI-1", "RVI", 0, "Weerbaarheid energiesector", "S-ENE", "G-7", "R-1"),
            Item("MCEV-1", "MCEV", 30, "Gasleveringen en leveringszekerheid", "G-7", "S-ENE"),
        };

        var overlap = AgendaOverlaps.Find(items).ShouldHaveSingleItem();
        overlap.First.ItemCode.ShouldBe("RVI-1");
        overlap.Second.ItemCode.ShouldBe("MCEV-1");
        overlap.SharedCodes.ShouldBe(["G-7", "S-ENE"]);
        overlap.TitleSimilarity.ShouldBe(0.0);
        overlap.Reason.ShouldBe("RVI (2026-01-12) and MCEV (2026-02-11) both concern G-7, S-ENE.");
    }

    [Fact]
    public void Find_SimilarTitlesWithoutSharedCodes_IsOverlapByTitle()
    {
        var items = new[]
        {
            Item("A", "RVI", 0, "Cyberdreiging tegen vitale processen"),
            Item("B", "RDIA", 10, "Vitale processen en cyberdreiging 2026"), // 3 of 4 content words: 0.75
            Item("C", "MCEV", 20, "Cyberdreiging en desinformatie"),         // with A: 1 of 4 = 0.25; with B: 1 of 5
        };

        var found = AgendaOverlaps.Find(items);
        found.Pairs().ShouldBe(["A+B"]);
        var overlap = found[0];
        overlap.SharedCodes.ShouldBeEmpty();
        overlap.TitleSimilarity.ShouldBe(0.75, 1e-12);
        overlap.Reason.ShouldContain("similar titles (75% of content words shared)");
    }

    [Fact]
    public void Find_TitleSimilarityExactlyHalf_Counts()
    {
        var items = new[] { Item("A", "RVI", 0, "Voedselzekerheid Caribisch"), Item("B", "NVR", 0, "Voedselzekerheid Nederland Caribisch deel") };
        // {voedselzekerheid, caribisch} vs {voedselzekerheid, nederland, caribisch, deel}: 2 / 4.
        AgendaOverlaps.Find(items).Pairs().ShouldBe(["A+B"]);
    }

    [Fact]
    public void Find_SameCouncil_IsNeverAnOverlap()
    {
        var items = new[] { Item("A", "RVI", 0, "Cyber", "X"), Item("B", "RVI", 1, "Cyber", "X"), Item("C", "rvi", 2, "Cyber", "X") };
        // Council codes are ordinal: "rvi" is a different council from "RVI".
        AgendaOverlaps.Find(items).Pairs().ShouldBe(["A+C", "B+C"]);
    }

    [Fact]
    public void Find_DatesFurtherApartThanWindow_AreNotAnOverlapButTheBoundaryIs()
    {
        var items = new[] { Item("A", "RVI", 0, "", "X"), Item("B", "MCEV", 90, "", "X"), Item("C", "RDIA", 91, "", "X") };

        AgendaOverlaps.Find(items).Pairs().ShouldBe(["A+B", "B+C"]);
        AgendaOverlaps.Find(items, windowDays: 0).ShouldBeEmpty();
        AgendaOverlaps.Find(items, windowDays: 91).Pairs().ShouldBe(["A+B", "A+C", "B+C"]);
    }

    [Fact]
    public void Find_UndatedItem_IsComparedWithAllAndSortsLast()
    {
        var items = new[]
        {
            Item("U", "NVR", null, "", "X"),
            Item("A", "RVI", 0, "", "X"),
            Item("Z", "MCEV", 500, "", "X"),
            Item("V", "RDIA", null, "", "X"),
        };

        AgendaOverlaps.Find(items).Pairs().ShouldBe(["A+U", "A+V", "Z+U", "Z+V", "U+V"]);
        AgendaOverlaps.Find(items).Single(o => o.First.ItemCode == "U").Reason.ShouldStartWith("NVR (not yet planned) and RDIA (not yet planned)");
    }

    [Fact]
    public void Find_OrderIsByDateThenCodes()
    {
        var items = new[]
        {
            Item("b", "MCEV", 5, "", "X"),
            Item("a", "RVI", 5, "", "X"),
            Item("c", "RDIA", 1, "", "X"),
        };

        AgendaOverlaps.Find(items).Pairs().ShouldBe(["c+a", "c+b", "a+b"]);
    }

    [Fact]
    public void Find_InvalidInput_ThrowsNamingTheField()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => AgendaOverlaps.Find([], -1)).ParamName.ShouldBe("windowDays");
        Should.Throw<ArgumentException>(() => AgendaOverlaps.Find([Item("A", "RVI", 0), Item("A", "MCEV", 0)])).Message.ShouldContain("repeats agenda item code 'A'");
        Should.Throw<ArgumentException>(() => Item("A", " ", 0)).ParamName.ShouldBe("CouncilCode");
        Should.Throw<ArgumentException>(() => new AgendaEntry("A", "t", "RVI", "", null, [])).ParamName.ShouldBe("MeetingCode");
    }

    [Fact]
    public void Find_TwoThousandItems_MatchesBruteForce()
    {
        var councils = new[] { "RVI", "MCEV", "RDIA", "NVR" };
        var words = new[] { "cyber", "energie", "gas", "medicijnen", "voedsel", "defensie", "china", "rusland", "sancties", "ondermijning", "klimaat", "migratie" };
        var random = new Random(20261123);
        var items = Enumerable.Range(0, 2000).Select(i =>
        {
            int? day = random.Next(10) == 0 ? null : random.Next(0, 730);
            var title = string.Join(" ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => words[random.Next(words.Length)]));
            var links = Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"R-{random.Next(400)}").ToArray();
            return Item($"I{i:D4}", councils[random.Next(councils.Length)], day, title, links);
        }).ToArray();

        // Speed is a benchmark (bench/), not an assertion here: this checks the pruned search against brute force.
        var found = AgendaOverlaps.Find(items);
        var tokens = items.Select(i => TitleSimilarity.Tokens(i.Title).ToHashSet()).ToArray();
        double Jaccard(int i, int j) => tokens[i].Count == 0 || tokens[j].Count == 0 ? 0
            : (double)tokens[i].Intersect(tokens[j]).Count() / tokens[i].Union(tokens[j]).Count();
        var expected = new HashSet<string>();
        for (var i = 0; i < items.Length; i++)
            for (var j = i + 1; j < items.Length; j++)
            {
                var (a, b) = (items[i], items[j]);
                if (a.CouncilCode == b.CouncilCode) continue;
                if (a.MeetingDate is { } da && b.MeetingDate is { } db && Math.Abs(da.DayNumber - db.DayNumber) > 90) continue;
                if (a.LinkedCodes.Intersect(b.LinkedCodes).Any() || Jaccard(i, j) >= 0.5)
                    expected.Add(string.CompareOrdinal(a.ItemCode, b.ItemCode) < 0 ? $"{a.ItemCode}+{b.ItemCode}" : $"{b.ItemCode}+{a.ItemCode}");
            }
        found.Count.ShouldBeGreaterThan(10_000); // a dense case: many short titles from a 12-word vocabulary
        found.Select(o => string.CompareOrdinal(o.First.ItemCode, o.Second.ItemCode) < 0 ? $"{o.First.ItemCode}+{o.Second.ItemCode}" : $"{o.Second.ItemCode}+{o.First.ItemCode}")
            .ToHashSet().SetEquals(expected).ShouldBeTrue();
    }

    private static Arbitrary<AgendaEntry[]> Agendas()
    {
        var item = from council in Gen.Elements("RVI", "MCEV", "RDIA", "NVR")
                   from day in Gen.Choose(-1, 200)
                   from title in Gen.Elements("cyber", "energie gas", "gas energie winter", "voedsel", "de cyber", "").ArrayOf()
                   from links in Gen.Choose(0, 9).Select(i => $"X{i}").ArrayOf()
                   select (council, day, title: string.Join(" ", title.Take(3)), links: links.Take(3).ToArray());
        return item.ArrayOf().Select(a => a.Select((x, i) => Item($"I{i}", x.council, x.day < 0 ? null : x.day, x.title, x.links)).ToArray()).ToArbitrary();
    }

    [Property(MaxTest = 200, Replay = "(20261123,701)")]
    public Property Find_Pairs_AreUniqueNeverWithinOneCouncilAndJustified() =>
        Prop.ForAll(Agendas(), items =>
        {
            var found = AgendaOverlaps.Find(items, 30);
            var keys = found.Select(o => string.Join("+", new[] { o.First.ItemCode, o.Second.ItemCode }.Order(StringComparer.Ordinal))).ToList();
            return keys.Distinct().Count() == keys.Count
                && found.All(o => o.First.CouncilCode != o.Second.CouncilCode)
                && found.All(o => o.SharedCodes.Count > 0 || o.TitleSimilarity >= TitleSimilarity.SimilarThreshold)
                && found.All(o => o.SharedCodes.All(c => o.First.LinkedCodes.Contains(c) && o.Second.LinkedCodes.Contains(c)))
                && found.All(o => o.First.MeetingDate is null || o.Second.MeetingDate is null
                    || (o.Second.MeetingDate.Value.DayNumber - o.First.MeetingDate.Value.DayNumber) is >= 0 and <= 30);
        });

    [Property(MaxTest = 200, Replay = "(20261123,703)")]
    public Property Find_ReorderingItems_GivesTheSameOverlaps() =>
        Prop.ForAll(Agendas(), items =>
        {
            static string[] Keys(IReadOnlyList<AgendaOverlap> o) => o.Select(x => $"{x.First.ItemCode}+{x.Second.ItemCode}:{string.Join(",", x.SharedCodes)}").ToArray();
            return Keys(AgendaOverlaps.Find(items)).SequenceEqual(Keys(AgendaOverlaps.Find(items.Reverse().ToArray())));
        });
}
