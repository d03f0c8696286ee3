namespace Baken.Methods.Signals;

/// <summary>
/// Something that pressed on one or more targets on one date: a signal (weight e.g. its Admiralty grade weight from
/// <see cref="SourceGrades"/>) or an indicator move (weight e.g. the size of the move relative to its amber distance).
/// </summary>
public sealed record PressureEvent
{
    /// <param name="sourceId">Who or what produced it (feed, organisation, indicator code); not blank. Distinct sources are counted.</param>
    /// <param name="date">When it happened or was reported.</param>
    /// <param name="targets">Tags it presses on (<c>interest:…</c>, <c>vital-process:…</c>, <c>sector:…</c>, <c>actor:…</c>); at least one, each <c>kind:value</c>.</param>
    /// <param name="weight">Pressure it adds, finite and ≥ 0 (dimensionless; signal weights lie in [0, 1]).</param>
    /// <param name="subThreshold">Whether it stayed under its own alert threshold (a signal that raised no alert, an indicator still green).</param>
    public PressureEvent(string sourceId, DateOnly date, IReadOnlyList<string> targets, double weight, bool subThreshold)
    {
        if (string.IsNullOrWhiteSpace(sourceId))
            throw new ArgumentException("A pressure event needs a non-blank source id.", nameof(sourceId));
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
            throw new ArgumentException($"Pressure event from '{sourceId}' on {date:yyyy-MM-dd} needs at least one target.", nameof(targets));
        foreach (var t in targets)
            if (!SignalItem.IsValidTag(t))
                throw new ArgumentException($"Pressure event from '{sourceId}' has target '{t}'; a target is 'kind:value', e.g. 'vital-process:VP-01'.", nameof(targets));
        if (!double.IsFinite(weight) || weight < 0)
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"Weight of the pressure event from '{sourceId}' must be a finite number ≥ 0.");
        SourceId = sourceId;
        Date = date;
        Targets = targets.Distinct(StringComparer.Ordinal).ToArray();
        Weight = weight;
        SubThreshold = subThreshold;
    }

    public string SourceId { get; }

    public DateOnly Date { get; }

    public IReadOnlyList<string> Targets { get; }

    public double Weight { get; }

    public bool SubThreshold { get; }

    /// <summary>Tag kinds a stack can build up on (METHODS §2: interest, vital process, sector, actor).</summary>
    public static readonly IReadOnlySet<string> TargetKinds = new HashSet<string>(StringComparer.Ordinal) { "interest", "vital-process", "sector", "actor" };

    /// <summary>
    /// The pressure a signal puts on the targets among its tags (kinds in <see cref="TargetKinds"/>), with
    /// <paramref name="weight"/> (e.g. <see cref="SourceGrades.Weight"/> of its grades); null when it tags no target.
    /// </summary>
    public static PressureEvent? FromSignal(SignalItem signal, double weight, bool subThreshold = true)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var targets = signal.Tags.Where(t => TargetKinds.Contains(t[..t.IndexOf(':')])).ToArray();
        return targets.Length == 0 ? null : new PressureEvent(signal.Source, signal.Date, targets, weight, subThreshold);
    }
}

/// <summary>Parameters of the stacked-threat search (METHODS §2, "Stacked threats").</summary>
public sealed record StackSettings
{
    /// <param name="windowDays">Length of the sliding window in days, ending on (and including) the evaluation date, ≥ 1; default 180.</param>
    /// <param name="stackThreshold">Pressure a target needs for a finding, &gt; 0; default 1.0.</param>
    /// <param name="minSources">Distinct sources a finding needs, ≥ 1; default 3.</param>
    /// <param name="singleEventAlarm">
    /// Weight at which one event is alarming by itself, &gt; 0; default 0.5 (with the indicative grade table, B2 = 0.64 alarms,
    /// C3 = 0.36 does not). Alarming events already raise their own alerts, so they are left out of stacks.
    /// </param>
    public StackSettings(int windowDays = 180, double stackThreshold = 1.0, int minSources = 3, double singleEventAlarm = 0.5)
    {
        if (windowDays < 1)
            throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "The window must be at least 1 day.");
        if (!double.IsFinite(stackThreshold) || stackThreshold <= 0)
            throw new ArgumentOutOfRangeException(nameof(stackThreshold), stackThreshold, "The stack threshold must be a finite number above 0.");
        if (minSources < 1)
            throw new ArgumentOutOfRangeException(nameof(minSources), minSources, "A stack needs at least 1 source.");
        if (!double.IsFinite(singleEventAlarm) || singleEventAlarm <= 0)
            throw new ArgumentOutOfRangeException(nameof(singleEventAlarm), singleEventAlarm, "The single-event alarm level must be a finite number above 0.");
        WindowDays = windowDays;
        StackThreshold = stackThreshold;
        MinSources = minSources;
        SingleEventAlarm = singleEventAlarm;
    }

    public int WindowDays { get; }

    public double StackThreshold { get; }

    public int MinSources { get; }

    public double SingleEventAlarm { get; }

    public static StackSettings Default { get; } = new();

    /// <summary>Whether an event counts towards a stack: it stayed under its own threshold and its weight is below the single-event alarm.</summary>
    public bool IsQuiet(PressureEvent e) => e.SubThreshold && e.Weight < SingleEventAlarm;

    /// <summary>First day of the window ending on <paramref name="asOf"/>.</summary>
    public DateOnly WindowStart(DateOnly asOf) => asOf.AddDays(-(WindowDays - 1));
}

/// <summary>
/// A target under stacked pressure: quiet events (see <see cref="StackSettings.IsQuiet"/>) from at least
/// <see cref="StackSettings.MinSources"/> sources whose summed weight reaches the stack threshold.
/// <see cref="From"/>/<see cref="To"/> are the dates of the first and last part; <see cref="Parts"/> are in date, then source order.
/// </summary>
public sealed record StackedThreatFinding(string Target, double Pressure, IReadOnlyList<PressureEvent> Parts, DateOnly From, DateOnly To, string Explanation);

/// <summary>Monthly pressure on one target, for a chart: each month's value is the window pressure on the month's last day.</summary>
public sealed record PressureSeries(string Target, IReadOnlyList<(DateOnly MonthStart, double Pressure)> Points);

/// <summary>
/// Stacked threats (METHODS §2): signals and indicator movements that each stay under their alert threshold but press on
/// the same interest, vital process, sector or actor within a time window are summed as pressure; a pressure at or above
/// its own threshold, built from enough distinct sources, is a finding that names its parts.
/// </summary>
public static class StackedThreats
{
    /// <summary>
    /// Findings for the window of <see cref="StackSettings.WindowDays"/> days ending on <paramref name="asOf"/> (both ends
    /// included; later events are ignored), ordered by pressure descending, then target (ordinal).
    /// Pressure on a target = sum of the weights of the quiet events in the window that name it.
    /// </summary>
    public static IReadOnlyList<StackedThreatFinding> Find(IReadOnlyList<PressureEvent> events, StackSettings? settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        settings ??= StackSettings.Default;
        var start = settings.WindowStart(asOf);
        var inWindow = events.Where(e => e.Date >= start && e.Date <= asOf).ToArray();
        var findings = new List<StackedThreatFinding>();
        foreach (var group in inWindow.SelectMany(e => e.Targets.Select(t => (Target: t, Event: e))).GroupBy(x => x.Target, StringComparer.Ordinal))
        {
            var quiet = group.Select(x => x.Event).Where(settings.IsQuiet)
                .OrderBy(e => e.Date).ThenBy(e => e.SourceId, StringComparer.Ordinal).ThenBy(e => e.Weight).ToArray();
            if (quiet.Length == 0) continue;
            var pressure = quiet.Sum(e => e.Weight);
            var sources = quiet.Select(e => e.SourceId).Distinct(StringComparer.Ordinal).Count();
            if (pressure < settings.StackThreshold || sources < settings.MinSources) continue;
            var loud = group.Count(x => !settings.IsQuiet(x.Event));
            var explanation =
                FormattableString.Invariant($"{quiet.Length} sub-threshold events from {sources} sources press on {group.Key} between {quiet[0].Date:yyyy-MM-dd} and {quiet[^1].Date:yyyy-MM-dd}: ") +
                FormattableString.Invariant($"pressure {pressure:0.###} ≥ threshold {settings.StackThreshold:0.###} in the {settings.WindowDays}-day window ending {asOf:yyyy-MM-dd}, ") +
                FormattableString.Invariant($"while each event stays below the single-event alarm {settings.SingleEventAlarm:0.###}") +
                (loud > 0 ? FormattableString.Invariant($"; {loud} alarming event(s) on the same target raise their own alerts and are not counted.") : ".");
            findings.Add(new StackedThreatFinding(group.Key, pressure, quiet, quiet[0].Date, quiet[^1].Date, explanation));
        }
        return findings.OrderByDescending(f => f.Pressure).ThenBy(f => f.Target, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Monthly pressure per target from the month of <paramref name="from"/> to the month of <paramref name="to"/>
    /// (each point labelled with the month's first day; evaluated on the month's last day, or on <paramref name="to"/>
    /// for its own month), for every target named by a quiet event. Targets in ordinal order.
    /// </summary>
    public static IReadOnlyList<PressureSeries> MonthlyPressure(IReadOnlyList<PressureEvent> events, StackSettings? settings, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(events);
        settings ??= StackSettings.Default;
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end of the chart ({to:yyyy-MM-dd}) must not be before its start ({from:yyyy-MM-dd}).");
        var months = new List<(DateOnly Start, DateOnly Evaluated)>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            months.Add((m, end < to ? end : to));
        }
        var result = new List<PressureSeries>();
        var byTarget = events.Where(settings.IsQuiet)
            .SelectMany(e => e.Targets.Select(t => (Target: t, Event: e)))
            .GroupBy(x => x.Target, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byTarget)
        {
            var sorted = group.Select(x => x.Event).OrderBy(e => e.Date).ToArray();
            var days = sorted.Select(e => e.Date.DayNumber).ToArray();
            var cumulative = new double[sorted.Length + 1];
            for (var i = 0; i < sorted.Length; i++) cumulative[i + 1] = cumulative[i] + sorted[i].Weight;
            var points = new List<(DateOnly, double)>(months.Count);
            foreach (var (start, evaluated) in months)
            {
                var upTo = FirstAfter(days, evaluated.DayNumber);
                var before = FirstAfter(days, settings.WindowStart(evaluated).DayNumber - 1);
                points.Add((start, cumulative[upTo] - cumulative[before]));
            }
            result.Add(new PressureSeries(group.Key, points));
        }
        return result;
    }

    /// <summary>Index of the first day in <paramref name="sortedDays"/> after <paramref name="day"/> (its length if none).</summary>
    private static int FirstAfter(int[] sortedDays, int day)
    {
        int lo = 0, hi = sortedDays.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sortedDays[mid] <= day) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
