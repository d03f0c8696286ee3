namespace Baken.Methods.Strategy;

/// <summary>
/// The rules of the gap analysis (METHODS §6). The declaration order is the order of <see cref="GapReport.Gaps"/>.
/// </summary>
public enum GapKind
{
    /// <summary>A scenario ranked ≤ <see cref="GapSettings.TopScenarios"/> that no goal links and no live (non-stopped) measure has an effect on.</summary>
    UnaddressedScenario,

    /// <summary>A goal whose owner is missing (null, empty or white space).</summary>
    GoalWithoutOwner,

    /// <summary>A goal that links no known, live measure (no codes, only unknown codes, or only stopped measures).</summary>
    GoalWithoutMeasure,

    /// <summary>A goal that no indicator names as its <see cref="IndicatorInfo.GoalCode"/>.</summary>
    GoalWithoutIndicator,

    /// <summary>An indicator with no value, a value older than <see cref="GapSettings.StaleAfterDays"/>, or an update overdue (today past last value date + interval).</summary>
    IndicatorWithoutRecentValue,

    /// <summary>A reminder, not a failure: the next update of an indicator falls due within <see cref="GapSettings.ReminderDaysAhead"/> days (today included).</summary>
    UpdateDueSoon,

    /// <summary>An indicator past its deadline without its target reached, or a measure past its due date and neither implemented nor stopped.</summary>
    OverdueMilestone,

    /// <summary>A follow-up action not done whose deadline lies before today.</summary>
    OverdueAction,

    /// <summary>A link to a code that is not among the inputs: a goal to an unknown scenario or measure, a measure to an unknown scenario, an indicator to an unknown goal.</summary>
    DanglingLink,
}

/// <summary>What kind of record a gap is about, so that subject codes from different registers cannot be confused.</summary>
public enum GapSubject
{
    Scenario,
    Goal,
    Measure,
    Indicator,
    FollowUpAction,
}

/// <summary>One finding of the gap analysis.</summary>
/// <param name="Kind">The rule that fired.</param>
/// <param name="SubjectCode">Code of the record the gap is about (for <see cref="GapKind.DanglingLink"/>: the record that holds the link).</param>
/// <param name="SubjectTitle">Its title.</param>
/// <param name="Explanation">One English sentence naming the rule and the facts, for reports and the workbench.</param>
/// <param name="Since">
/// The date the gap concerns: the missed date for overdue kinds (deadline, due date, or the date a value became
/// stale or its update fell due), the coming due date for <see cref="GapKind.UpdateDueSoon"/>, null when the gap has
/// no date (missing links, owners, indicators or values).
/// </param>
/// <param name="Subject">What kind of record <paramref name="SubjectCode"/> names.</param>
/// <param name="Message">The explanation as a message key and its facts, so a host can say it in the reader's language.</param>
public sealed record Gap(GapKind Kind, string SubjectCode, string SubjectTitle, string Explanation, DateOnly? Since, GapSubject Subject, GapMessage? Message = null)
{
    /// <summary>True for reminders (<see cref="GapKind.UpdateDueSoon"/>), which are not yet failures.</summary>
    public bool IsReminder => Kind == GapKind.UpdateDueSoon;
}

/// <summary>
/// A gap's explanation as data: a key (e.g. "goal.noowner") and its arguments in order (codes, counts, days, dates,
/// values). <see cref="Gap.Explanation"/> is the same sentence in English.
/// </summary>
public sealed record GapMessage(string Key, params IReadOnlyList<object> Arguments)
{
    /// <summary>Equal when the key and every argument are equal, so two reports with the same findings compare equal.</summary>
    public bool Equals(GapMessage? other) =>
        other is not null && Key == other.Key && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Key, Arguments.Count);
}

/// <summary>The result of <see cref="GapAnalysis.Find"/>.</summary>
/// <param name="Today">The date the analysis was made for.</param>
/// <param name="Gaps">Ordered by <see cref="GapKind"/> declaration order; within <see cref="GapKind.UnaddressedScenario"/> by rank (most serious first); then by subject code (ordinal), subject kind and explanation (ordinal).</param>
public sealed record GapReport(DateOnly Today, IReadOnlyList<Gap> Gaps)
{
    public IReadOnlyList<Gap> Gaps { get; } = Gaps ?? throw new ArgumentNullException(nameof(Gaps), "GapReport.Gaps is null: give an empty list for none.");

    /// <summary>Number of gaps of each kind; every kind is present, zero when none, in declaration order.</summary>
    public IReadOnlyDictionary<GapKind, int> CountsByKind { get; } =
        Enum.GetValues<GapKind>().ToDictionary(kind => kind, kind => Gaps.Count(g => g.Kind == kind));

    public int CountOf(GapKind kind) => CountsByKind.TryGetValue(kind, out var count) ? count : 0;

    public IReadOnlyList<Gap> OfKind(GapKind kind) => Gaps.Where(g => g.Kind == kind).ToList();

    /// <summary>Gaps that are failures, i.e. all except reminders.</summary>
    public int ProblemCount => Gaps.Count(g => !g.IsReminder);
}
