using Baken.Methods.Signals;

namespace Baken.Methods.Tests.Signals;

public class SignalItemTests
{
    [Theory]
    [InlineData("vital-process:VP-01", true)]
    [InlineData("country:RUS", true)]
    [InlineData("energy", false)]
    [InlineData(":x", false)]
    [InlineData("x:", false)]
    [InlineData(" x:y", false)]
    [InlineData("x: y", false)]
    public void IsValidTag_Forms_AreJudged(string tag, bool valid) => SignalItem.IsValidTag(tag).ShouldBe(valid);

    [Fact]
    public void Constructor_BadTag_NamesSignalAndTag()
    {
        var e = Should.Throw<ArgumentException>(() => new SignalItem("S1", new DateOnly(2024, 1, 1), "t", null, null, "src", ["energy"]));

        e.ParamName.ShouldBe("tags");
        e.Message.ShouldContain("'S1'");
        e.Message.ShouldContain("'energy'");
    }

    [Fact]
    public void Constructor_BlankTitle_IsRefused() =>
        Should.Throw<ArgumentException>(() => new SignalItem("S1", new DateOnly(2024, 1, 1), " ", null, null, "src", [])).ParamName.ShouldBe("title");
}
