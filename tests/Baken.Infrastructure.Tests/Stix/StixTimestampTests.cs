using Baken.Infrastructure.Stix;
using Shouldly;
using Xunit;

namespace Baken.Infrastructure.Tests.Stix;

public class StixTimestampTests
{
    [Theory]
    [InlineData("2014-05-08T09:00:00.000000Z", 0)]
    [InlineData("2014-10-31T15:52:13.127931Z", 1279310)]
    [InlineData("2014-10-31T15:52:13.12793149Z", 1279314)]
    public void TryParse_FractionalSeconds_KeepsUpToHundredNanoseconds(string text, long expectedTicksInSecond)
    {
        StixTimestamp.TryParse(text, out var value, out _).ShouldBeTrue();
        (value.UtcTicks % TimeSpan.TicksPerSecond).ShouldBe(expectedTicksInSecond);
        value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2016-02-29T00:00:00Z", true)]
    [InlineData("2015-02-29T00:00:00Z", false)]
    [InlineData("2016-05-07T24:00:00Z", false)]
    [InlineData("2016-05-07T11:22:30.000z", false)]
    [InlineData("2016-05-07T11:22:30.Z", false)]
    [InlineData("2016-12-31T23:59:60Z", true)]
    public void TryParse_CalendarAndFormatRules(string text, bool valid)
    {
        StixTimestamp.TryParse(text, out _, out _).ShouldBe(valid);
    }

    [Fact]
    public void Format_Instant_HasMillisecondsAndZ()
    {
        StixTimestamp.Format(new DateTimeOffset(2016, 4, 6, 22, 3, 48, TimeSpan.FromHours(2))).ShouldBe("2016-04-06T20:03:48.000Z");
    }
}
