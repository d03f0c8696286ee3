using Baken.Infrastructure.Reports.Documents;

namespace Baken.Infrastructure.Tests.Reports.Documents;

public sealed class ReportDocumentTests
{
    private static ReportDocument Valid(IReadOnlyList<DocumentBlock>? blocks = null) =>
        new("Titel", "nl", "ONGERUBRICEERD", blocks ?? [new Paragraph("tekst")]);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0001\u0002")]
    public void Constructor_BlankTitle_ThrowsNamingTitle(string title)
    {
        var ex = Should.Throw<ArgumentException>(() => new ReportDocument(title, "nl", "ONGERUBRICEERD", []));

        ex.ParamName.ShouldBe("Title");
        ex.Message.ShouldContain($"Title is '{title}'");
        ex.Message.ShouldContain("visible character");
    }

    [Fact]
    public void Constructor_NullTitle_ThrowsNamingTitle()
    {
        var ex = Should.Throw<ArgumentException>(() => new ReportDocument(null!, "nl", "ONGERUBRICEERD", []));

        ex.ParamName.ShouldBe("Title");
        ex.Message.ShouldContain("Title is null");
    }

    [Fact]
    public void Constructor_UnknownLanguage_ThrowsNamingValueAndAllowed()
    {
        var ex = Should.Throw<ArgumentException>(() => new ReportDocument("Titel", "de", "ONGERUBRICEERD", []));

        ex.ParamName.ShouldBe("Language");
        ex.Message.ShouldContain("'de'");
        ex.Message.ShouldContain("\"nl\" and \"en\"");
    }

    [Fact]
    public void Constructor_UpperCaseLanguage_StoredLowerCase()
    {
        new ReportDocument("Title", " EN ", "UNCLASSIFIED", []).Language.ShouldBe("en");
    }

    [Fact]
    public void Constructor_BlankMarking_ThrowsNamingMarking()
    {
        var ex = Should.Throw<ArgumentException>(() => new ReportDocument("Titel", "nl", " ", []));

        ex.ParamName.ShouldBe("ClassificationMarking");
        ex.Message.ShouldContain("classification marking");
    }

    [Fact]
    public void With_BlankTitle_ThrowsLikeTheConstructor()
    {
        var ex = Should.Throw<ArgumentException>(() => Valid() with { Title = "" });

        ex.ParamName.ShouldBe("Title");
    }

    [Fact]
    public void Constructor_NullBlocks_ThrowsNamingBlocks()
    {
        var ex = Should.Throw<ArgumentException>(() => new ReportDocument("Titel", "nl", "ONGERUBRICEERD", null!));

        ex.ParamName.ShouldBe("Blocks");
        ex.Message.ShouldContain("Blocks is null");
    }

    [Fact]
    public void Constructor_NullBlockElement_ThrowsNamingIndex()
    {
        var ex = Should.Throw<ArgumentException>(() => Valid([new Paragraph("a"), null!]));

        ex.ParamName.ShouldBe("Blocks");
        ex.Message.ShouldContain("Blocks[1] is null");
    }

    [Fact]
    public void Constructor_CallerChangesListAfterwards_DocumentUnchanged()
    {
        var blocks = new List<DocumentBlock> { new Paragraph("a") };
        var doc = Valid(blocks);

        blocks.Add(new Paragraph("b"));

        doc.Blocks.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void Heading_LevelOutsideOneToThree_ThrowsNamingLevelAndRange(int level)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new Heading(level, "Kop"));

        ex.ParamName.ShouldBe("Level");
        ex.Message.ShouldContain($"Heading Level is {level}");
        ex.Message.ShouldContain("allowed are 1 (chapter), 2 (section) and 3 (subsection)");
    }

    [Fact]
    public void Heading_EmptyText_ThrowsNamingText()
    {
        Should.Throw<ArgumentException>(() => new Heading(1, "")).ParamName.ShouldBe("Text");
    }

    [Fact]
    public void Paragraph_EmptyText_IsAllowed()
    {
        new Paragraph("").Text.ShouldBe("");
    }

    [Fact]
    public void BulletList_NullItems_ThrowsNamingItems()
    {
        var ex = Should.Throw<ArgumentException>(() => new BulletList(null!));

        ex.ParamName.ShouldBe("Items");
        ex.Message.ShouldContain("BulletList Items is null");
    }

    [Fact]
    public void BulletList_NullItem_ThrowsNamingIndex()
    {
        Should.Throw<ArgumentException>(() => new BulletList(["a", null!])).Message.ShouldContain("Items[1] is null");
    }

    [Fact]
    public void Table_RowOfWrongLength_ThrowsNamingRowAndCounts()
    {
        var ex = Should.Throw<ArgumentException>(() => new Table("Tabel", ["A", "B", "C"], [["1", "2", "3"], ["4", "5"]]));

        ex.ParamName.ShouldBe("Rows");
        ex.Message.ShouldContain("Rows[1] has 2 cells");
        ex.Message.ShouldContain("3 headers");
    }

    [Fact]
    public void Table_NoHeaders_ThrowsNamingHeaders()
    {
        Should.Throw<ArgumentException>(() => new Table(null, [], [])).ParamName.ShouldBe("Headers");
    }

    [Fact]
    public void Table_NullHeadersOrRows_ThrowNamingTheList()
    {
        Should.Throw<ArgumentException>(() => new Table(null, null!, [])).ParamName.ShouldBe("Headers");
        Should.Throw<ArgumentException>(() => new Table(null, ["A"], null!)).ParamName.ShouldBe("Rows");
        Should.Throw<ArgumentException>(() => new Table(null, ["A"], [null!])).Message.ShouldContain("Rows[0] is null");
        Should.Throw<ArgumentException>(() => new Table(null, ["A"], [[null!]])).Message.ShouldContain("Rows[0][0] is null");
    }

    [Fact]
    public void Notice_BlankText_ThrowsNamingText()
    {
        Should.Throw<ArgumentException>(() => new Notice(" ")).ParamName.ShouldBe("Text");
    }

    [Fact]
    public void Constructor_HugeBlankValue_MessageIsCutShort()
    {
        var ex = Should.Throw<ArgumentException>(() => new Heading(1, new string(' ', 100_000)));

        ex.Message.Length.ShouldBeLessThan(300);
        ex.Message.ShouldContain("(100000 characters)");
    }
}
