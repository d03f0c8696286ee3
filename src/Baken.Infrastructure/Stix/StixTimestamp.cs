using System.Globalization;
using System.Text.RegularExpressions;

namespace Baken.Infrastructure.Stix;

/// <summary>
/// STIX 2.1 timestamps: RFC 3339 in UTC with a literal <c>Z</c>, <c>YYYY-MM-DDTHH:mm:ss[.s+]Z</c>.
/// </summary>
public static partial class StixTimestamp
{
    /// <summary>
    /// Parses a STIX timestamp. Fractions beyond 100 ns (.NET's resolution) are truncated; a leap second (:60) is read as
    /// the last tick of the minute.
    /// </summary>
    /// <param name="text">The timestamp text.</param>
    /// <param name="value">The instant, offset zero.</param>
    /// <param name="fractionDigits">How many fractional-second digits the text has (the spec wants at least 3 on created/modified).</param>
    public static bool TryParse(string? text, out DateTimeOffset value, out int fractionDigits)
    {
        value = default;
        fractionDigits = 0;
        if (text is null) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;

        int Part(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        int year = Part("y"), month = Part("mo"), day = Part("d"), hour = Part("h"), minute = Part("mi"), second = Part("s");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 4 : year, month) || year == 0) return false;
        if (hour > 23 || minute > 59 || second > 60) return false;

        var fraction = m.Groups["f"].Value;
        fractionDigits = fraction.Length;
        var ticks = fraction.Length == 0 ? 0L : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var leap = second == 60;
        var dt = new DateTime(year, month, day, hour, minute, leap ? 59 : second, DateTimeKind.Utc).AddTicks(leap ? TimeSpan.TicksPerSecond - 1 : ticks);
        value = new DateTimeOffset(dt);
        return true;
    }

    /// <summary>Formats an instant as a STIX timestamp with millisecond precision, e.g. <c>2016-04-06T20:03:48.000Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(\.(?<f>\d+))?Z$")]
    private static partial Regex Pattern();
}
