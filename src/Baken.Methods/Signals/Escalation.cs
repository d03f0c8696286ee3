namespace Baken.Methods.Signals;

/// <summary>
/// Parameters of the battle-death escalation rule. Defaults: a jump is a year with at least twice the mean of the
/// previous 3 years and at least 25 deaths; 25 battle-related deaths in a year is UCDP's threshold for an armed
/// conflict, 1,000 its threshold for a war.
/// </summary>
public sealed record EscalationSettings
{
    /// <param name="factor">Minimum ratio deaths / baseline for a jump, &gt; 1; default 2.0.</param>
    /// <param name="baselineYears">Number of previous calendar years whose mean is the baseline, ≥ 1; default 3.</param>
    /// <param name="minimumDeaths">Deaths a year needs before it can be a jump, and the armed-conflict threshold, ≥ 0; default 25.</param>
    /// <param name="warDeaths">The war threshold, &gt; <paramref name="minimumDeaths"/>; default 1000.</param>
    public EscalationSettings(double factor = 2.0, int baselineYears = 3, double minimumDeaths = 25, double warDeaths = 1000)
    {
        if (!double.IsFinite(factor) || factor <= 1)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The escalation factor must be a finite number above 1.");
        if (baselineYears < 1)
            throw new ArgumentOutOfRangeException(nameof(baselineYears), baselineYears, "The baseline needs at least 1 previous year.");
        if (!double.IsFinite(minimumDeaths) || minimumDeaths < 0)
            throw new ArgumentOutOfRangeException(nameof(minimumDeaths), minimumDeaths, "Minimum deaths must be a finite number ≥ 0.");
        if (!double.IsFinite(warDeaths) || warDeaths <= minimumDeaths)
            throw new ArgumentOutOfRangeException(nameof(warDeaths), warDeaths, $"The war threshold must be finite and above the minimum deaths ({minimumDeaths}).");
        Factor = factor;
        BaselineYears = baselineYears;
        MinimumDeaths = minimumDeaths;
        WarDeaths = warDeaths;
    }

    public double Factor { get; }

    public int BaselineYears { get; }

    public double MinimumDeaths { get; }

    public double WarDeaths { get; }

    public static EscalationSettings Default { get; } = new();
}

/// <summary>What made a year an escalation; a year can have several.</summary>
[Flags]
public enum EscalationKind
{
    None = 0,

    /// <summary>Deaths ≥ factor × baseline and ≥ the minimum.</summary>
    Jump = 1,

    /// <summary>Deaths reached the armed-conflict threshold (default 25) after a year below it.</summary>
    ArmedConflictThreshold = 2,

    /// <summary>Deaths reached the war threshold (default 1,000) after a year below it.</summary>
    WarThreshold = 4,
}

/// <summary>
/// One flagged year. <see cref="Baseline"/> is the mean deaths of the previous years;
/// <see cref="Ratio"/> is deaths / baseline (+∞ when the baseline is 0 and deaths are positive).
/// </summary>
public sealed record EscalationFinding(int Year, double Deaths, double Baseline, double Ratio, EscalationKind Kind);

/// <summary>Escalation in a yearly battle-death series (e.g. UCDP country-year best estimates).</summary>
public static class Escalation
{
    /// <summary>
    /// The flagged years, in year order. The rule, for year y with deaths d(y):
    /// baseline b(y) = mean of d over the <see cref="EscalationSettings.BaselineYears"/> calendar years before y, counting only
    /// years from the series' first year on (fewer years near the start); a year missing inside the series counts as 0 deaths.
    /// The first year of the series is never flagged: there is nothing to compare it with.
    /// Jump when d(y) ≥ <see cref="EscalationSettings.MinimumDeaths"/> and d(y) ≥ factor × b(y) (with b = 0 any positive d qualifies).
    /// Armed-conflict (war) threshold crossed when d(y) ≥ 25 (1,000) and d(y − 1) &lt; 25 (1,000).
    /// </summary>
    /// <param name="series">(year, deaths) pairs; deaths finite and ≥ 0; each year once, any order.</param>
    public static IReadOnlyList<EscalationFinding> Detect(IReadOnlyList<(int Year, double Deaths)> series, EscalationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        settings ??= EscalationSettings.Default;
        var deaths = new Dictionary<int, double>();
        foreach (var (year, d) in series)
        {
            if (!double.IsFinite(d) || d < 0)
                throw new ArgumentOutOfRangeException(nameof(series), d, $"Deaths in {year} must be a finite number ≥ 0.");
            if (!deaths.TryAdd(year, d))
                throw new ArgumentException($"Year {year} occurs more than once in the battle-death series; each year once.", nameof(series));
        }

        var findings = new List<EscalationFinding>();
        if (deaths.Count == 0) return findings;
        var first = deaths.Keys.Min();
        foreach (var year in deaths.Keys.Order())
        {
            // Before its first year a series says nothing (the state or the record did not exist yet), so the first
            // year has no baseline and no previous year: it cannot be flagged.
            if (year == first) continue;
            var from = Math.Max(first, year - settings.BaselineYears);
            var d = deaths[year];
            var baseline = Enumerable.Range(from, year - from).Average(y => deaths.GetValueOrDefault(y));
            var ratio = baseline > 0 ? d / baseline : d > 0 ? double.PositiveInfinity : 0;
            var previous = deaths.GetValueOrDefault(year - 1);
            var kind = EscalationKind.None;
            if (d >= settings.MinimumDeaths && d > 0 && ratio >= settings.Factor) kind |= EscalationKind.Jump;
            if (d >= settings.MinimumDeaths && previous < settings.MinimumDeaths) kind |= EscalationKind.ArmedConflictThreshold;
            if (d >= settings.WarDeaths && previous < settings.WarDeaths) kind |= EscalationKind.WarThreshold;
            if (kind != EscalationKind.None) findings.Add(new EscalationFinding(year, d, baseline, ratio, kind));
        }
        return findings;
    }
}
