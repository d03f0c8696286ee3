using System.Globalization;

namespace Baken.Methods.Signals;

/// <summary>Alert level of an early-warning indicator; the order is the severity.</summary>
public enum AlertLevel
{
    Green = 0,
    Amber = 1,
    Red = 2,
}

/// <summary>Which way an indicator moves when things get worse.</summary>
public enum ThresholdDirection
{
    /// <summary>Alert when the value is ≥ the threshold (e.g. battle deaths, prices).</summary>
    Rising,

    /// <summary>Alert when the value is ≤ the threshold (e.g. gas storage filling, stock days).</summary>
    Falling,
}

/// <summary>A time series of an early-warning indicator, in time order, one value per date, in the indicator's own unit.</summary>
public sealed record IndicatorSeries
{
    /// <param name="code">Indicator code; not blank.</param>
    /// <param name="points">Observations; finite values, no date twice. They are kept sorted by date.</param>
    public IndicatorSeries(string code, IReadOnlyList<(DateOnly Date, double Value)> points)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new ArgumentException("An indicator series needs a non-blank code.", nameof(code));
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Date).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(sorted[i].Value))
                throw new ArgumentOutOfRangeException(nameof(points), sorted[i].Value,
                    $"Indicator '{code}' has a non-finite value on {sorted[i].Date:yyyy-MM-dd}; values must be finite numbers.");
            if (i > 0 && sorted[i].Date == sorted[i - 1].Date)
                throw new ArgumentException($"Indicator '{code}' has two values on {sorted[i].Date:yyyy-MM-dd}; one value per date is allowed.", nameof(points));
        }
        Code = code;
        Points = sorted;
    }

    public string Code { get; }

    public IReadOnlyList<(DateOnly Date, double Value)> Points { get; }
}

/// <summary>
/// Amber and red thresholds of an indicator, in the indicator's unit. At least one is set. For
/// <see cref="ThresholdDirection.Rising"/> amber &lt; red; for <see cref="ThresholdDirection.Falling"/> amber &gt; red.
/// </summary>
public sealed record Thresholds
{
    public Thresholds(double? amber, double? red, ThresholdDirection direction)
    {
        if (amber is null && red is null)
            throw new ArgumentException("Set an amber threshold, a red threshold, or both.", nameof(amber));
        if (amber is { } a && !double.IsFinite(a))
            throw new ArgumentOutOfRangeException(nameof(amber), a, "The amber threshold must be a finite number.");
        if (red is { } r && !double.IsFinite(r))
            throw new ArgumentOutOfRangeException(nameof(red), r, "The red threshold must be a finite number.");
        if (!Enum.IsDefined(direction))
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Direction must be Rising or Falling.");
        if (amber is { } am && red is { } rd)
        {
            if (direction == ThresholdDirection.Rising && !(am < rd))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"For a rising indicator the amber threshold ({am}) must be below the red threshold ({rd})."), nameof(amber));
            if (direction == ThresholdDirection.Falling && !(am > rd))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"For a falling indicator the amber threshold ({am}) must be above the red threshold ({rd})."), nameof(amber));
        }
        Amber = amber;
        Red = red;
        Direction = direction;
    }

    public double? Amber { get; }

    public double? Red { get; }

    public ThresholdDirection Direction { get; }

    /// <summary>The level of one value: red if it reaches the red threshold, else amber if it reaches amber, else green.</summary>
    public AlertLevel LevelOf(double value)
    {
        if (Red is { } r && Reaches(value, r)) return AlertLevel.Red;
        if (Amber is { } a && Reaches(value, a)) return AlertLevel.Amber;
        return AlertLevel.Green;
    }

    private bool Reaches(double value, double threshold) =>
        Direction == ThresholdDirection.Rising ? value >= threshold : value <= threshold;
}

/// <summary>A change of alert level at one observation. <see cref="To"/> &gt; <see cref="From"/> is an alert (escalation).</summary>
public sealed record AlertCrossing(DateOnly Date, double Value, AlertLevel From, AlertLevel To)
{
    public bool IsEscalation => To > From;
}

/// <summary>Alerts of an indicator against its thresholds.</summary>
public static class ThresholdAlerts
{
    /// <summary>
    /// Every change of level, in time order. The level before the first observation is taken as green, so a series that
    /// starts amber or red opens with an escalation from green. Escalations (green→amber, amber→red, green→red) are the
    /// alerts; de-escalations are recorded as crossings with <see cref="AlertCrossing.To"/> below <see cref="AlertCrossing.From"/>.
    /// Consecutive crossings chain: each one's From is the previous one's To.
    /// </summary>
    public static IReadOnlyList<AlertCrossing> Evaluate(IndicatorSeries series, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(thresholds);
        var crossings = new List<AlertCrossing>();
        var level = AlertLevel.Green;
        foreach (var (date, value) in series.Points)
        {
            var next = thresholds.LevelOf(value);
            if (next != level) crossings.Add(new AlertCrossing(date, value, level, next));
            level = next;
        }
        return crossings;
    }

    /// <summary>The level of the latest observation; green for an empty series.</summary>
    public static AlertLevel CurrentLevel(IndicatorSeries series, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(thresholds);
        return series.Points.Count == 0 ? AlertLevel.Green : thresholds.LevelOf(series.Points[^1].Value);
    }
}
